#include "knowledge/text.h"

#include <cstdint>

namespace netra::knowledge {
namespace {

// The ASCII letter a Latin-1 or Latin Extended-A letter folds to, or 0 when it has none.
char fold_latin(int32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
    return static_cast<char>(cp);
  }
  static const char* latin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiii"
      "dnooooo_ouuuuyts"
      "aaaaaaaceeeeiiii"
      "dnooooo_ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    char c = latin1[cp - 0xC0];
    return c == '_' ? 0 : c;
  }
  // Latin Extended-A (U+0100 .. U+017F) comes in upper/lower pairs of the same base letter.
  static const char* extended_a =
      "aaaaaaccccccccdd"
      "ddeeeeeeeeeegggg"
      "gggghhhhiiiiiiii"
      "iiiijjkkklllllll"
      "lllnnnnnnnnnoooo"
      "oooorrrrrrssssss"
      "ssttttttuuuuuuuu"
      "uuuuwwyyyzzzzzzs";
  if (cp >= 0x100 && cp <= 0x17F) return extended_a[cp - 0x100];
  return 0;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Format and invisible characters (Unicode general category Cf and the variation selectors): people paste them
// with text from other apps, and a filter-dodger puts them inside words. They never change what a word says.
bool is_invisible(int32_t cp) {
  return cp == 0xAD || cp == 0x34F || cp == 0x61C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
         cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Unicode spaces other than ASCII (no-break, en/em, thin, ideographic …): plain spaces for the reader.
bool is_unicode_space(int32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0x1680 || cp == 0x2028 || cp == 0x2029;
}

// Full-width ASCII (U+FF01..U+FF5E), as some keyboards type it: the ASCII character, or -1.
int32_t from_full_width(int32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : -1; }

// Emoji that stand for a word in chat ("ngasih ❤️ di storynya" likes the story). Only these become words.
const char* emoji_word(int32_t cp) {
  switch (cp) {
    case 0x2764:   // ❤
    case 0x2665:   // ♥
    case 0x1F60D:  // 😍
    case 0x1F970:  // 🥰
    case 0x1F495:  // 💕
    case 0x1F496:  // 💖
    case 0x1F497:  // 💗
    case 0x1F498:  // 💘
    case 0x1F499:  // 💙
    case 0x1F49A:  // 💚
    case 0x1F49B:  // 💛
    case 0x1F49C:  // 💜
    case 0x1F5A4:  // 🖤
    case 0x1F90D:  // 🤍
    case 0x2763:   // ❣
      return "love";
    case 0x1F44D:  // 👍
      return "jempol";
    case 0x270C:   // ✌
    case 0x261D:   // ☝
      return "gestur";
    default:
      return nullptr;
  }
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  Word current;
  bool in_word = false;
  // A joiner (hyphen, apostrophe) seen inside a word, kept only if a word character follows.
  size_t pending_joiner_start = 0;
  bool pending_joiner = false;

  auto finish = [&](size_t end) {
    if (in_word) {
      current.end = end;
      words.push_back(std::move(current));
      current = Word{};
      in_word = false;
    }
    pending_joiner = false;
  };

  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    int32_t cp = decode_utf8(text, pos, &length);
    if (cp >= 0 && is_invisible(cp)) {  // transparent: "kam" + soft hyphen + "panye" is one word
      pos += length;
      continue;
    }
    if (int32_t ascii = cp < 0 ? -1 : from_full_width(cp); ascii >= 0) cp = ascii;
    if (const char* word = cp < 0 ? nullptr : emoji_word(cp)) {
      finish(pending_joiner ? pending_joiner_start : pos);
      words.push_back({word, pos, pos + length});
      pos += length;
      continue;
    }
    char folded = cp < 0 ? 0 : fold_latin(cp);
    if (folded >= 'A' && folded <= 'Z') folded = static_cast<char>(folded - 'A' + 'a');
    if (is_word_char(folded)) {
      if (!in_word) {
        current.start = pos;
        in_word = true;
      } else if (pending_joiner) {
        current.text += '-';
      }
      pending_joiner = false;
      current.text += folded;
    } else if (in_word && (cp == '-' || cp == '\'' || cp == 0x2019) && !pending_joiner) {
      pending_joiner = true;
      pending_joiner_start = pos;
    } else {
      finish(pending_joiner ? pending_joiner_start : pos);
    }
    pos += length;
  }
  finish(pending_joiner ? pending_joiner_start : pos);
  return words;
}

std::string clean_chat_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    int32_t cp = decode_utf8(text, pos, &length);
    if (cp < 0) {
      out += ' ';  // an invalid byte separates words, as it does for split_words
    } else if (is_invisible(cp)) {
      // dropped
    } else if (is_unicode_space(cp) || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') {
      out += ' ';
    } else if (int32_t ascii = from_full_width(cp); ascii >= 0) {
      out += static_cast<char>(ascii);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) {
      out += '\'';
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201F || cp == 0x2033) {
      out += '"';
    } else if (cp == 0x2026) {
      out += "...";
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    int32_t cp = decode_utf8(text, pos, &length);
    char folded = cp < 0 ? 0 : fold_latin(cp);
    if (folded != 0 && cp < 0x180) {
      out += folded;
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

bool utf8_to_latin1(std::string_view utf8, std::string& out) {
  out.clear();
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t length = 0;
    int32_t cp = decode_utf8(utf8, pos, &length);
    if (cp < 0 || cp > 0xFF) return false;
    out += static_cast<char>(cp);
    pos += length;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view latin1) {
  std::string out;
  for (char c : latin1) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (byte >> 6));
      out += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return out;
}

}  // namespace netra::knowledge
