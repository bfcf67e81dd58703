// Private to the reader's translation units: the pass that reads what kind of message it is (SpeechReader).
// reader_speech.cpp holds the pass itself (the question's focus and election, the speech act); reader_speech_cues.cpp
// the readings of cue phrases and words it is decided from (fillers, report cues, emoji, receipt-code prefixes);
// reader_speech_reports.cpp the readings of a message that speaks of reporting.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/reader.h"
#include "bot/reader_internal.h"
#include "knowledge/text.h"

namespace netra::bot {

// Words after a closing negation that still leave it a question tag ("gk ya", "nggak sih min").
inline constexpr size_t kQuestionTagReach = 3;

using knowledge::MessageCue;

// A help request may open with a greeting and chat fillers ("assalamualaikum min, ini bot apa ya? bs bantu apa
// aja"): only a few content words may stand beside the cue.
inline constexpr size_t kMaxHelpContentWords = 4;
// A report cue this close to the start opens a report ("min, mau lapor: …").
inline constexpr size_t kReportCueReach = 3;
// Words either side of a sanction word where a yes/no marker or a content question word governs it.
inline constexpr size_t kYesNoReach = 3;
// Words before a sanction word where a content question word asks for it ("apa saja sanksinya").
inline constexpr size_t kContentQuestionLead = 2;
// Words between a topic word and the fact word it governs ("tentang tata cara", "ttg jadwal dan cara").
inline constexpr size_t kTopicReach = 3;
// The same within the topic word's clause, across a list of what the post is about ("soal tanggal coblosan sama cara
// nyoblos").
inline constexpr size_t kTopicClauseReach = 6;

inline bool is_kind(const PhraseMatch& match, MessageCue kind) {
  return static_cast<MessageCue>(match.label) == kind;
}

// When one word signals several facts, the more specific one: a time limit, a sanction, a procedure, a definition.
inline int fact_rank(MessageCue kind) {
  switch (kind) {
    case MessageCue::deadline:
      return 4;
    case MessageCue::sanction:
      return 3;
    case MessageCue::procedure:
      return 2;
    case MessageCue::definition:
      return 1;
    default:
      return 0;
  }
}

inline bool has_letters_or_digits(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c); });
}

// Reads one message's speech act, focus and election into the reading; built and run once per message by
// Reader::read_speech_act, after the people and acts are read.
class SpeechReader {
 public:
  SpeechReader(Reading& reading, const std::vector<PhraseMatch>& cues, const knowledge::Analyzer& analyzer,
               const std::vector<PhraseMatch>& roles, const std::vector<PhraseMatch>& people,
               const std::vector<PhraseMatch>& targets, const std::vector<PhraseMatch>& negations)
      : reading_(reading),
        cues_(cues),
        analyzer_(analyzer),
        roles_(roles),
        people_(people),
        targets_(targets),
        negations_(negations) {}

  void run();

 private:
  bool has(MessageCue kind) const;

  // A cue of `kind` that the writer says, not one inside a quote of what someone else said.
  bool has_unquoted(MessageCue kind) const;

  // A question mark, question word or verdict word of the writer's own: "katanya 'nanti dana desa aman'" quotes
  // a verdict word and asks nothing.
  bool asks_plainly() const;

  bool quoted_at(size_t byte) const;

  // A sanction, procedure, deadline or definition cue: the kinds that ask for a fact.
  bool is_fact_cue(const PhraseMatch& cue) const;
  bool asks_for_fact() const;
  // A fact is asked outside every choice cue: "siapa yang" inside "siapa yg paling layak" asks for no fact.
  bool asks_for_fact_beside_choice() const;
  // A greeting, an acknowledgement or a question announced ("mau nanya"), beside who the writer is and where, with
  // no act, no question mark and nothing asked about a rule: the question is still to come.
  bool introduces_a_question() const;
  // A verdict or question cue right before or within two words after an announcement ("boleh tanya?", "mau nanya
  // dikit boleh?"): it asks leave to ask.
  bool asks_leave_to_ask(const PhraseMatch& cue) const;
  // A question mark, outside quotes, ends or stands in `sentence`.
  bool sentence_has_question_mark(size_t sentence) const;
  // A question word stands in `sentence`.
  bool sentence_asks(size_t sentence) const;

  // The token names the writer's own role ("sy sekdes"), a person, or a body ("bawaslu"): who someone is, not a
  // legal topic.
  bool names_someone(size_t token) const;
  // Content words, and whether any is an election word, outside such names: "sy sekdes, bot ini gmn cara
  // pakenya?" and "ini bot resmi bawaslu?" ask about the bot, whoever asks and whoever runs it.
  size_t content_words_beyond_names() const;
  bool mentions_domain_beyond_names() const;

