// Finds the cue phrases of one data file (acts, targets, roles, …) in a message's tokens. Phrases are compiled
// once: each goes through the same chat-language map as messages and, unless written as exact, is stemmed, so
// a cue and a message word meet in the same form. The words of every cue file a reader matches are numbered
// once (CueWords), so a message's words and stems are looked up once for all seven files, and matching compares
// integers.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bot/reading.h"
#include "knowledge/analyzer.h"
#include "knowledge/lexicon.h"

namespace netra::bot {

// The words of a reader's cue phrases, numbered when the reader is built.
class CueWords {
 public:
  // The id of a word no cue phrase uses: no phrase word has it.
  static constexpr uint32_t kNone = 0;

  // The id of a phrase word, numbered on first sight (never kNone).
  uint32_t add(const std::string& word);
  // The id of a message's word or stem; kNone when no cue phrase uses it.
  uint32_t id(const std::string& word) const;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// A message token as cue word ids: its normalised word and its stem.
struct TokenIds {
  uint32_t word = CueWords::kNone;
  uint32_t stem = CueWords::kNone;
};

// The ids of every token of a message, in order: looked up once per message, for every matcher.
std::vector<TokenIds> token_ids(const std::vector<Token>& tokens, const CueWords& words);

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
  // `words`: where the phrases' words are numbered; the same for every matcher of one reader, and alive as long
  // as it (find() takes the message's ids from it).
  template <typename Label>
  PhraseMatcher(const std::vector<knowledge::Cue<Label>>& cues, const knowledge::Analyzer& analyzer, CueWords& words,
                bool every_label = false)
      : every_label_(every_label), gap_stops_(&analyzer.lexicon().word_classes[static_cast<size_t>(
                                       knowledge::WordClass::relativizer)]) {
    for (const auto& cue : cues) add(static_cast<int>(cue.label), cue.phrase, analyzer, words);
  }

  // Every phrase found, by first token. At each start only the longest phrase counts (the first listed among
  // equals, or one per label with `every_label`), and a match lying inside a longer one is dropped ("jangan
  // golput" hides "golput").
  // `ids` are the tokens' (token_ids with this matcher's CueWords).
  std::vector<PhraseMatch> find(const std::vector<Token>& tokens, const std::vector<TokenIds>& ids) const;

 private:
  // Marks a gap among a phrase's word ids; CueWords never hands it out.
  static constexpr uint32_t kGap = UINT32_MAX;
  struct Phrase {
    int label = 0;
    std::vector<uint32_t> words;  // ids of normalised words (exact) or stems; kGap for a gap
    std::vector<bool> exact;      // per word: compare the normalised word, not the stem
    size_t order = 0;   // position in the data file
    size_t length = 0;  // words other than gaps
  };
  void add(int label, const knowledge::CuePhrase& phrase, const knowledge::Analyzer& analyzer, CueWords& words);
  // The last token of a match of `phrase` starting at `start`, or -1; the words its gap skipped go to `match`.
  long match_at(const Phrase& phrase, const std::vector<Token>& tokens, const std::vector<TokenIds>& ids, size_t start,
                PhraseMatch& match /* OUT: gap_first, gap_last */) const;
  // Keeps `match` of `phrase` among `at_start` if it is the longest so far at its start (see find()).
  void keep_longest(const Phrase& phrase, const PhraseMatch& match, std::vector<PhraseMatch>& at_start,
                    size_t& best_length, size_t& best_order) const;

  bool every_label_ = false;
  // A gap does not reach past these words (relativizers: "buat PPPK yg share konten" is no "buat .. konten").
  const std::unordered_set<std::string>* gap_stops_ = nullptr;
  std::vector<Phrase> phrases_;
  // First word of each phrase → phrases: by the normalised word when it is exact, by its stem otherwise.
  std::unordered_map<uint32_t, std::vector<size_t>> by_first_word_;
  std::unordered_map<uint32_t, std::vector<size_t>> by_first_stem_;
};

}  // namespace netra::bot
