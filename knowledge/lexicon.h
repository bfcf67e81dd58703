// The chat-language lexicon: slang map, stopwords, domain words and intent cues. Data lives in
// knowledge/data/*.txt (human-edited); this parses it. The index stores the same texts, so a built index always
// analyses queries with the lexicon it was built with.
#pragma once

#include <map>
#include <array>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "knowledge/problem.h"
#include "knowledge/vocabulary.h"

namespace netra::knowledge {

// The raw contents of the lexicon files, by file name (see lexicon_file_names()).
using LexiconTexts = std::map<std::string, std::string>;

// What a cue phrase in knowledge/data/intents.txt signals about a message.
enum class MessageCue {
  greeting,
  help,
  thanks,
  acknowledgement,
  small_talk,
  report,
  status,
  question,
  verdict,
  sanction,
  procedure,
  deadline,
  definition,
  choice,
  off_topic,
  pilkada,
  pemilu,
  menu_question,
  menu_report,
  menu_status,
  menu,
  cancel,
  topic,
  report_wish,
  announcement,  // "mau tanya", "izin bertanya": a question announced, perhaps still to come
  pilkades,      // a village head election: outside the Pemilu and Pilkada laws
  // "bisa anonim?", "identitas pelapor dirahasiakan?": asks how a report protects the one who makes it (a fact, like
  // a procedure), yet beside a wish to report it still opens the report flow, whose first reply answers it.
  anonymity,
};
inline constexpr size_t kMessageCueCount = static_cast<size_t>(MessageCue::anonymity) + 1;
std::optional<MessageCue> parse_message_cue(std::string_view label);
std::string_view to_string(MessageCue cue);

// What a word of knowledge/data/people.txt says about a person: the writer (self: "saya", "abdi"), someone
// already named (third_person: "dia", "beliau"), the addressee of a greeting or question (vocative: "pak" at the
// start of "pak, mau tanya"), or a relative or acquaintance of the writer.
struct PersonCue {
  enum class Kind { self, third_person, vocative, relation } kind = Kind::self;
  Relation relation = Relation::relative;  // for Kind::relation
};
std::optional<PersonCue> parse_person_cue(std::string_view label);

// One cue phrase as written in a data file, folded into words. Phrases are matched after the message and the
// phrase both went through the chat-language map; `exact` phrases (written with a leading `=`) must equal the
// message's words, the others match on stems ("dukung" also matches "mendukung", "dukungan"). One word in double
// quotes is exact inside a stemmed phrase (`ajak .. "pilih"`: "pemilihan" also stems to "pilih").
// A gap in a cue phrase (written `..`): up to kMaxGapWords other words of the same clause may stand there.
inline constexpr const char* kGapWord = "..";
inline constexpr size_t kMaxGapWords = 4;

struct CuePhrase {
  std::vector<std::string> words;  // may hold kGapWord between other words
  std::vector<bool> exact_words;   // per word: must equal the message's word (the whole phrase, or a quoted word)
  bool exact = false;              // the whole phrase was written with a leading `=`
  int line = 0;
};

template <typename Label>
struct Cue {
  Label label;
  CuePhrase phrase;
};

// Kept for the report categories, whose labels are plain strings (medsos, kampanye, …).
struct IntentCue {
  std::string intent;              // the label
  std::vector<std::string> words;  // the cue phrase, as folded words
};

// Small closed word classes the reader's grammar needs (data/grammar.txt): words after which a noun is an object
// ("ke caleg"), words that may stand between a person and their role ("sy seorang guru"), passive verbs of asking
// ("diajak temen"), verbs of asking someone to act ("bos minta forward"), words after which "saya" is the writer
// acting ("kalau sy"), words of time that may open a clause ("td pak camat"), and purpose words that start no act
// right after another act ("dipinjamkan buat acara": for, not make), and words that put a place as the venue
// of an act ("kampanye di masjid", "pake ruang kelas SD"), and conjunctions that open a new clause ("tapi"), and
// relativizers ("PPPK yg share …": the role does the act).
enum class WordClass {
  object_marker,
  description_filler,
  passive_verb,
  asking_verb,
  actor_introducer,
  time_word,
  purpose,
  venue_marker,
  clause_word,
  relativizer,
  honorific,
  coordinator,
  owned_thing,  // a post, account or printed thing whose owner is named right after it ("stiker KPU")
  choice_marker,  // names whom a quoted vote is for ("'pilih nomor 3'", "'coblos pak H'")
  perception_verb,  // the writer saw or heard what follows ("sy liat mobil dinas dipake …"): a witness, not an actor
  safety_word,      // a verdict word that asks whether something is safe for the writer ("aman", "bahaya")
  necessity,        // before a withdrawal, asks whether it is required ("harus unfollow?"): the status quo is asked
  saying_verb,      // a verb of saying ("bilang", "ngendika"): with an appeal_link after it, it asks someone to act
  appeal_link,      // "supaya", "agar" after a verb of saying: what follows is asked of the one named after it
  date_word,        // "tanggal", "februari": a number beside one is a date, not whom a vote is for
  free_choice,      // "manapun": after a target in a negated clause, denies every one ("tidak … calon manapun")
  active_attendance,  // "konvoi": taking part that is active whatever is worn, never passive attendance
  content_question,   // "apa", "siapa", "berapa": asks for content ("sanksinya apa?"), not for yes or no
  yes_no_marker,      // "tidak", "bisa", "kena" beside a fact word: asks yes or no ("dipidana gk?", "bisa dipecat?")
  conditional,        // "kalau", "seandainya": what follows is supposed, not told
  realisation,        // "ternyata": what follows is told as learned ("ternyata cuma dengerin gpp"), not asked
  criminal_penalty,   // "pidana", "penjara": a criminal sanction, which only some of those a rule binds can incur
  pending_marker,     // "ngajuin", "mau": a status applied for or planned ("ngajuin pensiun dini"), not yet held
  pointer,            // "itu", "gitu": a question that points back at what was told ("itu gpp kan?")
  movable_property,   // "mobil", "sound system": state property lent for campaign use is used (PP 94/2021 5 n 4)
  passive_report,     // "dilaporkan": a report in the passive is nobody's act ("itu bisa dilaporin?")
  passive_post,       // "diunggah": a post in the passive is not the writer's ("fotonya diupload di akun pemkab")
  preposition,        // "sama", "ke": a role right after one is someone else ("ga enak sama warga"), not a description
  narrowing,          // "partai": right after "semua caleg", narrows every candidate to one party's
  support_word,       // "dukung", "lanjutkan": support said, so a candidate's private post is no longer private
  number_abbreviation,  // "no" before a number is "nomor" ("paslon no 2"), never a negation
  existential,          // "ada", "muncul": the role right after one opens a clause and may act ("ada caleg ceramah")
  coming_verb,          // "datang" told bare ("dateng gpp?"): coming to the gathering the story named
  accepting_verb,       // "terima" told bare after a gift of money ("ngasih amplop … sy terima aja"): receiving it
  choosing_verb,        // "pilih", "coblos": followed by who ("yg muda", "no 2"), it points at a candidate
  source_marker,        // "dari", "from": before a body, where something comes from ("stiker dr Bawaslu")
  doerless_passive,     // "dipersulit", "diteruskan": a passive that names no doer is not the writer's deed
  classifier,           // "termasuk", "dianggap": the act after one is the category asked ("termasuk kampanye?")
  group_word,           // "grup": a candidate named right after one owns the group ("grup relawan paslon")
  permission_verb,      // "ngizinin": right before the writer, permission for the writer's act, not a lending
  agent_marker,         // "oleh", "sama": after a passive act, names who did it ("ditempelin … sama timses")
  post_place,           // "profil": where a post is shown; after a post in its clause, that same post
  role_introducer,      // "sebagai", "as": the role right after one is what the person told of is ("sbg kaur")
  now_marker,           // "sekarang", "kini": the role right after one is held now, by the one told of before
  likeness,             // "seperti": a role likened to the writer right after it is the writer's ("warga kayak sy")
  stream_word,          // "siaran": a post cue opening with one, right after watching, is the stream watched
  manner_word,          // "cara": a procedure cue opening with one asks how to do the act in its sentence
  own_channel,          // "sini", "bot": a procedure cue ending in one asks how to use Netra itself ("lewat sini")
  rallying_word,        // "pokoknya", "ayo": may open a quoted call before whom it is for ("'pokoknya nomor 2'")
  possessive_determiner,  // "my", "our": the writer named as the owner of who follows ("my friend is running")
  violation_word,         // "melanggar", "salah": a verdict word that asks whether a deed breaks the rules
};
inline constexpr size_t kWordClassCount = static_cast<size_t>(WordClass::violation_word) + 1;
std::optional<WordClass> parse_word_class(std::string_view label);
std::string_view to_string(WordClass word_class);

struct Lexicon {
  // True when `word` (as the message's word after the chat-language map) belongs to the class.
  bool in(WordClass word_class, const std::string& word) const {
    return word_classes[static_cast<size_t>(word_class)].count(word) > 0;
  }

