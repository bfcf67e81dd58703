// What kind of message it is: a question, a tip told as a story, a request to report, a status check, thanks,
// an acknowledgement, a greeting, small talk, a request for help, or something out of scope; and, for a
// question, what it wants to know and which election it is about.
#include "bot/reader_speech.h"

namespace netra::bot {

void SpeechReader::run() {
  read_focus_and_election();
  keep_partisanship_only_as_a_deed();
  reading_.speech_act = classify();
}

// "blh share video KPU ttg cara nyoblos?": a fact word within a few words after a topic word, once a verdict
// was asked before it, says what the shared thing is about.
bool SpeechReader::names_content(const PhraseMatch& cue) const {
  auto kind = static_cast<MessageCue>(cue.label);
  if (kind == MessageCue::verdict || kind == MessageCue::topic || kind == MessageCue::question) return false;
  bool after_topic = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& topic) {
    if (!is_kind(topic, MessageCue::topic) || topic.last_token >= cue.first_token) return false;
    size_t distance = cue.first_token - topic.last_token;
    bool same_clause = reading_.tokens[topic.last_token].clause == reading_.tokens[cue.first_token].clause;
    return distance <= kTopicReach || (same_clause && distance <= kTopicClauseReach);
  });
  if (!after_topic) return false;
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& verdict) {
    return is_kind(verdict, MessageCue::verdict) && verdict.last_token < cue.first_token;
  });
}

bool SpeechReader::says_who(const PhraseMatch& cue) const {
  return cue.first_token > 0 &&
         analyzer_.lexicon().in(knowledge::WordClass::relativizer, reading_.tokens[cue.first_token - 1].word);
}

SpeechReader::AskedCues SpeechReader::last_asked_cues() const {
  std::optional<PhraseMatch> last_fact, last_verdict;
  // A deed told after sentence `s`, up to the question ("syaratnya foto bareng bendera partai. sy diminta jd
  // koordinator. gmn ya?": the requirement is part of the story; the question is about the deed told after it).
  auto deed_told_after = [&](size_t s) {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return act.sentence > s && act.sentence <= reading_.focus_sentence && !act.negated;
    });
  };
  for (const auto& cue : cues_) {
    if (names_content(cue)) continue;
    auto kind = static_cast<MessageCue>(cue.label);
    // "harus isi apa aja? sy gak mau salah": a verdict word after the sentence that asks says no question; nor
    // does a fact word in a statement there ("gmn cara lapor anonim? sy takut diputus kontrak"), unlike one
    // asked without a question mark ("… melanggar apa? dan kl mau lapor kemana").
    size_t sentence = reading_.tokens[cue.first_token].sentence;
    bool after_question = sentence > reading_.focus_sentence;
    // "… atasan sy yg dicopot krn dianggap ga loyal. sy pengen laporin ini, ke bawaslu?": a fact word told in the
    // story before a question about a deed of its own asks nothing.
    bool told_before = sentence < reading_.focus_sentence && !sentence_asks(sentence) &&
                       !sentence_has_question_mark(sentence) && deed_told_after(sentence);
    // Anonymity is asked of a report only ("donasi ke caleg secara anonim" asks whether donating is allowed).
    bool anonymity = kind == MessageCue::anonymity && speaks_of_reporting();
    bool fact = (kind == MessageCue::sanction || kind == MessageCue::procedure || kind == MessageCue::deadline ||
                 kind == MessageCue::definition || anonymity) &&
                !(after_question && !sentence_asks(sentence)) && !told_before;
    // Among fact words on one word ("kemana" is a procedure and a question), the more specific kind wins.
    if (fact && (!last_fact || cue.first_token > last_fact->first_token ||
                 (cue.first_token == last_fact->first_token &&
                  fact_rank(kind) > fact_rank(static_cast<MessageCue>(last_fact->label))))) {
      last_fact = cue;
    }
    if (kind == MessageCue::verdict && !after_question && !says_who(cue) &&
        (!last_verdict || cue.first_token > last_verdict->first_token)) {
      last_verdict = cue;
    }
  }
  return {last_fact, last_verdict};
}

