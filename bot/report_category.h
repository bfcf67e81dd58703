// Infers a report's category (medsos, kampanye, politik-uang, fasilitas-negara, keputusan, lainnya) from the
// reporter's account, using the cue phrases of knowledge/data/categories.txt.
#pragma once

#include <string>
#include <vector>

#include "knowledge/analyzer.h"

namespace netra::bot {

class CategoryGuesser {
 public:
  explicit CategoryGuesser(const knowledge::Analyzer& analyzer);
  // The first category (in the cue file's order: specific before generic) with a cue whose terms all occur in
  // the account, or "lainnya" when none does.
  std::string guess(const std::string& account) const;

 private:
  struct Cue {
    std::string category;
    std::vector<std::string> terms;
  };
  const knowledge::Analyzer& analyzer_;
  std::vector<Cue> cues_;
  std::vector<std::string> order_;  // categories in file order, for ties
};

}  // namespace netra::bot
