#include "bot/report_category.h"

#include <algorithm>

namespace netra::bot {

CategoryGuesser::CategoryGuesser(const knowledge::Analyzer& analyzer) : analyzer_(analyzer) {
  for (const auto& cue : analyzer.lexicon().category_cues) {
    std::string phrase;
    for (const auto& word : cue.words) phrase += word + " ";
    Cue analysed{cue.intent, {}};
    for (auto& term : analyzer.analyze(phrase)) analysed.terms.push_back(std::move(term.text));
    if (analysed.terms.empty()) continue;
    if (std::find(order_.begin(), order_.end(), cue.intent) == order_.end()) order_.push_back(cue.intent);
    cues_.push_back(std::move(analysed));
  }
}

std::string CategoryGuesser::guess(const std::string& account) const {
  auto terms = analyzer_.term_set(account);
  for (const auto& category : order_) {
    for (const auto& cue : cues_) {
      if (cue.category != category) continue;
      bool all = std::all_of(cue.terms.begin(), cue.terms.end(), [&](const auto& t) { return terms.count(t) > 0; });
      if (all) return category;
    }
  }
  return "lainnya";
}

}  // namespace netra::bot
