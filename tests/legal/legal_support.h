// Helpers for the legal regression suite: ask the bot a question the way a user would and read what the user
// sees (the reply text and the articles it cites). The suite pins the legal fact sheet (shared/regulations.md)
// through the public answer only, never through corpus files, so a fact that changes in the sheet fails a test
// here until the corpus follows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/answer.h"

namespace netra::legal_testing {

// One question and what the user was told.
struct Reply {
  bot::Answer answer;
  std::string text;  // the reply text, ASCII-lower-cased, for case-blind matching

  // Whether the reply text contains `fragment` (compared lower-cased).
  bool mentions(std::string_view fragment) const;
  // Whether one of the citations names `source` (and `pasal`, when given).
  bool cites(std::string_view source, std::string_view pasal = "") const;
  // The "Sanksi:" line of the reply, lower-cased; empty when the reply states no sanction.
  std::string sanction_line() const;
};

// Asks the shared answerer (the real corpus, indexed once per test process). `role` is what `--role` gives.
Reply ask(const std::string& question, const std::optional<std::string>& role = std::nullopt);

}  // namespace netra::legal_testing
