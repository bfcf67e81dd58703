#include "bot/intent.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace netra::bot {
namespace {

// A help or greeting message is short; a long message that happens to contain "menu" is something else.
constexpr size_t kMaxCueOnlyWords = 8;
// A help request may open with a greeting and chat fillers ("assalamualaikum min, ini bot apa ya? bs bantu apa
// aja"): those do not count against its length, but only a few content words may stand beside the cue.
constexpr size_t kMaxHelpWords = 16;
constexpr size_t kMaxHelpContentWords = 4;

bool is_code_char(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || (std::toupper(static_cast<unsigned char>(c)) >= 'A' &&
                                                         std::toupper(static_cast<unsigned char>(c)) <= 'Z');
}

}  // namespace

std::optional<std::string> find_receipt_code(const std::string& text) {
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != 'N' ||
        std::toupper(static_cast<unsigned char>(text[i + 1])) != 'T' ||
        std::toupper(static_cast<unsigned char>(text[i + 2])) != 'R') {
      continue;
    }
    if (i > 0 && is_code_char(text[i - 1])) continue;
    std::string code;
    size_t pos = i + 3;
    // Eight code characters, separators (dash, space) allowed between groups.
    while (pos < text.size() && code.size() < 8) {
      char c = text[pos];
      if (is_code_char(c)) {
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      } else if (c != '-' && c != ' ') {
        break;
      }
      ++pos;
    }
    if (code.size() == 8 && (pos >= text.size() || !is_code_char(text[pos]))) {
      return "NTR-" + code.substr(0, 4) + "-" + code.substr(4);
    }
  }
  return std::nullopt;
}

IntentClassifier::IntentClassifier(const knowledge::Analyzer& analyzer) : analyzer_(analyzer), roles_(analyzer) {
  for (const auto& cue : analyzer.lexicon().intent_cues) {
    std::string phrase;
    for (const auto& word : cue.words) phrase += word + " ";
    std::vector<std::string> words;
    for (auto& word : analyzer.normalize(phrase)) words.push_back(std::move(word.text));
    if (words.empty()) continue;
    if (cue.intent == "greeting") greeting_.push_back(words);
    else if (cue.intent == "help") help_.push_back(words);
    else if (cue.intent == "report") report_.push_back(words);
    else if (cue.intent == "status") status_.push_back(words);
    else if (cue.intent == "question_cue") question_.push_back(words);
    if (cue.intent == "report") report_stems_.push_back(stemmed(words));
    if (cue.intent == "info_cue") info_stems_.push_back(stemmed(words));
    if (cue.intent == "verdict_cue") verdict_stems_.push_back(stemmed(words));
    if (cue.intent == "choice_cue") choice_stems_.push_back(stemmed(words));
    if (cue.intent == "pilkada_cue") pilkada_stems_.push_back(stemmed(words));
    if (cue.intent == "pemilu_cue") pemilu_stems_.push_back(stemmed(words));
  }
}

std::vector<std::string> IntentClassifier::stemmed(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  for (const auto& word : words) out.push_back(analyzer_.stem(word));
  return out;
}

std::vector<knowledge::Term> IntentClassifier::stemmed(const std::vector<knowledge::Term>& words) const {
  std::vector<knowledge::Term> out;
  for (const auto& word : words) out.push_back({analyzer_.stem(word.text), word.start, word.end});
  return out;
}

bool IntentClassifier::asks_for_info(const std::vector<knowledge::Term>& words) const {
  return has_cue(info_stems_, stemmed(words));
}

bool IntentClassifier::asks_for_verdict(const std::vector<knowledge::Term>& words) const {
  auto stems = stemmed(words);
  return has_cue(verdict_stems_, stems) && !has_cue(info_stems_, stems);
}

bool IntentClassifier::asks_for_a_choice(const std::vector<knowledge::Term>& words) const {
  auto stems = stemmed(words);
  if (!has_cue(choice_stems_, stems) || has_cue(verdict_stems_, stems) || has_cue(info_stems_, stems) ||
      has_cue(report_stems_, stems)) {
    return false;
  }
  auto role = roles_.detect(words);
  return !role || *role == "citizen";
}

std::vector<std::string> IntentClassifier::reporting_terms(const std::string& text,
                                                           const std::vector<knowledge::Term>& words) const {
  std::vector<std::string> terms;
  if (!asks(text, words)) return terms;
  for (const auto& word : stemmed(words)) {
    for (const auto& cue : report_stems_) {
      if (cue.size() == 1 && cue.front() == word.text &&
          std::find(terms.begin(), terms.end(), word.text) == terms.end()) {
        terms.push_back(word.text);
      }
    }
  }
  return terms;
}