  // Phrase of 1..longest_phrase words (joined by one space) → replacement words (possibly none).
  std::unordered_map<std::string, std::vector<std::string>> slang;
  size_t longest_phrase = 1;
  std::unordered_set<std::string> stopwords;
  // Words that are indexed and searched as they are, never stemmed (data/unstemmed.txt).
  std::unordered_set<std::string> unstemmed;
  std::vector<std::string> domain_words;  // as written; the analyser stems them
  // What kind of message (greeting, thanks, report, question words, sanction words, …): data/intents.txt.
  std::vector<Cue<MessageCue>> message_cues;
  // The role a phrase reveals ("guru pns" → asn, "pensiunan" → retired): data/roles.txt, specific roles first.
  std::vector<Cue<Role>> role_cues;
  // The writer, third persons, vocatives and relations ("suami", "temen sekantor"): data/people.txt.
  std::vector<Cue<PersonCue>> person_cues;
  // The act vocabulary ("nge-like" → like, "jd timses" → join_team): data/acts.txt.
  std::vector<Cue<Act>> act_cues;
  // What an act is directed at ("caleg" → candidate, "dinkes" → government): data/targets.txt.
  std::vector<Cue<Target>> target_cues;
  // Scope words and circumstances ("gk" → negation, "cuti" → on_leave): data/modifiers.txt.
  std::vector<Cue<Modifier>> modifier_cues;
  // Report category cues ("amplop" → politik-uang). The intent field holds the category.
  std::vector<IntentCue> category_cues;
  // The grammar's word classes, indexed by WordClass: data/grammar.txt.
  std::array<std::unordered_set<std::string>, kWordClassCount> word_classes;
};

// The names of the files a lexicon is made of, in load order.
const std::vector<std::string>& lexicon_file_names();

// Reads the lexicon files from dir. Missing files are reported as problems.
LexiconTexts read_lexicon_texts(const std::string& dir, std::vector<Problem>& problems /* OUT: appended */);

// Parses the texts; malformed lines are reported as problems and skipped.
Lexicon parse_lexicon(const LexiconTexts& texts, std::vector<Problem>& problems /* OUT: appended */);

}  // namespace netra::knowledge
