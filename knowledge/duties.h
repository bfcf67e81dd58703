// Where each bound role's duty of political neutrality is written (knowledge/data/duties.txt): UU Desa Pasal 29
// for a kepala desa, Pasal 51 for perangkat desa, UU ASN Pasal 9 for ASN. An answer about the act of someone in
// that role cites it when it cites nothing else that binds them, so a kades is never answered from ASN law alone.
//
// File format, one article a line (`#` comments), best first for each role:
//   ROLE: SOURCE PASAL [AYAT]
// ROLE is a role of knowledge/vocabulary.h; SOURCE PASAL [AYAT] must name a corpus article (checked by
// `netra index`).
#pragma once

#include <string_view>
#include <vector>

#include "knowledge/corpus.h"
#include "knowledge/problem.h"
#include "knowledge/vocabulary.h"

namespace netra::knowledge {

class RoleDuties {
 public:
  RoleDuties() = default;
  // Parses duties.txt; malformed lines are reported as problems (file "duties.txt") and skipped.
  static RoleDuties parse(std::string_view text, std::vector<Problem>& problems /* OUT: appended */);

  // Reports every line whose article is not a corpus article.
  void validate(const Corpus& corpus, std::vector<Problem>& problems /* OUT: appended */) const;

  // The articles that bind `role` to neutrality, best first; empty for roles nothing binds (citizens).
  std::vector<ArticleRef> of(Role role) const;

 private:
  struct Duty {
    Role role = Role::unknown;
    ArticleRef article;
    int line = 0;
  };
  std::vector<Duty> duties_;
};

}  // namespace netra::knowledge
