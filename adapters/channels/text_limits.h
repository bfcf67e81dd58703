// Text helpers the platforms' limits call for: lengths as the platforms count them, splitting long replies at
// line or word boundaries, UTF-8-safe truncation of button titles, and Telegram's HTML escaping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace netra::adapters {

// Length in UTF-16 code units, which is how Telegram counts (message length, entity offsets). It is never less
// than the number of code points, so a text that fits in UTF-16 units also fits WhatsApp's character limit.
size_t utf16_length(std::string_view utf8);

// The byte offset in utf8 of the given UTF-16 unit offset (clamped to the text's size). Telegram entity
// offsets are UTF-16 units.
size_t byte_offset_of_utf16(std::string_view utf8, size_t utf16_offset);

// The longest prefix of utf8 with at most max_units UTF-16 units, never cutting a code point. Reads no further
// than the cut, so its cost is bounded by max_units whatever the size of the text.
std::string_view prefix_within_units(std::string_view utf8, size_t max_units);

// The byte offset of every UTF-16 unit offset of one text, found in a single pass, so that many offsets (a
// Telegram message's entities) cost O(1) each instead of a scan from the start each. An offset inside a code point
// maps to the next code point; one past the end to the text's size (as byte_offset_of_utf16).
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view utf8);
  size_t units() const { return byte_at_.size() - 1; }
  size_t byte_offset(size_t utf16_offset) const {
    return utf16_offset < byte_at_.size() ? byte_at_[utf16_offset] : byte_at_.back();
  }

 private:
  std::vector<size_t> byte_at_;  // by unit offset, units() + 1 entries
};

// Splits text into parts of at most max_units UTF-16 units each, preferring to break after a newline, then
// after a space, and only then inside a word (never inside a UTF-8 sequence). Whitespace at a break is dropped.
// An empty text gives no parts.
std::vector<std::string> split_message(std::string_view text, size_t max_units);

// The first max_chars code points of text, with "…" as the last one when something was cut.
std::string truncate_chars(std::string_view text, size_t max_chars);

// Escapes <, > and & as entities for Telegram's parse_mode HTML.
std::string escape_html(std::string_view text);

}  // namespace netra::adapters
