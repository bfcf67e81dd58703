// Who is asking (or who the question is about): ASN, PPPK, kepala desa, perangkat desa or a citizen,
// read from role cues in the message (knowledge/data/roles.txt) or given explicitly with --role.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "knowledge/analyzer.h"

namespace netra::bot {

// The roles the contract names.
bool is_known_role(const std::string& role);

class AudienceDetector {
 public:
  explicit AudienceDetector(const knowledge::Analyzer& analyzer);
  // The first role (in the cue file's priority order) whose cue phrase occurs in the normalised words. A cue
  // right after a negation ("blm PPPK", "bkn ASN") says who the writer is not, so it does not count.
  std::optional<std::string> detect(const std::vector<knowledge::Term>& words) const;

 private:
  struct Cue {
    std::string role;
    std::vector<std::string> words;
  };
  std::vector<Cue> cues_;
  std::vector<std::string> negations_;  // single words, from the `negation:` lines of roles.txt
};

// True when `phrase` occurs as consecutive words in `words`.
bool contains_phrase(const std::vector<knowledge::Term>& words, const std::vector<std::string>& phrase);

}  // namespace netra::bot
