// The readings of cue phrases and words the speech act is decided from: fillers, what a message is made only of,
// report cues at its start or end, emoji, receipt-code prefixes, whose acts it tells.
#include "bot/reader_speech.h"

#include <cstdint>

namespace netra::bot {

bool SpeechReader::has(MessageCue kind) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& m) { return is_kind(m, kind); });
}

bool SpeechReader::has_unquoted(MessageCue kind) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& m) {
    return is_kind(m, kind) && !quoted_at(reading_.tokens[m.first_token].start);
  });
}

bool SpeechReader::asks_plainly() const {
  const std::string& text = reading_.text;
  for (size_t at = text.find('?'); at != std::string::npos; at = text.find('?', at + 1)) {
    if (!quoted_at(at)) return true;
  }
  return has_unquoted(MessageCue::question) || has_unquoted(MessageCue::verdict);
}

bool SpeechReader::quoted_at(size_t byte) const {
  return std::any_of(reading_.quotes.begin(), reading_.quotes.end(),
                     [&](const auto& span) { return span.first <= byte && byte < span.second; });
}

bool SpeechReader::is_fact_cue(const PhraseMatch& cue) const {
  return is_kind(cue, MessageCue::sanction) || is_kind(cue, MessageCue::procedure) ||
         is_kind(cue, MessageCue::deadline) || is_kind(cue, MessageCue::definition);
}

bool SpeechReader::asks_for_fact() const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) { return is_fact_cue(cue); });
}

bool SpeechReader::asks_for_fact_beside_choice() const {
  auto inside_choice = [&](const PhraseMatch& cue) {
    return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& choice) {
      return is_kind(choice, MessageCue::choice) && choice.first_token <= cue.first_token &&
             cue.last_token <= choice.last_token;
    });
  };
  return std::any_of(cues_.begin(), cues_.end(),
                     [&](const PhraseMatch& cue) { return is_fact_cue(cue) && !inside_choice(cue); });
}

// A word that carries nothing of its own in a short social message: stopwords, names of address ("pak",
// "min"), the writer, possessive forms of those ("infonya").
bool SpeechReader::filler(const Token& token) const {
  const auto& stopwords = analyzer_.lexicon().stopwords;
  if (stopwords.count(token.word) || stopwords.count(token.stem)) return true;
  if (token.word.size() > 5 && token.word.compare(token.word.size() - 3, 3, "nya") == 0 &&
      stopwords.count(token.word.substr(0, token.word.size() - 3))) {
    return true;
  }
  return false;
}

// True when every token is covered by a cue of one of `kinds` or is a filler, and at least one cue is there.
bool SpeechReader::only(std::initializer_list<MessageCue> kinds) const {
  return !reading_.tokens.empty() && only_within(kinds, 0, reading_.tokens.size());
}

bool SpeechReader::only_within(std::initializer_list<MessageCue> kinds, size_t first, size_t end) const {
  std::vector<bool> covered(reading_.tokens.size(), false);
  bool any = false;
  for (const auto& cue : cues_) {
    if (std::find(kinds.begin(), kinds.end(), static_cast<MessageCue>(cue.label)) == kinds.end()) continue;
    if (cue.first_token < first || cue.first_token >= end) continue;
    any = true;
    for (size_t t = cue.first_token; t <= cue.last_token; ++t) covered[t] = true;
  }
  for (const auto& person : people_) {
    if (person.label == kVocativeLabel || person.label == kSelfLabel) {
      for (size_t t = person.first_token; t <= person.last_token; ++t) covered[t] = true;
    }
  }
  for (size_t t = first; t < end; ++t) {
    // An emoji beside the words ("Thx min 👍", "makasih 🙏") is a reaction, not content of its own.
    if (!covered[t] && !filler(reading_.tokens[t]) && !from_emoji(reading_.tokens[t])) return false;
  }
  return any;
}

