// UTF-8 at the byte level, one implementation for every layer: decoding a code point strictly, validity,
// counting code points and cutting a text without splitting a sequence. Character classes and folding are
// knowledge/text.h's; UTF-16 lengths (Telegram's unit) are adapters/text_limits.h's, built on these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace netra::knowledge {

// True for the bytes 10xxxxxx that continue a multi-byte sequence.
constexpr bool is_utf8_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Decodes one UTF-8 sequence at text[pos] (pos < text.size()). Returns the code point, or -1 for an invalid
// sequence (truncated, overlong, a surrogate, beyond U+10FFFF); *length is how many bytes were consumed (at least
// 1, so callers always advance).
int32_t decode_utf8(std::string_view text, size_t pos, size_t* length /* OUT */);

// True when the whole string is valid UTF-8.
bool valid_utf8(std::string_view text);

// How many characters a user sees counted: the bytes that start a sequence (an invalid byte counts as one).
size_t utf8_length(std::string_view text);

// The largest offset at or before `offset` that does not fall inside a sequence (text.size() at most), so that
// text.substr(0, result) never ends in half a character.
size_t utf8_boundary_before(std::string_view text, size_t offset);

}  // namespace netra::knowledge