  // "blh share video KPU ttg cara nyoblos?": a fact word within a few words after a topic word, once a verdict
  // was asked before it, says what the shared thing is about.
  bool names_content(const PhraseMatch& cue) const;

  void read_focus_and_election();
  // The last fact cue (sanction, procedure, deadline, definition) and the last verdict cue that ask something:
  // cues after the question sentence or told in the story before a deed do not.
  struct AskedCues {
    std::optional<PhraseMatch> last_fact;
    std::optional<PhraseMatch> last_verdict;
  };
  AskedCues last_asked_cues() const;
  // "perangkat yg langgar netralitas sanksinya apa?": a verdict word right after "yang" says who, it asks nothing.
  bool says_who(const PhraseMatch& cue) const;
  // Partisanship named ("ga netral") is the act asked only when no deed is told and the question asks whether it is
  // allowed or how it is punished; otherwise it leaves the asked acts.
  void keep_partisanship_only_as_a_deed();
  // An off-topic cue ("hujan", "quick count") in a clause that names no act, in the sentence that asks, and
  // nothing asked about a rule or a fact: the message asks what Netra does not answer.
  bool asks_off_topic() const;
  // "makasih pak, sy jadi tenang. likenya udah sy hapus kok 🙏", "oke siap pak, nanti sy sampaikan ke kadus2 lain":
  // a first clause of thanks or acknowledgement, then statements only — no question mark, no question word beyond a
  // verdict word said back, no fact asked, no report, no closing tag.
  bool courtesy_then_statements() const;
  // The question's sentence asks with a report in the passive ("itu bisa dilaporin ga?").
  bool asks_if_reportable() const;
  // "… Sy mau tau ini melanggar apa ngga, dan bisa sy laporin?", "… katanya mau lapor. tindakan kayak gitu
  // melanggar ga?": the question sentence asks whether something breaks the rules (a violation_word among its
  // verdict cues) and names no deed of its own but a report: the deeds told are asked.
  bool asks_if_told_deeds_violate() const;
  // Asks about every deed told before the message's first report, the writer's own too; false (and nothing
  // changed) when none is.
  bool ask_about_deeds_before_report();
  // A report act, a report cue or a wish to report: the message speaks of reporting.
  bool speaks_of_reporting() const;
  // The sentence of the message's first report act not negated, or SIZE_MAX.
  size_t first_report_sentence() const;
  // Makes `person` the one the question is about, once the asked acts changed after the people were read.
  void set_subject(size_t person);
  // A realisation word ("ternyata") before `token` in its sentence: what follows is told as learned, not asked.
  bool told_as_learned(size_t token) const;
  // A negation right after `cue` in its clause: a question tag ("hujan gk ya min, …").
  bool tagged_right_after(const PhraseMatch& cue) const;
  // "kades bagi sembako pas masa tenang, pidana gk?": a sanction word with a yes/no marker beside it and no
  // word asking for content beside any sanction word ("sanksinya apa?") asks whether the act is punished.
  bool asks_sanction_yes_or_no() const;
  // A cue of `kind` with no negation within two words before it ("bukan pilkada" denies).
  bool names_undenied(MessageCue kind) const;
  // The subject is a relative and no "if" stands in the message: a case told, not a rule asked.
  bool tells_a_case() const;
  // A word of `word_class` stands anywhere in the message.
  bool has_word_of(knowledge::WordClass word_class) const;
  // Whether anyone of a role who does a deed, named with a defining "yang" or a condition, incurs a criminal penalty
  // ("perangkat desa yg ikut kampanye kena pidana?"): it binds only some of them, so the sanction answers, not a
  // verdict on a case. Whether the discipline follows ("PPPK yg jd timses, kontraknya bisa diputus?") stays one.
  bool asks_of_a_class() const;
  // A content question word within kContentQuestionLead words before the sanction word `cue`, in its sentence,
  // and not the particle of a yes/no question ("apa ada …", "apa bisa …").
  bool content_question_before(const PhraseMatch& cue) const;
  // A content question word ("apa", "berapa") after `token`, anywhere in the message.
  bool content_question_after(size_t token) const;
  // A word of `word_class` within [first - before, last + after] in the sentence of `cue`.
  bool word_near(const PhraseMatch& cue, knowledge::WordClass word_class, size_t before, size_t after) const;

  // A word that carries nothing of its own in a short social message: stopwords, names of address ("pak",
  // "min"), the writer, possessive forms of those ("infonya").
  bool filler(const Token& token) const;

  // True when every token is covered by a cue of one of `kinds` or is a filler, and at least one cue is there.
  bool only(std::initializer_list<MessageCue> kinds) const;

