#include "knowledge/lexicon_coverage.h"

#include <algorithm>
#include <unordered_map>

#include "knowledge/strings.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  for (auto& word : split_words(text)) words.push_back(std::move(word.text));
  return words;
}

// True when `needle` occurs as a contiguous run of `haystack` ("bojo" → "istri suami" holds "istri").
bool contains_run(const std::vector<std::string>& haystack, const std::vector<std::string>& needle) {
  if (needle.empty()) return haystack.empty();
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

std::vector<std::string> normalized_words(const Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> words;
  for (auto& term : analyzer.normalize(text)) words.push_back(std::move(term.text));
  return words;
}

}  // namespace

std::vector<InformalPair> read_informal_pairs(std::istream& in, const std::string& file,
                                              std::vector<Problem>& problems) {
  std::vector<InformalPair> pairs;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      problems.push_back({file, number, "expected `informal<TAB>formal`"});
      continue;
    }
    std::string informal(trim(std::string_view(line).substr(0, tab)));
    std::string formal(trim(std::string_view(line).substr(tab + 1)));
    if (number == 1 && informal == "informal" && formal == "formal") continue;  // the header
    if (informal.empty() || formal.empty()) {
      problems.push_back({file, number, "an empty side"});
      continue;
    }
    pairs.push_back({std::move(informal), std::move(formal), number});
  }
  return pairs;
}

LexiconCoverage measure_lexicon_coverage(const Analyzer& analyzer, const std::vector<InformalPair>& pairs) {
  // The list may give one informal word several formal ones; the word counts once, and as "the same" when the
  // map agrees with any of them.
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> formals;
  for (const auto& pair : pairs) {
    std::string informal = join(folded_words(pair.informal), " ");
    if (informal.empty()) continue;
    auto [it, inserted] = formals.try_emplace(informal);
    if (inserted) order.push_back(informal);
    it->second.push_back(folded_words(pair.formal));
  }

  LexiconCoverage coverage;
  for (const auto& informal : order) {
    ++coverage.pairs;
    const auto& candidates = formals.at(informal);
    auto netra = normalized_words(analyzer, informal);
    auto terms = analyzer.term_set(informal);
    // Alike: the same words after the map, or the same non-empty terms (two different stopwords, "tidak" and
    // "bukan", both vanish from a search but do not mean the same).
    if (std::any_of(candidates.begin(), candidates.end(), [&](const auto& formal) {
          std::string text = join(formal, " ");
          return normalized_words(analyzer, text) == netra || (!terms.empty() && analyzer.term_set(text) == terms);
        })) {
      ++coverage.read_alike;
    }
    if (join(netra, " ") == informal) {
      coverage.unmapped.push_back(informal);
      continue;
    }
    ++coverage.mapped;
    bool same = std::any_of(candidates.begin(), candidates.end(),
                            [&](const auto& formal) { return contains_run(netra, formal); });
    if (same) {
      ++coverage.mapped_same;
    } else {
      coverage.mapped_otherwise.push_back(informal + " → " + join(netra, " ") + " (list: " +
                                          join(candidates.front(), " ") + ")");
    }
  }
  return coverage;
}

}  // namespace netra::knowledge
