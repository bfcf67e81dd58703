// Synthetic corpora for the answer-time benchmark: the real corpus scaled N× so that the FTS5 index, the entry
// table and the idf map grow the way a larger knowledge base would, while every citation stays valid.
#pragma once

#include <cstddef>
#include <cstdint>

#include "knowledge/corpus.h"

namespace netra::bench {

// Returns the real entries followed by `factor - 1` synthetic copies of each (factor 1 returns the corpus as is).
// Copy k of an entry gets a fresh id (`<id>-syn<k>`; articles `<source>/<id>-syn<k>` with pasal `<pasal>-syn<k>`),
// and its title, questions, keywords, answer, text and sanction recombined with words of another entry of the same
// kind, so copies compete in bm25 without being duplicates. Citations of copy k point at the copy-k articles,
// which always exist. The same (corpus, factor, seed) always gives the same result, on any platform.
// Throws std::logic_error when the result does not validate (a duplicate id or a dangling citation).
knowledge::Corpus scaled_corpus(const knowledge::Corpus& real, size_t factor, uint64_t seed);

}  // namespace netra::bench