bool SpeechReader::introduces_a_question() const {
  // Every question word is one that announces ("mau nanya"), none that asks ("gimana").
  bool only_announced = std::all_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return !is_kind(cue, MessageCue::question) || asks_leave_to_ask(cue) ||
           std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& other) {
             return is_kind(other, MessageCue::announcement) && other.first_token <= cue.first_token &&
                    cue.last_token <= other.last_token;
           });
  });
  // "mau nanya dikit boleh?", "boleh tanya?": a verdict word beside the announcement asks leave to ask, nothing else.
  bool verdict_asks = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::verdict) && !asks_leave_to_ask(cue);
  });
  bool leave_asked = has(MessageCue::verdict) && !verdict_asks;
  // An acknowledgement opens only where the message starts with it ("siap pak, sy sekdes", not "ujan ga ya").
  bool acknowledges = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::acknowledgement) && cue.first_token == 0;
  });
  bool opening = has(MessageCue::greeting) || has(MessageCue::announcement) || acknowledges;
  if (!opening || !only_announced || !reading_.acts.empty() ||
      (reading_.text.find('?') != std::string::npos && !leave_asked) || verdict_asks || asks_for_fact() ||
      has(MessageCue::report) || has(MessageCue::report_wish) || has(MessageCue::choice) || has(MessageCue::off_topic)) {
    return false;
  }
  size_t opening_words = 0;
  for (const auto& cue : cues_) {
    if (is_kind(cue, MessageCue::greeting) || is_kind(cue, MessageCue::announcement) || is_kind(cue, MessageCue::help) ||
        is_kind(cue, MessageCue::acknowledgement)) {
      opening_words += cue.last_token - cue.first_token + 1;
    }
  }
  return content_words_beyond_names() <= opening_words + kMaxHelpContentWords;
}

bool SpeechReader::asks_leave_to_ask(const PhraseMatch& cue) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& announcement) {
    if (!is_kind(announcement, MessageCue::announcement)) return false;
    bool right_after = cue.first_token > announcement.last_token && cue.first_token <= announcement.last_token + 2;
    bool right_before = cue.last_token + 1 == announcement.first_token;
    return right_after || right_before;
  });
}

bool SpeechReader::sentence_asks(size_t sentence) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::question) && reading_.tokens[cue.first_token].sentence == sentence;
  });
}

bool SpeechReader::sentence_has_question_mark(size_t sentence) const {
  const auto& tokens = reading_.tokens;
  size_t begin = std::string::npos, end = reading_.text.size();
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].sentence == sentence && begin == std::string::npos) begin = tokens[t].start;
    if (tokens[t].sentence > sentence) {
      end = tokens[t].start;
      break;
    }
  }
  if (begin == std::string::npos) return false;
  size_t mark = reading_.text.find('?', begin);
  return mark != std::string::npos && mark < end && !quoted_at(mark);
}

bool SpeechReader::names_someone(size_t token) const {
  auto inside = [&](const PhraseMatch& match) { return match.first_token <= token && token <= match.last_token; };
  Role writer = reading_.people[0].role;
  bool writers_role = writer != Role::unknown && std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
    return static_cast<Role>(role.label) == writer && inside(role);
  });
  return writers_role || std::any_of(people_.begin(), people_.end(), inside) ||
         std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
           return knowledge::is_neutral(static_cast<Target>(target.label)) && inside(target);
         });
}

size_t SpeechReader::content_words_beyond_names() const {
  size_t count = 0;
  for (size_t t = 0; t < reading_.tokens.size(); ++t) {
    const Token& token = reading_.tokens[t];
    count += !filler(token) && !names_someone(t) && !from_emoji(token);  // "👍" reacts; it says nothing more
  }
  return count;
}

bool SpeechReader::mentions_domain_beyond_names() const {
  std::vector<std::string> terms;
  for (size_t t = 0; t < reading_.tokens.size(); ++t) {
    if (names_someone(t)) continue;
    if (!reading_.tokens[t].term.empty()) terms.push_back(reading_.tokens[t].term);
  }
  return analyzer_.mentions_domain(terms);
}