Election IntentClassifier::election_named(const std::vector<knowledge::Term>& words) const {
  auto stems = stemmed(words);
  bool pilkada = has_cue(pilkada_stems_, stems);
  bool pemilu = has_cue(pemilu_stems_, stems);
  if (pilkada == pemilu) return Election::unnamed;
  return pilkada ? Election::pilkada : Election::pemilu;
}

bool IntentClassifier::has_cue(const std::vector<std::vector<std::string>>& cues,
                               const std::vector<knowledge::Term>& words) const {
  for (const auto& cue : cues) {
    if (contains_phrase(words, cue)) return true;
  }
  return false;
}

bool IntentClassifier::starts_with_cue(const std::vector<std::vector<std::string>>& cues,
                                       const std::vector<knowledge::Term>& words) const {
  // "Lapor min, ..." and "mau lapor, ..." both open with the cue; allow one filler word before it.
  for (const auto& cue : cues) {
    for (size_t offset = 0; offset <= 1 && offset + cue.size() <= words.size(); ++offset) {
      bool all = true;
      for (size_t k = 0; k < cue.size() && all; ++k) all = words[offset + k].text == cue[k];
      if (all) return true;
    }
  }
  return false;
}

bool IntentClassifier::only_cue_words(const std::vector<std::vector<std::string>>& cues,
                                      const std::vector<knowledge::Term>& words) const {
  if (words.empty() || words.size() > kMaxCueOnlyWords) return false;
  std::vector<bool> covered(words.size(), false);
  for (const auto& cue : cues) {
    for (size_t i = 0; i + cue.size() <= words.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < cue.size() && all; ++k) all = words[i + k].text == cue[k];
      if (all) {
        for (size_t k = 0; k < cue.size(); ++k) covered[i + k] = true;
      }
    }
  }
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (covered[i]) {
      any = true;
    } else if (!analyzer_.lexicon().stopwords.count(words[i].text) && !has_cue(greeting_, {words[i]})) {
      return false;  // a content word that is not part of a cue
    }
  }
  return any;
}

bool IntentClassifier::short_enough_for_help(const std::vector<knowledge::Term>& words) const {
  if (words.size() <= kMaxCueOnlyWords) return true;
  if (words.size() > kMaxHelpWords) return false;
  size_t content = 0;
  for (const auto& word : words) {
    if (!analyzer_.lexicon().stopwords.count(word.text) && !has_cue(greeting_, {word})) ++content;
  }
  return content <= kMaxHelpContentWords;
}

bool IntentClassifier::asks(const std::string& text, const std::vector<knowledge::Term>& words) const {
  return text.find('?') != std::string::npos || has_cue(question_, words);
}

IntentReading IntentClassifier::classify(const std::string& text, const std::vector<knowledge::Term>& words) const {
  IntentReading reading;
  if (auto code = find_receipt_code(text)) {
    reading.intent = Intent::status;
    reading.receipt_code = *code;
    return reading;
  }
  if (!words.empty() && words.size() <= 3 && starts_with_cue(status_, words) && !asks(text, words)) {
    reading.intent = Intent::status;
    return reading;
  }
  bool question = asks(text, words);
  // A report names its cue ("lapor", "mau ngadu", "pelaporan:") and tells rather than asks ("gimana cara
  // lapor?" asks).
  if (!question && (starts_with_cue(report_, words) || has_cue(report_stems_, stemmed(words)))) {
    reading.intent = Intent::report;
    return reading;
  }
  if (text.rfind("/lapor", 0) == 0) {
    reading.intent = Intent::report;
    return reading;
  }
  if (only_cue_words(greeting_, words)) {
    reading.intent = Intent::greeting;
    return reading;
  }
  if (text.rfind("/start", 0) == 0 || text.rfind("/help", 0) == 0 || text.rfind("/menu", 0) == 0) {
    reading.intent = Intent::help;
    return reading;
  }
  if (has_cue(help_, words) && short_enough_for_help(words) && !analyzer_.mentions_domain(analyzer_.analyze(text))) {
    reading.intent = Intent::help;
    return reading;
  }
  if (asks_for_a_choice(words)) {
    reading.intent = Intent::out_of_scope;
    return reading;
  }
  reading.intent = Intent::question;
  return reading;
}

}  // namespace netra::bot
