// What kind of message it is: a question, a tip told as a story, a request to report, a status check, thanks,
// an acknowledgement, a greeting, small talk, a request for help, or something out of scope; and, for a
// question, what it wants to know and which election it is about.
#include <algorithm>
#include <cctype>

#include "bot/reader.h"
#include "bot/reader_internal.h"
#include "knowledge/text.h"

namespace netra::bot {
namespace {

// Words after a closing negation that still leave it a question tag ("gk ya", "nggak sih min").
constexpr size_t kQuestionTagReach = 3;

using knowledge::MessageCue;

// A help request may open with a greeting and chat fillers ("assalamualaikum min, ini bot apa ya? bs bantu apa
// aja"): only a few content words may stand beside the cue.
constexpr size_t kMaxHelpContentWords = 4;
// A report cue this close to the start opens a report ("min, mau lapor: …").
constexpr size_t kReportCueReach = 3;
// Words between a topic word and the fact word it governs ("tentang tata cara", "ttg jadwal dan cara").
constexpr size_t kTopicReach = 3;

bool is_kind(const PhraseMatch& match, MessageCue kind) { return static_cast<MessageCue>(match.label) == kind; }

// When one word signals several facts, the more specific one: a time limit, a sanction, a procedure, a definition.
int fact_rank(MessageCue kind) {
  switch (kind) {
    case MessageCue::deadline: return 4;
    case MessageCue::sanction: return 3;
    case MessageCue::procedure: return 2;
    case MessageCue::definition: return 1;
    default: return 0;
  }
}

bool has_letters_or_digits(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c); });
}

class SpeechReader {
 public:
  SpeechReader(Reading& reading, const std::vector<PhraseMatch>& cues, const knowledge::Analyzer& analyzer,
               const std::vector<PhraseMatch>& people, const std::vector<PhraseMatch>& targets,
               const std::vector<PhraseMatch>& negations)
      : reading_(reading),
        cues_(cues),
        analyzer_(analyzer),
        people_(people),
        targets_(targets),
        negations_(negations) {}

  void run() {
    read_focus_and_election();
    reading_.speech_act = classify();
  }