void SpeechReader::read_focus_and_election() {
  reading_.asks = asks_plainly() || asks_for_fact();
  // What is asked last is what the question wants: "gk disebar kemana2, itu melanggar gk?" asks whether it is
  // allowed; "kemana lapornya?" after "boleh gk?" asks where. A sanction asked beside a verdict word ("boleh gk?
  // sanksinya apa?") is answered by the verdict, whose answer states the sanction too, …
  const AskedCues asked = last_asked_cues();
  const std::optional<PhraseMatch>& last_fact = asked.last_fact;
  const std::optional<PhraseMatch>& last_verdict = asked.last_verdict;
  // … in a sentence of its own: "itu pelanggaran berat atau ringan?" asks only for the level.
  bool sanction_beside_verdict =
      last_fact && is_kind(*last_fact, MessageCue::sanction) &&
      std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
        return is_kind(cue, MessageCue::verdict) && !says_who(cue) &&
               reading_.tokens[cue.first_token].sentence != reading_.tokens[last_fact->first_token].sentence;
      });
  if (last_fact && !(last_verdict && last_verdict->first_token > last_fact->last_token) && !sanction_beside_verdict) {
    switch (static_cast<MessageCue>(last_fact->label)) {
      case MessageCue::deadline:
        reading_.focus = QuestionFocus::deadline;
        break;
      case MessageCue::sanction:
        reading_.focus = QuestionFocus::sanction;
        break;
      case MessageCue::procedure:
      case MessageCue::anonymity:
        reading_.focus = QuestionFocus::procedure;
        break;
      default:
        reading_.focus = QuestionFocus::definition;
        break;
    }
  }
  reading_.asks_whether_allowed = last_verdict.has_value() && reading_.focus == QuestionFocus::verdict;
  bool yes_or_no_of_a_case = asks_sanction_yes_or_no() && !asks_of_a_class();
  reading_.sanction_asks_whether_punished =
      reading_.focus == QuestionFocus::sanction && (yes_or_no_of_a_case || tells_a_case());
  bool pilkada = has(MessageCue::pilkada);
  bool pemilu = has(MessageCue::pemilu);
  if (pilkada != pemilu) reading_.election = pilkada ? Election::pilkada : Election::pemilu;
  // "ini pilkades ya bukan pilkada": a village head election named is the election asked about, unless the message
  // also names a Pemilu or Pilkada it does not deny ("mau nyalon pilkades, skrg ikut kampanye caleg").
  if (has(MessageCue::pilkades) && !names_undenied(MessageCue::pemilu) && !names_undenied(MessageCue::pilkada)) {
    reading_.election = Election::pilkades;
  }
}

// The speech act, from the plainest form to the finest reading: the message's form (a receipt code, a command,
// emoji), a status check, a report or tip, then social chat; what is left asks a question.
SpeechAct SpeechReader::classify() {
  for (auto stage : {&SpeechReader::classify_form, &SpeechReader::classify_status, &SpeechReader::classify_report,
                     &SpeechReader::classify_chat}) {
    if (auto act = (this->*stage)()) return *act;
  }
  return SpeechAct::question;
}

