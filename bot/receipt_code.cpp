#include "bot/receipt_code.h"

#include <cctype>

namespace netra::bot {
namespace {

bool is_code_char(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || (std::toupper(static_cast<unsigned char>(c)) >= 'A' &&
                                                         std::toupper(static_cast<unsigned char>(c)) <= 'Z');
}

}  // namespace

std::optional<std::string> find_receipt_code(const std::string& text) {
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != 'N' ||
        std::toupper(static_cast<unsigned char>(text[i + 1])) != 'T' ||
        std::toupper(static_cast<unsigned char>(text[i + 2])) != 'R') {
      continue;
    }
    if (i > 0 && is_code_char(text[i - 1])) continue;
    std::string code;
    size_t pos = i + 3;
    // Eight code characters, separators (dash, space) allowed between groups.
    while (pos < text.size() && code.size() < 8) {
      char c = text[pos];
      if (is_code_char(c)) {
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      } else if (c != '-' && c != ' ') {
        break;
      }
      ++pos;
    }
    if (code.size() == 8 && (pos >= text.size() || !is_code_char(text[pos]))) {
      return "NTR-" + code.substr(0, 4) + "-" + code.substr(4);
    }
  }
  return std::nullopt;
}

}  // namespace netra::bot