  // The same for the tokens [first, end): a cue counts when it starts there.
  bool only_within(std::initializer_list<MessageCue> kinds, size_t first, size_t end) const;

  // A report cue ("lapor", "mau ngadu") among the first words: the message opens a report.
  std::optional<PhraseMatch> opening_report_cue() const;

  // "… pak camat diem aja. Lapor ya min.": a last sentence made only of a report cue and fillers asks to report
  // what the sentences before it told.
  bool closing_report_request() const;

  // The text before the last sentence.
  std::string account_before_last_sentence() const;

  // The account after an opening report cue ("lapor min, kades X bagi amplop" → "kades X bagi amplop").
  std::string account_after(const PhraseMatch& cue) const;

  // A word the normaliser made of an emoji: its source bytes hold no ASCII letter or digit and are not full-width
  // letters (U+FF01..U+FF5E, which fold to ASCII).
  bool from_emoji(const Token& token) const;

  // A word that starts like a receipt code ("NTR7KQ2M9", "ntr-7k3q") but is not a whole one.
  // "NTR7KQ2M9", "NTR-7KQ2M9" (a code mistyped): the receipt prefix, read in the text as written, because the
  // chat-language map turns a lone "ntr" into "nanti".
  bool mentions_code_prefix() const;

  bool only_report_acts() const;

  // A verdict word asks about an asked act of reporting ("ASN boleh ngelapor?").
  // A verdict word that asks permission ("boleh?"), not whether the writer is safe ("aman gk lapor di sini?").
  bool asks_permission() const;
  bool asks_whether_reporting_is_allowed() const;
  bool has_third_party_act() const;
  // The writer never names themself and the message names an act: told of someone else, whom it leaves unnamed.
  bool has_act_without_actor() const;
  // Someone other than the writer does an act the message tells, other than reporting ("sekdes jd admin grup
  // paslon, gmn cara lapor?"): a story of what was done, not only of whom to report.
  bool tells_someones_act() const;
  // An act, not negated, of someone other than the writer, other than reporting or serving as election staff.
  static bool is_told_deed(const ActMention& act);
  // Someone other than the writer does an act in a sentence before the first act of reporting.
  bool tells_story_before_report() const;
  // The question is about the writer's own reporting ("apa sy harus lapor?", "sy mau lapor ke sini boleh?").
  bool asks_about_own_report() const;
  // The question becomes the acts told of others and whoever did the first of them: a tip is answered by the
  // rule they broke.
  void ask_about_told_acts();
  // A role is named before an act of reporting in its clause ("PPPK boleh ngelapor gak?").
  bool reporter_role_asked() const;
  // Only fillers follow `cue` in its clause: "Lapor min, …" says what the writer is doing; "laporan soal kades …
  // bisa dikirim lewat mana?" names the report it asks about.
  bool stands_alone(const PhraseMatch& cue) const;
  // "td pagi sekdes bagi2 duit ke ibu2 pengajian. gmn caranya lapor?": a deed told, then only how to report it
  // ("cara"/"caranya" in the sentence of the report act, no verdict, sanction or deadline asked) — the report
  // flow is that answer.
  bool asks_only_how_to_report_a_deed() const;
  // "gmn caranya lapor lwt sini? aman gk identitas sy": how to report through Netra itself, with no verdict asked.
  bool asks_how_to_report_here() const;

  bool tells_a_story() const;

  SpeechAct classify();
  std::optional<SpeechAct> classify_form();
  std::optional<SpeechAct> classify_status();
  std::optional<SpeechAct> classify_report();
  // Whether to report a deed told (asked after it): a question about the deed, or a tip when a wish is told too.
  std::optional<SpeechAct> classify_whether_to_report(const std::string& whole);
  std::optional<SpeechAct> classify_chat();
  size_t help_cue_words() const;

  // An emoji read as a word ("👍" → "jempol"), or one the normaliser dropped ("😂"): a four-byte UTF-8 sequence,
  // U+10000 and above, where the emoji blocks lie.
  bool has_emoji() const;

  // "besok ujan gk ya": a negation among the last words, after everything it could negate, asks yes or no.
  bool ends_with_question_tag() const;

  bool says_nothing_legal() const;

  // "siapa capres paling bagus?": Netra recommends no one. Not when the message asks whether something is allowed
  // or for a fact, or names an official whose conduct is the question ("kades boleh nyuruh pilih siapa?").
  bool asks_for_a_choice() const;

  Reading& reading_;
  const std::vector<PhraseMatch>& cues_;
  const knowledge::Analyzer& analyzer_;
  const std::vector<PhraseMatch>& roles_;
  const std::vector<PhraseMatch>& people_;
  const std::vector<PhraseMatch>& targets_;
  const std::vector<PhraseMatch>& negations_;
};

}  // namespace netra::bot
