// String helpers every layer shares, so that no file keeps its own copy: ASCII case, trimming, splitting and
// joining. Byte-wise and locale-free: they work on syntax (keys, separators, codes, commands), never on the
// meaning of Indonesian text, which knowledge/text.h folds and splits into words.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace netra::knowledge {

// ASCII letters lowered (or raised); every other byte, UTF-8 included, is kept as it is.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

// Trims ASCII white space (space, \t, \r, \n, \f, \v) at both ends.
std::string_view trim(std::string_view text);

// Splits at every separator and keeps empty items ("a,,b" → a, "", b); an empty text has no items. The inverse
// of join for items that hold no separator.
std::vector<std::string> split(std::string_view text, char separator);
// Splits at every separator, trims each item and drops the empty ones ("a, b,,c" → a, b, c).
std::vector<std::string> split_trimmed(std::string_view text, char separator);
// Splits at runs of ASCII white space ("  a \t b " → a, b).
std::vector<std::string> split_spaces(std::string_view text);

// The items with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// Calls handle(line_number, trimmed_line) for every line of a data file that is neither blank nor a `#` comment;
// line numbers start at 1, for problems that name the line.
template <typename LineHandler>
void for_each_line(std::string_view text, LineHandler handle) {
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    auto content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    handle(number, content);
  }
}

}  // namespace netra::knowledge