// A receipt code, emoji or punctuation only, a slash command, the menu's own words.
std::optional<SpeechAct> SpeechReader::classify_form() {
  const std::string& text = reading_.text;
  if (auto code = find_receipt_code(text)) {
    reading_.receipt_code = *code;
    return SpeechAct::status;
  }
  if (reading_.tokens.empty()) {
    // Emoji, stickers' text, punctuation: a reaction.
    return has_letters_or_digits(text) || knowledge::trim(text).empty() ? SpeechAct::help : SpeechAct::acknowledgement;
  }
  // "👍👍", "🙏🙏": emoji read as words ("jempol") are a reaction when nothing else is written.
  if (std::all_of(reading_.tokens.begin(), reading_.tokens.end(), [&](const Token& t) { return from_emoji(t); })) {
    return SpeechAct::acknowledgement;
  }
  auto trimmed = std::string(knowledge::trim(text));
  if (trimmed.rfind("/lapor", 0) == 0) {
    reading_.account = std::string(knowledge::trim(trimmed.substr(6)));
    return SpeechAct::report_request;
  }
  if (trimmed.rfind("/status", 0) == 0 || trimmed.rfind("/cek", 0) == 0) return SpeechAct::status;
  reading_.cancels = trimmed == "/batal" || only({MessageCue::cancel});
  reading_.asks_for_menu = trimmed == "/menu" || trimmed == "/start" || only({MessageCue::menu});
  if (reading_.cancels || reading_.asks_for_menu) return SpeechAct::help;
  if (trimmed.front() == '/') return SpeechAct::help;  // /start, /help and unknown commands
  if (only({MessageCue::menu_report})) return SpeechAct::report_request;
  if (only({MessageCue::menu_status, MessageCue::status})) return SpeechAct::status;
  return std::nullopt;
}

// "cek laporan NTR7KQ2M9" (a code mistyped), "lupa kode laporan saya": about a report's status, even when the code
// cannot be read; the status reply says what a code looks like. Then a message made only of help words.
std::optional<SpeechAct> SpeechReader::classify_status() {
  bool procedure_cue = has(MessageCue::procedure) || has(MessageCue::deadline);
  if (has(MessageCue::status) && (mentions_code_prefix() || (reading_.acts.empty() && !has(MessageCue::report)) ||
                                  (only_report_acts() && !procedure_cue && !has(MessageCue::report_wish) &&
                                   !has(MessageCue::sanction) && !has(MessageCue::verdict)))) {
    return SpeechAct::status;
  }
  // "NTR-7KQ2M9 udah diproses blm?": a mistyped receipt code with nothing else to act on asks for its status.
  if (mentions_code_prefix() && reading_.acts.empty()) return SpeechAct::status;
  // "bantuan", "help": a message made only of help words asks for help, even when a word is also an act cue.
  if (has(MessageCue::help) && only({MessageCue::help, MessageCue::greeting})) return SpeechAct::help;
  if (only({MessageCue::menu_question, MessageCue::menu})) return SpeechAct::help;
  return std::nullopt;
}