// A report cue ("lapor", "mau ngadu") among the first words: the message opens a report.
std::optional<PhraseMatch> SpeechReader::opening_report_cue() const {
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
bool SpeechReader::closing_report_request() const {
  const auto& tokens = reading_.tokens;
  if (tokens.empty() || tokens.back().sentence == 0) return false;
  size_t first = tokens.size();
  while (first > 0 && tokens[first - 1].sentence == tokens.back().sentence) --first;
  return only_within({MessageCue::report, MessageCue::report_wish}, first, tokens.size());
}

// The text before the last sentence.
std::string SpeechReader::account_before_last_sentence() const {
  const auto& tokens = reading_.tokens;
  size_t last_sentence = tokens.back().sentence;
  size_t end = 0;
  for (const auto& token : tokens) {
    if (token.sentence < last_sentence) end = token.end;
  }
  return std::string(knowledge::trim(std::string_view(reading_.text).substr(0, end)));
}

// The account after an opening report cue ("lapor min, kades X bagi amplop" → "kades X bagi amplop").
std::string SpeechReader::account_after(const PhraseMatch& cue) const {
  size_t from = cue.last_token + 1;
  while (from < reading_.tokens.size() && filler(reading_.tokens[from])) ++from;
  if (from >= reading_.tokens.size()) return "";
  auto rest = reading_.text.substr(reading_.tokens[from].start);
  return std::string(knowledge::trim(rest));
}

// A word the normaliser made of an emoji: its source bytes hold no ASCII letter or digit and are not full-width
// letters (U+FF01..U+FF5E, which fold to ASCII).
bool SpeechReader::from_emoji(const Token& token) const { return written_as_emoji(reading_.text, token); }

// A word that starts like a receipt code ("NTR7KQ2M9", "ntr-7k3q") but is not a whole one.
// "NTR7KQ2M9", "NTR-7KQ2M9" (a code mistyped): the receipt prefix, read in the text as written, because the
// chat-language map turns a lone "ntr" into "nanti".
bool SpeechReader::mentions_code_prefix() const {
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

bool SpeechReader::only_report_acts() const {
  return std::all_of(reading_.acts.begin(), reading_.acts.end(),
                     [](const ActMention& act) { return act.act == Act::report; });
}

bool SpeechReader::asks_permission() const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::verdict) &&
           !analyzer_.lexicon().in(knowledge::WordClass::safety_word, reading_.tokens[cue.first_token].word);
  });
}

bool SpeechReader::asks_whether_reporting_is_allowed() const {
  return reading_.asks_whether_allowed && asks_permission() &&
         std::any_of(reading_.asked_acts.begin(), reading_.asked_acts.end(),
                     [&](size_t act) { return reading_.acts[act].act == Act::report; });
}

bool SpeechReader::has_third_party_act() const {
  // "sy ASN, cuma hadir di pengajian yg ada calon gubernur ceramah": a candidate campaigning where the writer was
  // is the setting of the writer's own act, not a deed told to be reported.
  bool writer_acts = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return !act.negated && act.person == 0;
  });
  return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    if (act.negated || act.person == 0) return false;
    return !(writer_acts && reading_.people[act.person].role == Role::candidate);
  });
}

bool SpeechReader::stands_alone(const PhraseMatch& cue) const {
  const auto& tokens = reading_.tokens;
  for (size_t t = cue.last_token + 1; t < tokens.size() && tokens[t].clause == tokens[cue.last_token].clause; ++t) {
    if (!filler(tokens[t])) return false;
  }
  return true;
}

bool SpeechReader::is_told_deed(const ActMention& act) {
  // Serving as election staff is what a panwas or KPPS named as the one reported to is, not a deed told.
  return !act.negated && act.person != 0 && act.act != Act::report && act.act != Act::serve_election_staff &&
         act.act != Act::serve_election_supervisor;
}

bool SpeechReader::tells_someones_act() const {
  return std::any_of(reading_.acts.begin(), reading_.acts.end(), is_told_deed);
}

// "barusan ada mobil dinas dipake angkut kaos paslon": a writer who never names themself tells what others did;
// the acts fall to the writer only for want of another actor.
bool SpeechReader::has_act_without_actor() const {
  return !reading_.people[0].mentioned && std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return !act.negated;
  });
}

bool SpeechReader::tells_a_story() const {
  return reading_.has(Modifier::past_event) || reading_.has(Modifier::asks_for_action);
}

// An emoji read as a word ("👍" → "jempol"), or one the normaliser dropped ("😂"): a four-byte UTF-8 sequence,
// U+10000 and above, where the emoji blocks lie.
bool SpeechReader::has_emoji() const {
  bool as_word = std::any_of(reading_.tokens.begin(), reading_.tokens.end(), [&](const Token& t) { return from_emoji(t); });
  return as_word || std::any_of(reading_.text.begin(), reading_.text.end(),
                                [](char c) { return (static_cast<unsigned char>(c) & 0xF8) == 0xF0; });
}

}  // namespace netra::bot
