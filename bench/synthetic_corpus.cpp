#include "bench/synthetic_corpus.h"

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace netra::bench {
namespace {

using knowledge::ArticleRef;
using knowledge::Corpus;
using knowledge::Entry;
using knowledge::EntryKind;

// Share of a text's words replaced by a donor entry's words: enough that copies rank differently from the
// original and from each other, little enough that a copy still reads as being about the same topic.
constexpr double kReplaceShare = 0.35;
// Share of positions swapped with a near neighbour, so that phrase queries and column positions also vary.
constexpr double kSwapShare = 0.20;
constexpr size_t kSwapReach = 3;

// A seeded random source whose draws are the same with every standard library: mt19937_64's sequence is fixed by
// the standard but the std distributions are not, so ranges use a plain modulo (its bias is irrelevant here).
class Dice {
 public:
  explicit Dice(uint64_t seed) : engine_(seed) {}
  // A number in [0, n); n must be positive.
  size_t below(size_t n) { return static_cast<size_t>(engine_() % n); }
  bool chance(double share) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < share; }

 private:
  std::mt19937_64 engine_;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

// Mixes donor items into own (words of a text, or items of a list) and swaps some neighbours. Keeps own's length,
// so the synthetic index has the real corpus's document lengths and bm25 normalisation behaves as it would.
std::vector<std::string> recombine(std::vector<std::string> own, const std::vector<std::string>& donor, Dice& dice) {
  for (auto& item : own) {
    if (!donor.empty() && dice.chance(kReplaceShare)) item = donor[dice.below(donor.size())];
  }
  for (size_t i = 0; i + 1 < own.size(); ++i) {
    if (dice.chance(kSwapShare)) std::swap(own[i], own[std::min(own.size() - 1, i + 1 + dice.below(kSwapReach))]);
  }
  return own;
}

std::string recombine_text(const std::string& own, const std::string& donor, Dice& dice) {
  if (own.empty()) return own;
  return join_words(recombine(split_words(own), split_words(donor), dice));
}

std::string body_of(const Entry& entry) {
  return entry.kind == EntryKind::qa ? entry.answer : entry.text;
}

std::string synthetic_suffix(size_t copy) {
  return "-syn" + std::to_string(copy);
}

// Copy `copy` of original, its words recombined with donor's. Citations move to the same copy's articles.
Entry synthetic_entry(const Entry& original, const Entry& donor, size_t copy, Dice& dice) {
  Entry entry = original;
  std::string suffix = synthetic_suffix(copy);
  entry.id += suffix;
  // A fresh pasal keeps (source, pasal) unique per article, as in a real larger corpus, so citation lookups
  // do not degrade into scanning N copies of the same article.
  if (entry.kind == EntryKind::article) entry.pasal += suffix;
  for (ArticleRef& cite : entry.cites) cite.pasal += suffix;

  entry.title = recombine_text(original.title, donor.title, dice);
  std::string donor_phrasings = join_words(donor.questions) + ' ' + donor.title;
  for (auto& question : entry.questions) question = recombine_text(question, donor_phrasings, dice);
  entry.keywords = recombine(original.keywords, donor.keywords, dice);
  if (entry.kind == EntryKind::qa) {
    entry.answer = recombine_text(original.answer, body_of(donor), dice);
  } else {
    entry.text = recombine_text(original.text, body_of(donor), dice);
  }
  entry.sanction = recombine_text(original.sanction, donor.sanction, dice);
  return entry;
}

// A random peer of entry `self` other than itself (itself only when it has no peer).
size_t donor_of(size_t self, const std::vector<size_t>& peers, Dice& dice) {
  if (peers.size() < 2) return self;
  size_t pick = peers[dice.below(peers.size() - 1)];
  return pick == self ? peers.back() : pick;
}

}  // namespace

Corpus scaled_corpus(const Corpus& real, size_t factor, uint64_t seed) {
  Corpus scaled = real;
  if (factor <= 1 || real.entries.empty()) return scaled;

  // Donors come from the same kind, so a Q&A answer mixes with answers and an article with articles.
  std::map<EntryKind, std::vector<size_t>> by_kind;
  for (size_t i = 0; i < real.entries.size(); ++i) by_kind[real.entries[i].kind].push_back(i);

  Dice dice(seed);
  scaled.entries.reserve(real.entries.size() * factor);
  for (size_t copy = 1; copy < factor; ++copy) {
    for (size_t i = 0; i < real.entries.size(); ++i) {
      const Entry& original = real.entries[i];
      scaled.entries.push_back(
          synthetic_entry(original, real.entries[donor_of(i, by_kind[original.kind], dice)], copy, dice));
    }
  }

  std::vector<knowledge::Problem> problems;
  knowledge::validate_corpus(scaled, problems);
  if (!problems.empty()) {
    throw std::logic_error("synthetic corpus ×" + std::to_string(factor) +
                           " is invalid: " + problems.front().to_string());
  }
  return scaled;
}

}  // namespace netra::bench