// A request to report (with what is already told as the account), or a tip told as a story.
std::optional<SpeechAct> SpeechReader::classify_report() {
  const std::string whole = std::string(knowledge::trim(reading_.text));
  bool procedure = has(MessageCue::procedure) || has(MessageCue::deadline);
  // "lapor min, kades X bagi amplop" opens a report; "bisa gk lapor lewat lapor.go.id?" asks about reporting. A
  // sanction word without a question ("Lapor min, spanduk caleg gak dicopot2") tells, it does not ask; "Lapor min,
  // sekdes kami jd admin grup paslon. Gmn caranya?" is answered by the report flow itself.
  bool told = tells_someones_act();
  if (auto cue = opening_report_cue();
      cue && ((!procedure && !asks_plainly()) || (told && stands_alone(*cue) && !has(MessageCue::verdict)))) {
    reading_.account = account_after(*cue);
    return SpeechAct::report_request;
  }
  // How to report a deed just told, or how to report through Netra itself: the flow's first reply says how
  // reporting here works and that it is anonymous; a fact asked beside it is added to it.
  bool deed_then_how = asks_only_how_to_report_a_deed();
  if (deed_then_how || asks_how_to_report_here()) {
    reading_.account = deed_then_how || told ? whole : "";
    return SpeechAct::report_request;
  }
  // "mau lapor tp takut ketahuan, bisa anonim?", "I want to report a village head who …": a wish to report
  // starts the report flow, whatever else the message asks. Without a story of what someone did, a question
  // where or how ("mau lapor kemana?") or whether reporting is allowed ("mau laporin camat, ASN boleh
  // ngelapor?", answered "boleh") is a question.
  if (has(MessageCue::report_wish) && !asks_whether_reporting_is_allowed() &&
      (told || (!procedure && !asks_for_fact()))) {
    auto cue = opening_report_cue();
    reading_.account = cue && is_kind(*cue, MessageCue::report_wish) ? account_after(*cue) : whole;
    return SpeechAct::report_request;
  }
  // "kades kami nyelipin 'pilih nomor 2' di sambutan. itu bisa dilaporin ga?": whether a deed told can be reported
  // asks whether it is a violation: a question about the deed, answered with the rule it breaks and the offer to
  // report it.
  // "… Sy mau tau ini melanggar apa ngga, dan bisa sy laporin?": whether what was told breaks the rules, the
  // writer's own deeds among it ("kasat nyuruh kami nurunin baliho calon A … katanya mau lapor. melanggar ga?").
  if (asks_if_told_deeds_violate() && !procedure && ask_about_deeds_before_report()) {
    reading_.account = whole;
    reading_.asks_about_reporting = tells_story_before_report();
    return SpeechAct::question;
  }
  if (asks_if_reportable() && tells_story_before_report() && !procedure) {
    reading_.account = whole;
    reading_.asks_about_reporting = true;
    ask_about_told_acts();
    return SpeechAct::question;
  }
  if (closing_report_request() && !procedure && !asks_for_fact()) {
    reading_.account = account_before_last_sentence();
    return SpeechAct::report_request;
  }
  // A story that ends "… sy mau laporin ini" asks to report what it told.
  if (reading_.has(Modifier::asks_for_action) && has(MessageCue::report) && !procedure && !reading_.asks) {
    reading_.account = whole;
    return SpeechAct::report_request;
  }
  if (!reading_.asks && (tells_a_story() || has(MessageCue::report)) &&
      (has_third_party_act() || (tells_a_story() && has_act_without_actor()))) {
    reading_.account = whole;
    return SpeechAct::tip;
  }
  return procedure ? std::nullopt : classify_whether_to_report(whole);
}

// "kaur keuangan ikut konvoi kampanye … apa sy harus lapor?": whether to report a deed told in a sentence of its
// own asks about the deed (the rule broken, then the offer to report); "… sy mau lapor ke sini boleh?" wants to
// report (a tip). Not when the reporter's role is named ("PPPK boleh ngelapor gak?"), nor the deed only names
// whom to report ("boleh gak laporin kades yg bagi amplop?").
std::optional<SpeechAct> SpeechReader::classify_whether_to_report(const std::string& whole) {
  if (!asks_about_own_report() || !tells_story_before_report() || reporter_role_asked()) return std::nullopt;
  reading_.account = whole;
  reading_.asks_about_reporting = true;
  ask_about_told_acts();
  return has(MessageCue::report_wish) ? SpeechAct::tip : SpeechAct::question;
}

