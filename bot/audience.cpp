#include "bot/audience.h"

#include <algorithm>

namespace netra::bot {

bool is_known_role(const std::string& role) {
  return role == "asn" || role == "pppk" || role == "kades" || role == "perangkat" || role == "citizen";
}

bool contains_phrase(const std::vector<knowledge::Term>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
    bool all = true;
    for (size_t k = 0; k < phrase.size() && all; ++k) all = words[i + k].text == phrase[k];
    if (all) return true;
  }
  return false;
}

AudienceDetector::AudienceDetector(const knowledge::Analyzer& analyzer) {
  // Priority is the file's order, so each role's cues keep their position.
  for (const auto& cue : analyzer.lexicon().role_cues) {
    Cue normalised{cue.intent, {}};
    std::string phrase;
    for (const auto& word : cue.words) phrase += word + " ";
    for (auto& word : analyzer.normalize(phrase)) normalised.words.push_back(std::move(word.text));
    if (normalised.words.empty()) continue;
    if (cue.intent == "negation") {
      negations_.insert(negations_.end(), normalised.words.begin(), normalised.words.end());
    } else {
      cues_.push_back(std::move(normalised));
    }
  }
}

std::optional<std::string> AudienceDetector::detect(const std::vector<knowledge::Term>& words) const {
  for (const auto& cue : cues_) {
    for (size_t i = 0; i + cue.words.size() <= words.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < cue.words.size() && all; ++k) all = words[i + k].text == cue.words[k];
      if (!all) continue;
      bool negated = i > 0 && std::find(negations_.begin(), negations_.end(), words[i - 1].text) != negations_.end();
      if (!negated) return cue.role;
    }
  }
  return std::nullopt;
}

}  // namespace netra::bot
