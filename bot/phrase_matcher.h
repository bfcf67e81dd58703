// Finds the cue phrases of one data file (acts, targets, roles, …) in a message's tokens. Phrases are compiled
// once: each goes through the same chat-language map as messages and, unless written as exact, is stemmed, so
// a cue and a message word meet in the same form.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bot/reading.h"
#include "knowledge/analyzer.h"
#include "knowledge/lexicon.h"

namespace netra::bot {

struct PhraseMatch {
  int label = 0;           // the cue's label, as an integer (the enum value)
  size_t first_token = 0;  // inclusive
  size_t last_token = 0;   // inclusive
  size_t words = 0;        // how many words of the phrase matched (gaps not counted): longer is more specific
  // The words a gap skipped ("daftar .. calon" over "daftar relawan calon": the token of "relawan"), inclusive;
  // gap_first > gap_last when no gap skipped a word.
  size_t gap_first = 1;
  size_t gap_last = 0;
  bool gap_holds(const PhraseMatch& inner) const {
    return gap_first <= gap_last && inner.first_token >= gap_first && inner.last_token <= gap_last;
  }
};

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // `every_label`: at one start, keep one match per label among the longest phrases ("kemana" asks a question
  // and asks where), instead of only the first listed.
  template <typename Label>
  PhraseMatcher(const std::vector<knowledge::Cue<Label>>& cues, const knowledge::Analyzer& analyzer,
                bool every_label = false)
      : every_label_(every_label), gap_stops_(&analyzer.lexicon().word_classes[static_cast<size_t>(
                                       knowledge::WordClass::relativizer)]) {
    for (const auto& cue : cues) add(static_cast<int>(cue.label), cue.phrase, analyzer);
  }

  // Every phrase found, by first token. At each start only the longest phrase counts (the first listed among
  // equals, or one per label with `every_label`), and a match lying inside a longer one is dropped ("jangan
  // golput" hides "golput").
  std::vector<PhraseMatch> find(const std::vector<Token>& tokens) const;

 private:
  struct Phrase {
    int label = 0;
    std::vector<std::string> words;  // normalised words (exact) or stems; knowledge::kGapWord for a gap
    std::vector<bool> exact;         // per word: compare the normalised word, not the stem
    size_t order = 0;   // position in the data file
    size_t length = 0;  // words other than gaps
  };
  void add(int label, const knowledge::CuePhrase& phrase, const knowledge::Analyzer& analyzer);
  // The last token of a match of `phrase` starting at `start`, or -1; the words its gap skipped go to `match`.
  long match_at(const Phrase& phrase, const std::vector<Token>& tokens, size_t start,
                PhraseMatch& match /* OUT: gap_first, gap_last */) const;

  bool every_label_ = false;
  // A gap does not reach past these words (relativizers: "buat PPPK yg share konten" is no "buat .. konten").
  const std::unordered_set<std::string>* gap_stops_ = nullptr;
  std::vector<Phrase> phrases_;
  // First word of each phrase → phrases: by the normalised word when it is exact, by its stem otherwise. Two
  // maps, so a token's word and stem are looked up as they are, without building a key per token.
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_stem_;
};

}  // namespace netra::bot
