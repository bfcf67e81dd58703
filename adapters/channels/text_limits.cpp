#include "adapters/channels/text_limits.h"
#include "knowledge/utf8.h"

namespace netra::adapters {
namespace {

// Bytes of the UTF-8 sequence starting at text[i] (1 for invalid lead bytes, so malformed input still advances).
size_t sequence_length(std::string_view text, size_t i) {
  auto lead = static_cast<unsigned char>(text[i]);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  size_t end = i + 1;
  while (end < text.size() && end < i + length && knowledge::is_utf8_continuation(text[end])) ++end;
  return end - i;
}

// Code points outside the BMP (4-byte UTF-8) take two UTF-16 units.
size_t units_of(size_t sequence_bytes) {
  return sequence_bytes == 4 ? 2 : 1;
}

}  // namespace

size_t utf16_length(std::string_view utf8) {
  size_t units = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t bytes = sequence_length(utf8, i);
    units += units_of(bytes);
    i += bytes;
  }
  return units;
}

size_t byte_offset_of_utf16(std::string_view utf8, size_t utf16_offset) {
  size_t units = 0;
  size_t i = 0;
  while (i < utf8.size() && units < utf16_offset) {
    size_t bytes = sequence_length(utf8, i);
    units += units_of(bytes);
    i += bytes;
  }
  return i;
}

std::string_view prefix_within_units(std::string_view utf8, size_t max_units) {
  size_t units = 0, i = 0;
  while (i < utf8.size()) {
    size_t bytes = sequence_length(utf8, i);
    if (units + units_of(bytes) > max_units) break;
    units += units_of(bytes);
    i += bytes;
  }
  return utf8.substr(0, i);
}

Utf16Index::Utf16Index(std::string_view utf8) {
  byte_at_.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size();) {
    size_t bytes = sequence_length(utf8, i);
    byte_at_.push_back(i);
    if (units_of(bytes) == 2) byte_at_.push_back(i + bytes);  // the second half of a pair: after the code point
    i += bytes;
  }
  byte_at_.push_back(utf8.size());
}

std::vector<std::string> split_message(std::string_view text, size_t max_units) {
  std::vector<std::string> parts;
  if (max_units == 0) max_units = 1;
  while (!text.empty()) {
    // Walk to the furthest byte that keeps the part within max_units, remembering the last good breaks.
    size_t units = 0, i = 0, last_newline = 0, last_space = 0;
    while (i < text.size()) {
      size_t bytes = sequence_length(text, i);
      if (units + units_of(bytes) > max_units) break;
      units += units_of(bytes);
      if (text[i] == '\n') last_newline = i + 1;
      if (text[i] == ' ') last_space = i + 1;
      i += bytes;
    }
    size_t cut = i;
    if (i < text.size()) {
      if (last_newline > 0) {
        cut = last_newline;
      } else if (last_space > 0) {
        cut = last_space;
      }
    }
    std::string_view part = text.substr(0, cut);
    while (!part.empty() && (part.back() == '\n' || part.back() == ' ')) part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    text.remove_prefix(cut);
    while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
  }
  return parts;
}

std::string truncate_chars(std::string_view text, size_t max_chars) {
  if (max_chars == 0) return {};
  size_t chars = 0, i = 0, keep = 0;
  while (i < text.size()) {
    if (chars == max_chars - 1) keep = i;
    if (chars == max_chars) return std::string(text.substr(0, keep)) + "\xE2\x80\xA6";  // …
    i += sequence_length(text, i);
    ++chars;
  }
  return std::string(text);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace netra::adapters
