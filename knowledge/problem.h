// A validation problem in a human-edited file, reported as `file:line: message`.
#pragma once

#include <string>

namespace netra::knowledge {

struct Problem {
  std::string file;
  int line = 0;
  std::string message;

  std::string to_string() const { return file + ":" + std::to_string(line) + ": " + message; }
};

}  // namespace netra::knowledge
