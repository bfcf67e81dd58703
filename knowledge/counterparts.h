// Articles of the two election laws that say the same thing (knowledge/data/counterparts.txt): UU 7/2017 governs
// the Pemilu, UU 10/2016 the Pilkada, and for most prohibitions each has its own article — campaign teams may not
// involve ASN or kades (UU 7/2017 Pasal 280 ayat 3; UU 10/2016 Pasal 70 ayat 1), officials may not favour a
// candidate (Pasal 282; Pasal 71 ayat 1). An answer about one election cites that election's article, so an entry
// written for both can name either.
//
// File format, one pair a line (`#` comments):
//   SOURCE PASAL [AYAT] = SOURCE PASAL [AYAT]
// A side without AYAT stands for every ayat of that pasal. Both sides must name corpus articles (checked by
// `netra index`).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "knowledge/corpus.h"
#include "knowledge/problem.h"

namespace netra::knowledge {

class ElectionCounterparts {
 public:
  ElectionCounterparts() = default;
  // Parses counterparts.txt; malformed lines are reported as problems (file "counterparts.txt") and skipped.
  static ElectionCounterparts parse(std::string_view text, std::vector<Problem>& problems /* OUT: appended */);

  // Reports every side that names no corpus article.
  void validate(const Corpus& corpus, std::vector<Problem>& problems /* OUT: appended */) const;

  // The article of `source` that says what `article` says, or nullopt when no line pairs them.
  std::optional<ArticleRef> in_source(const ArticleRef& article, std::string_view source) const;

 private:
  struct Pair {
    ArticleRef left;
    ArticleRef right;
    bool both_ways = true;  // false for `=>`: only left becomes right
    int line = 0;
  };
  std::vector<Pair> pairs_;
};

}  // namespace netra::knowledge