 private:
  bool has(MessageCue kind) const {
    return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& m) { return is_kind(m, kind); });
  }

  bool asks_for_fact() const {
    return has(MessageCue::sanction) || has(MessageCue::procedure) || has(MessageCue::deadline) ||
           has(MessageCue::definition);
  }

  // "blh share video KPU ttg cara nyoblos?": a fact word within a few words after a topic word, once a verdict
  // was asked before it, says what the shared thing is about.
  bool names_content(const PhraseMatch& cue) const {
    auto kind = static_cast<MessageCue>(cue.label);
    if (kind == MessageCue::verdict || kind == MessageCue::topic || kind == MessageCue::question) return false;
    bool after_topic = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& topic) {
      return is_kind(topic, MessageCue::topic) && topic.last_token < cue.first_token &&
             cue.first_token - topic.last_token <= kTopicReach;
    });
    if (!after_topic) return false;
    return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& verdict) {
      return is_kind(verdict, MessageCue::verdict) && verdict.last_token < cue.first_token;
    });
  }

  void read_focus_and_election() {
    reading_.asks = reading_.text.find('?') != std::string::npos || has(MessageCue::question) ||
                    has(MessageCue::verdict) || asks_for_fact();
    // What is asked last is what the question wants: "gk disebar kemana2, itu melanggar gk?" asks whether it is
    // allowed; "boleh gk? kalau melanggar sanksinya apa?" asks for the sanction.
    std::optional<PhraseMatch> last_fact, last_verdict;
    for (const auto& cue : cues_) {
      if (names_content(cue)) continue;
      auto kind = static_cast<MessageCue>(cue.label);
      bool fact = kind == MessageCue::sanction || kind == MessageCue::procedure || kind == MessageCue::deadline ||
                  kind == MessageCue::definition;
      // Among fact words on one word ("kemana" is a procedure and a question), the more specific kind wins.
      if (fact && (!last_fact || cue.first_token > last_fact->first_token ||
                   (cue.first_token == last_fact->first_token && fact_rank(kind) > fact_rank(static_cast<MessageCue>(last_fact->label))))) {
        last_fact = cue;
      }
      if (kind == MessageCue::verdict && (!last_verdict || cue.first_token > last_verdict->first_token)) last_verdict = cue;
    }
    if (last_fact && !(last_verdict && last_verdict->first_token > last_fact->last_token)) {
      switch (static_cast<MessageCue>(last_fact->label)) {
        case MessageCue::deadline: reading_.focus = QuestionFocus::deadline; break;
        case MessageCue::sanction: reading_.focus = QuestionFocus::sanction; break;
        case MessageCue::procedure: reading_.focus = QuestionFocus::procedure; break;
        default: reading_.focus = QuestionFocus::definition; break;
      }
    }
    reading_.asks_whether_allowed = last_verdict.has_value() && reading_.focus == QuestionFocus::verdict;
    bool pilkada = has(MessageCue::pilkada);
    bool pemilu = has(MessageCue::pemilu);
    if (pilkada != pemilu) reading_.election = pilkada ? Election::pilkada : Election::pemilu;
  }

  // A word that carries nothing of its own in a short social message: stopwords, names of address ("pak",
  // "min"), the writer, possessive forms of those ("infonya").
  bool filler(const Token& token) const {
    const auto& stopwords = analyzer_.lexicon().stopwords;
    if (stopwords.count(token.word) || stopwords.count(token.stem)) return true;
    if (token.word.size() > 5 && token.word.compare(token.word.size() - 3, 3, "nya") == 0 &&
        stopwords.count(token.word.substr(0, token.word.size() - 3))) {
      return true;
    }
    return false;
  }

  // True when every token is covered by a cue of one of `kinds` or is a filler, and at least one cue is there.
  bool only(std::initializer_list<MessageCue> kinds) const {
    if (reading_.tokens.empty()) return false;
    std::vector<bool> covered(reading_.tokens.size(), false);
    bool any = false;
    for (const auto& cue : cues_) {
      if (std::find(kinds.begin(), kinds.end(), static_cast<MessageCue>(cue.label)) == kinds.end()) continue;
      any = true;
      for (size_t t = cue.first_token; t <= cue.last_token; ++t) covered[t] = true;
    }
    for (const auto& person : people_) {
      if (person.label == kVocativeLabel || person.label == kSelfLabel) {
        for (size_t t = person.first_token; t <= person.last_token; ++t) covered[t] = true;
      }
    }
    for (size_t t = 0; t < covered.size(); ++t) {
      // An emoji beside the words ("Thx min 👍", "makasih 🙏") is a reaction, not content of its own.
      if (!covered[t] && !filler(reading_.tokens[t]) && !from_emoji(reading_.tokens[t])) return false;
    }
    return any;
  }

  size_t content_words() const {
    size_t count = 0;
    for (const auto& token : reading_.tokens) count += !filler(token);
    return count;
  }

  // A report cue ("lapor", "mau ngadu") among the first words: the message opens a report.
  std::optional<PhraseMatch> opening_report_cue() const {
    for (const auto& cue : cues_) {
      if ((is_kind(cue, MessageCue::report) || is_kind(cue, MessageCue::report_wish) ||
           is_kind(cue, MessageCue::menu_report)) &&
          cue.first_token < kReportCueReach) {
        bool only_fillers_before = true;
        for (size_t t = 0; t < cue.first_token; ++t) only_fillers_before &= filler(reading_.tokens[t]);
        if (only_fillers_before) return cue;
      }
    }
    return std::nullopt;
  }

  // "… pak camat diem aja. Lapor ya min.": a last sentence made only of a report cue and fillers asks to report
  // what the sentences before it told.
  bool closing_report_request() const {
    const auto& tokens = reading_.tokens;
    if (tokens.empty() || tokens.back().sentence == 0) return false;
    size_t last_sentence = tokens.back().sentence;
    std::vector<bool> covered(tokens.size(), false);
    bool any = false;
    for (const auto& cue : cues_) {
      if (tokens[cue.first_token].sentence != last_sentence) continue;
      if (!is_kind(cue, MessageCue::report) && !is_kind(cue, MessageCue::report_wish)) continue;
      any = true;
      for (size_t t = cue.first_token; t <= cue.last_token; ++t) covered[t] = true;
    }
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].sentence == last_sentence && !covered[t] && !filler(tokens[t])) return false;
    }
    return any;
  }

  // The text before the last sentence.
  std::string account_before_last_sentence() const {
    const auto& tokens = reading_.tokens;
    size_t last_sentence = tokens.back().sentence;
    size_t end = 0;
    for (const auto& token : tokens) {
      if (token.sentence < last_sentence) end = token.end;
    }
    return std::string(knowledge::trim(std::string_view(reading_.text).substr(0, end)));
  }

  // The account after an opening report cue ("lapor min, kades X bagi amplop" → "kades X bagi amplop").
  std::string account_after(const PhraseMatch& cue) const {
    size_t from = cue.last_token + 1;
    while (from < reading_.tokens.size() && filler(reading_.tokens[from])) ++from;
    if (from >= reading_.tokens.size()) return "";
    auto rest = reading_.text.substr(reading_.tokens[from].start);
    return std::string(knowledge::trim(rest));
  }

  // A word the normaliser made of an emoji: its source bytes hold no ASCII letter or digit and are not full-width
  // letters (U+FF01..U+FF5E, which fold to ASCII).
  bool from_emoji(const Token& token) const {
    std::string_view source(reading_.text);
    if (token.end > source.size() || token.start >= token.end) return false;
    source = source.substr(token.start, token.end - token.start);
    if (has_letters_or_digits(source)) return false;
    bool full_width = source.size() >= 2 && static_cast<unsigned char>(source[0]) == 0xEF &&
                      (static_cast<unsigned char>(source[1]) == 0xBC || static_cast<unsigned char>(source[1]) == 0xBD);
    return !full_width;
  }

  // A word that starts like a receipt code ("NTR7KQ2M9", "ntr-7k3q") but is not a whole one.
  // "NTR7KQ2M9", "NTR-7KQ2M9" (a code mistyped): the receipt prefix, read in the text as written, because the
  // chat-language map turns a lone "ntr" into "nanti".
  bool mentions_code_prefix() const {
    const std::string& text = reading_.text;
    for (size_t at = text.find_first_of("Nn"); at != std::string::npos; at = text.find_first_of("Nn", at + 1)) {
      bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
      if (!word_start || at + 3 >= text.size()) continue;
      if (std::tolower(static_cast<unsigned char>(text[at + 1])) != 't' ||
          std::tolower(static_cast<unsigned char>(text[at + 2])) != 'r') {
        continue;
      }
      size_t next = at + 3;
      if (text[next] == '-' || text[next] == ' ') ++next;
      size_t alnum = 0;
      while (next + alnum < text.size() && std::isalnum(static_cast<unsigned char>(text[next + alnum]))) ++alnum;
      // A code has letters and digits ("7KQ2M9"); "ntr 2029" is a year after "nanti".
      auto first = text.begin() + static_cast<std::ptrdiff_t>(next);
      auto last = first + static_cast<std::ptrdiff_t>(alnum);
      bool has_digit = std::any_of(first, last, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
      bool has_letter = std::any_of(first, last, [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
      if (alnum >= 6 && has_digit && has_letter) return true;
    }
    return false;
  }

  bool only_report_acts() const {
    return std::all_of(reading_.acts.begin(), reading_.acts.end(),
                       [](const ActMention& act) { return act.act == Act::report; });
  }

  bool has_third_party_act() const {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return !act.negated && act.person != 0;
    });
  }

  bool tells_a_story() const {
    return reading_.has(Modifier::past_event) || reading_.has(Modifier::asks_for_action);
  }

  SpeechAct classify() {
    const std::string& text = reading_.text;
    if (auto code = find_receipt_code(text)) {
      reading_.receipt_code = *code;
      return SpeechAct::status;
    }
    if (reading_.tokens.empty()) {
      // Emoji, stickers' text, punctuation: a reaction.
      return has_letters_or_digits(text) || knowledge::trim(text).empty() ? SpeechAct::help
                                                                           : SpeechAct::acknowledgement;
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
    // "cek laporan NTR7KQ2M9" (a code mistyped), "lupa kode laporan saya": about a report's status, even when the
    // code cannot be read; the status reply says what a code looks like.
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

    bool procedure = has(MessageCue::procedure) || has(MessageCue::deadline);
    // "lapor min, kades X bagi amplop" opens a report; "bisa gk lapor lewat lapor.go.id?" asks about reporting.
    if (auto cue = opening_report_cue(); cue && !procedure && !reading_.asks) {
      reading_.account = account_after(*cue);
      return SpeechAct::report_request;
    }
    // "mau lapor tp takut ketahuan, bisa anonim?", "I want to report a village head who …": a wish to report
    // starts the report flow, whatever else the message asks, unless it asks where or how ("mau lapor kemana?").
    if (has(MessageCue::report_wish) && !procedure && !asks_for_fact()) {
      auto cue = opening_report_cue();
      reading_.account = cue && is_kind(*cue, MessageCue::report_wish) ? account_after(*cue)
                                                                       : std::string(knowledge::trim(text));
      return SpeechAct::report_request;
    }
    if (closing_report_request() && !procedure && !asks_for_fact()) {
      reading_.account = account_before_last_sentence();
      return SpeechAct::report_request;
    }
    // A story that ends "… sy mau laporin ini" asks to report what it told.
    if (reading_.has(Modifier::asks_for_action) && has(MessageCue::report) && !procedure && !reading_.asks) {
      reading_.account = std::string(knowledge::trim(text));
      return SpeechAct::report_request;
    }
    if (!reading_.asks && tells_a_story() && has_third_party_act()) {
      reading_.account = std::string(knowledge::trim(text));
      return SpeechAct::tip;
    }
    if (!reading_.asks && has(MessageCue::report) && has_third_party_act()) {
      reading_.account = std::string(knowledge::trim(text));
      return SpeechAct::tip;
    }

    if (only({MessageCue::greeting})) return SpeechAct::greeting;
    if (only({MessageCue::thanks, MessageCue::greeting, MessageCue::acknowledgement})) {
      return has(MessageCue::thanks) ? SpeechAct::thanks : SpeechAct::acknowledgement;
    }
    if (only({MessageCue::small_talk, MessageCue::greeting, MessageCue::acknowledgement, MessageCue::thanks})) {
      return SpeechAct::small_talk;
    }
    bool domain = analyzer_.mentions_domain(reading_.terms);  // the message's analysed terms, read once
    if (has(MessageCue::help) && !domain && reading_.acts.empty()) {
      size_t cue_words = 0;
      for (const auto& cue : cues_) {
        if (is_kind(cue, MessageCue::help) || is_kind(cue, MessageCue::greeting)) cue_words += cue.last_token - cue.first_token + 1;
      }
      if (content_words() <= cue_words + kMaxHelpContentWords) return SpeechAct::help;
    }
    if (asks_for_a_choice()) {
      reading_.recommendation_request = true;
      return SpeechAct::out_of_scope;
    }
    if (has(MessageCue::off_topic) && reading_.acts.empty() && !asks_for_fact() && !has(MessageCue::verdict)) {
      return SpeechAct::out_of_scope;
    }
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
    return SpeechAct::question;
  }

  // An emoji read as a word ("👍" → "jempol"), or one the normaliser dropped ("😂"): a four-byte UTF-8 sequence,
  // U+10000 and above, where the emoji blocks lie.
  bool has_emoji() const {
    bool as_word = std::any_of(reading_.tokens.begin(), reading_.tokens.end(), [&](const Token& t) { return from_emoji(t); });
    return as_word || std::any_of(reading_.text.begin(), reading_.text.end(),
                                  [](char c) { return (static_cast<unsigned char>(c) & 0xF8) == 0xF0; });
  }

  // "besok ujan gk ya": a negation among the last words, after everything it could negate, asks yes or no.
  bool ends_with_question_tag() const {
    size_t count = reading_.tokens.size();
    return std::any_of(negations_.begin(), negations_.end(),
                       [&](const PhraseMatch& negation) { return negation.last_token + kQuestionTagReach >= count; });
  }

  bool says_nothing_legal() const {
    if (!reading_.acts.empty() || !targets_.empty() || asks_for_fact() || has(MessageCue::verdict) ||
        has(MessageCue::report) || has(MessageCue::report_wish)) {
      return false;
    }
    return std::all_of(reading_.people.begin(), reading_.people.end(),
                       [](const Person& person) { return person.role == Role::unknown; });
  }

  // "siapa capres paling bagus?": Netra recommends no one. Not when the message asks whether something is allowed
  // or for a fact, or names an official whose conduct is the question ("kades boleh nyuruh pilih siapa?").
  bool asks_for_a_choice() const {
    if (!has(MessageCue::choice) || has(MessageCue::verdict) || asks_for_fact() || has(MessageCue::report)) {
      return false;
    }
    for (const auto& person : reading_.people) {
      if (person.role != Role::unknown && person.role != Role::citizen && person.role != Role::candidate) return false;
    }
    return true;
  }

  Reading& reading_;
  const std::vector<PhraseMatch>& cues_;
  const knowledge::Analyzer& analyzer_;
  const std::vector<PhraseMatch>& people_;
  const std::vector<PhraseMatch>& targets_;
  const std::vector<PhraseMatch>& negations_;
};

}  // namespace

void Reader::read_speech_act(Reading& reading, const Cues& cues) const {
  SpeechReader(reading, cues.message, analyzer_, cues.people, cues.targets, cues.negations).run();
}

}  // namespace netra::bot
