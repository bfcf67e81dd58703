// The text pipeline shared by indexing and querying: split into words → chat-language normalisation (slang map,
// reduplication) → stopwords → stemming. The FTS5 tokenizer and the query builder both call it, so a word in a
// message and the same word in the corpus always become the same term.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "knowledge/lexicon.h"
#include "knowledge/stemmer.h"

namespace netra::knowledge {

// One index or query term with the byte range of the original text it came from.
struct Term {
  std::string text;
  size_t start = 0;
  size_t end = 0;
};

class Analyzer {
 public:
  Analyzer(Lexicon lexicon, std::shared_ptr<const Stemmer> stemmer);

  // Full pipeline: the terms to index or to search for, in order (duplicates kept).
  std::vector<Term> analyze(std::string_view text) const;

  // Split and slang-normalised words, stopwords kept, not stemmed: what intent rules read.
  std::vector<Term> normalize(std::string_view text) const;

  // The distinct terms of a text, for overlap scoring.
  std::unordered_set<std::string> term_set(std::string_view text) const;

  // The stem of one normalised word, stopword or not.
  std::string stem(const std::string& word) const { return stemmer_->stem(word); }

  // Stems one normalised word, returning empty when it is a stopword (before or after stemming).
  std::string term_of(const std::string& word) const;

  // True when any of the (stemmed) terms is a domain word: the message is about elections and neutrality.
  bool mentions_domain(const std::vector<Term>& terms) const;
  bool mentions_domain(const std::vector<std::string>& terms) const;

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  // A word stretched for emphasis, brought back to its written form.
  std::string unstretch(const std::string& word) const;

  Lexicon lexicon_;
  // The first word of every slang phrase of two words or more: only at such a word can a longer phrase start.
  std::unordered_set<std::string> phrase_starts_;
  std::shared_ptr<const Stemmer> stemmer_;
  std::unordered_set<std::string> domain_terms_;
  // Every word the chat-language map writes ("pppk" from "p3k"): real words, never stretched chat.
  std::unordered_set<std::string> formal_words_;
};

}  // namespace netra::knowledge
