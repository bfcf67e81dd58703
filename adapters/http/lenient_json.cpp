#include "adapters/http/lenient_json.h"

namespace netra::adapters {
namespace {

constexpr std::string_view kReplacementEscape = "\\ufffd";
constexpr std::string_view kReplacementBytes = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of "\uXXXX" at text[at], or -1 when there is none.
int escaped_unit(std::string_view text, size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  int unit = 0;
  for (size_t i = at + 2; i < at + 6; ++i) {
    int digit = hex_value(text[i]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

bool is_high_surrogate(int unit) {
  return unit >= 0xD800 && unit <= 0xDBFF;
}
bool is_low_surrogate(int unit) {
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

// The length of the well-formed UTF-8 sequence starting at text[at] (a byte ≥ 0x80), or 0 (RFC 3629 table 3-7).
size_t utf8_sequence_length(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (size_t i = at + 2; i < at + length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string repair_json_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  size_t at = 0;
  while (at < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c >= 0x80) {
      size_t length = utf8_sequence_length(text, at);
      if (length == 0) {
        out += kReplacementBytes;
        ++at;
      } else {
        out.append(text.substr(at, length));
        at += length;
      }
      continue;
    }
    if (!in_string || c != '\\') {
      if (c == '"') in_string = !in_string;
      out += static_cast<char>(c);
      ++at;
      continue;
    }
    // An escape inside a string.
    int unit = escaped_unit(text, at);
    if (unit < 0) {  // \" \\ \n …, or a malformed \u the parser will report: copied as they are
      out.append(text.substr(at, std::min<size_t>(2, text.size() - at)));
      at += 2;
      continue;
    }
    if (is_high_surrogate(unit) && is_low_surrogate(escaped_unit(text, at + 6))) {
      out.append(text.substr(at, 12));  // a well-formed pair
      at += 12;
    } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
      out += kReplacementEscape;
      at += 6;
    } else {
      out.append(text.substr(at, 6));
      at += 6;
    }
  }
  return out;
}

nlohmann::json parse_json_leniently(std::string_view text) {
  std::string repaired = repair_json_text(text);
  return nlohmann::json::parse(repaired, nullptr, false);
}

}  // namespace netra::adapters