// Greetings, thanks, small talk, a plain request for help, a request for a recommendation, and chat outside the
// election.
std::optional<SpeechAct> SpeechReader::classify_chat() {
  if (only({MessageCue::greeting})) return SpeechAct::greeting;
  if (only({MessageCue::thanks, MessageCue::greeting, MessageCue::acknowledgement})) {
    return has(MessageCue::thanks) ? SpeechAct::thanks : SpeechAct::acknowledgement;
  }
  if (only({MessageCue::small_talk, MessageCue::greeting, MessageCue::acknowledgement, MessageCue::thanks})) {
    return SpeechAct::small_talk;
  }
  if (courtesy_then_statements()) return has(MessageCue::thanks) ? SpeechAct::thanks : SpeechAct::acknowledgement;
  // "Assalamualaikum pak, mau tanya sedikit", "mau nanya min": an opening that announces a question not yet asked.
  if (only({MessageCue::question, MessageCue::greeting, MessageCue::acknowledgement}) &&
      reading_.text.find('?') == std::string::npos) {
    return has(MessageCue::greeting) ? SpeechAct::greeting : SpeechAct::help;
  }
  // "Assalamualaikum, sy guru PNS di Garut mau nanya2 soal netralitas", "sugeng enjing min, kulo kades teng
  // Klaten 🙏": a greeting or an announced question beside who the writer is, asking nothing yet.
  // "siap laksanakan 👍 sy sekdes": an acknowledgement beside who the writer is, too.
  if (introduces_a_question()) {
    if (has(MessageCue::greeting)) return SpeechAct::greeting;
    return has(MessageCue::announcement) || has(MessageCue::help) ? SpeechAct::help : SpeechAct::acknowledgement;
  }
  bool domain = analyzer_.mentions_domain(reading_.terms);  // the message's analysed terms, read once
  if (has(MessageCue::help) && reading_.acts.empty() && !mentions_domain_beyond_names() &&
      content_words_beyond_names() <= help_cue_words() + kMaxHelpContentWords) {
    return SpeechAct::help;
  }
  if (asks_for_a_choice()) {
    reading_.recommendation_request = true;
    return SpeechAct::out_of_scope;
  }
  if (asks_off_topic()) return SpeechAct::out_of_scope;
  // "pagi2 udah kerja aja min 😄", "jadwal kereta besok", "Persib menang gak?": no election word, no act, no one
  // with a role, nothing asked about a rule — chat when it jokes with an emoji and asks nothing, else a request
  // outside what Netra answers.
  if (!domain && says_nothing_legal()) {
    if (reading_.asks || ends_with_question_tag()) return SpeechAct::out_of_scope;
    // "hatur nuhun kang, parantos kahartos": thanks with words the vocabulary does not know are still thanks.
    if (has(MessageCue::thanks)) return SpeechAct::thanks;
    bool social = has(MessageCue::greeting) || has(MessageCue::acknowledgement) || has(MessageCue::small_talk);
    return social || has_emoji() ? SpeechAct::small_talk : SpeechAct::out_of_scope;
  }
  return std::nullopt;
}

// Words the help and greeting cues cover.
size_t SpeechReader::help_cue_words() const {
  size_t words = 0;
  for (const auto& cue : cues_) {
    if (is_kind(cue, MessageCue::help) || is_kind(cue, MessageCue::greeting))
      words += cue.last_token - cue.first_token + 1;
  }
  return words;
}

// "besok ujan gk ya": a negation among the last words, after everything it could negate, asks yes or no.
bool SpeechReader::ends_with_question_tag() const {
  size_t count = reading_.tokens.size();
  return std::any_of(negations_.begin(), negations_.end(),
                     [&](const PhraseMatch& negation) { return negation.last_token + kQuestionTagReach >= count; });
}

bool SpeechReader::says_nothing_legal() const {
  if (!reading_.acts.empty() || !targets_.empty() || asks_for_fact() || has(MessageCue::verdict) ||
      has(MessageCue::report) || has(MessageCue::report_wish)) {
    return false;
  }
  return std::all_of(reading_.people.begin(), reading_.people.end(),
                     [](const Person& person) { return person.role == Role::unknown; });
}

// "siapa capres paling bagus?": Netra recommends no one. Not when the message asks whether something is allowed
// or for a fact, or names an official whose conduct is the question ("kades boleh nyuruh pilih siapa?").
bool SpeechReader::asks_for_a_choice() const {
  if (!has(MessageCue::choice) || has(MessageCue::verdict) || asks_for_fact_beside_choice() ||
      has(MessageCue::report)) {
    return false;
  }
  for (const auto& person : reading_.people) {
    if (person.role != Role::unknown && person.role != Role::citizen && person.role != Role::candidate) return false;
  }
  return true;
}

void Reader::read_speech_act(Reading& reading, const Cues& cues) const {
  SpeechReader(reading, cues.message, analyzer_, cues.roles, cues.people, cues.targets, cues.negations).run();
}

}  // namespace netra::bot
