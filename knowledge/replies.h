// Every fixed text the bot says — replies, prompts, the menu and its button titles, notices, verdict headings —
// lives in knowledge/data/replies.txt, the way Rasa keeps responses in domain.yml: a regional knowledge editor
// changes wording without a compiler. `netra index` checks that every key the code uses is there and that each
// text uses only the placeholders its key allows.
//
// File format: `== key` starts a text; the lines up to the next `== ` (trailing blank lines dropped) are the
// text; `#` at the start of a line is a comment. `{name}` is a placeholder, filled at run time.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/problem.h"

namespace netra::knowledge {

// One key the code uses and the placeholders its text may (allowed) and must (required) contain.
struct ReplySpec {
  std::string key;
  std::vector<std::string> allowed;
  std::vector<std::string> required;
};

// The keys the code uses, with their placeholders. The one list both the checker and the docs read.
const std::vector<ReplySpec>& reply_specs();

class Replies {
 public:
  Replies() = default;
  // Parses replies.txt; problems name the file "replies.txt" and the line. Checks against reply_specs().
  static Replies parse(std::string_view text, std::vector<Problem>& problems /* OUT: appended */);

  // The text of `key` with each `{name}` replaced by values[name]. A key missing from the file (which only a
  // corpus that skipped validation can have) renders as the key itself, so nothing crashes on it.
  std::string render(std::string_view key, const std::map<std::string, std::string>& values = {}) const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace netra::knowledge
