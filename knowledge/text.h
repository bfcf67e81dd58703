// Text primitives for Indonesian chat messages: UTF-8 decoding, case and diacritic folding, word splitting with
// byte offsets (FTS5 needs the original offsets for highlight() and snippet()), and Latin-1 conversion for hunspell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/strings.h"  // trim, split: text primitives build on them
#include "knowledge/utf8.h"     // decode_utf8, valid_utf8

namespace netra::knowledge {

// One word of the input: its folded form and where it came from in the original bytes.
struct Word {
  std::string text;  // lowercased, diacritics folded, ASCII only
  size_t start = 0;  // byte offset of the first byte in the original text
  size_t end = 0;    // byte offset one past the last byte
};

// Splits text into words. A word is a run of ASCII letters and digits (accented Latin letters fold into it);
// a hyphen or apostrophe between two word characters stays inside the word ("nge-like", "di-share"), so the
// slang map can see the whole form. Everything else separates words. Invalid UTF-8 bytes are separators.
// Invisible format characters are transparent (they never split a word); full-width letters fold to ASCII;
// a few emoji that stand for a word in chat become that word (❤ → "love", 👍 → "jempol", ✌ → "gestur").
std::vector<Word> split_words(std::string_view text);

// The text a reader works on: invisible and format characters (soft hyphen, zero-width space, joiners,
// direction marks, variation selectors) removed, Unicode spaces and tabs made plain spaces, full-width ASCII made
// ASCII, curly quotes straight, "…" three dots, invalid UTF-8 bytes spaces. Emoji and other text are kept.
std::string clean_chat_text(std::string_view text);

// Lowercases and folds diacritics of a whole string (é → e); characters without a fold are kept as they are.
std::string fold(std::string_view text);

// Converts UTF-8 to ISO-8859-1 for hunspell-id's dictionary. Returns false when a character has no Latin-1 form.
bool utf8_to_latin1(std::string_view utf8, std::string& out /* OUT */);
// Converts ISO-8859-1 (hunspell's output) back to UTF-8.
std::string latin1_to_utf8(std::string_view latin1);

}  // namespace netra::knowledge
