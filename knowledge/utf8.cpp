#include "knowledge/utf8.h"

namespace netra::knowledge {

int32_t decode_utf8(std::string_view text, size_t pos, size_t* length) {
  auto byte = static_cast<unsigned char>(text[pos]);
  *length = 1;
  if (byte < 0x80) return byte;
  int extra = 0;
  int32_t cp = 0;
  if ((byte & 0xE0) == 0xC0) {
    extra = 1;
    cp = byte & 0x1F;
  } else if ((byte & 0xF0) == 0xE0) {
    extra = 2;
    cp = byte & 0x0F;
  } else if ((byte & 0xF8) == 0xF0) {
    extra = 3;
    cp = byte & 0x07;
  } else {
    return -1;
  }
  if (pos + static_cast<size_t>(extra) >= text.size()) return -1;
  for (int i = 1; i <= extra; ++i) {
    auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (next & 0x3F);
  }
  // Reject overlong forms and surrogates: they are how filters get bypassed.
  if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return -1;
  }
  *length = static_cast<size_t>(extra) + 1;
  return cp;
}

bool valid_utf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    if (decode_utf8(text, pos, &length) < 0) return false;
    pos += length;
  }
  return true;
}

size_t utf8_length(std::string_view text) {
  size_t characters = 0;
  for (char byte : text) characters += is_utf8_continuation(byte) ? 0 : 1;
  return characters;
}

size_t utf8_boundary_before(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  while (offset > 0 && is_utf8_continuation(text[offset])) --offset;
  return offset;
}

}  // namespace netra::knowledge
