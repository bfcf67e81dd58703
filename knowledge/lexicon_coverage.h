// How much of an outside informal→formal word list Netra's own chat-language map covers (`netra lexicon
// coverage FILE`). The list is a yardstick, never a source: Netra's map (knowledge/data/slang.txt) is written by
// hand, and the measure shows which common chat words it still leaves as they are.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "knowledge/analyzer.h"
#include "knowledge/problem.h"

namespace netra::knowledge {

// One line of the list: an informal word or phrase and its formal equivalent (one or more words).
struct InformalPair {
  std::string informal;
  std::string formal;
  int line = 0;
};

// Reads `informal<TAB>formal` lines (UTF-8). A first line `informal<TAB>formal` is a header and skipped; blank
// lines and lines starting with `#` are skipped; a line without a tab or with an empty side is a problem
// (`file:line: …`) and skipped. `file` names the input in problems.
std::vector<InformalPair> read_informal_pairs(std::istream& in, const std::string& file,
                                              std::vector<Problem>& problems /* OUT: appended */);

struct LexiconCoverage {
  size_t pairs = 0;        // pairs measured (duplicates of an informal word count once)
  size_t mapped = 0;       // informal words the chat-language map rewrites
  size_t mapped_same = 0;  // …into the pair's formal words (others may stand beside them: "bojo" → "istri suami")
  // Informal words Netra reads as the formal side, mapped or not: the same words after the map, or the same
  // non-empty analysed terms (stemmed, stopwords dropped: what retrieval searches for; "dipake" → "pakai" and
  // "dipakai" both stem to "pakai").
  size_t read_alike = 0;
  // Informal words the map leaves as they are (after folding), in list order.
  std::vector<std::string> unmapped;
  // Mapped, but to other words than the list's formal ones: "informal → netra's words (list: formal)".
  std::vector<std::string> mapped_otherwise;
};

// Runs every informal word through the analyser's normalisation (split, fold, unstretch, chat-language map) and
// compares with the words it started as and with the folded formal side.
LexiconCoverage measure_lexicon_coverage(const Analyzer& analyzer, const std::vector<InformalPair>& pairs);

}  // namespace netra::knowledge
