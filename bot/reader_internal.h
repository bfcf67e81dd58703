// Private to the reader's translation units (reader.cpp, reader_people*.cpp, reader_speech*.cpp): how person cues
// are numbered for the phrase matcher, word-shape tests, and what reader_subject_context.cpp adds to a reading.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "bot/phrase_matcher.h"
#include "bot/reading.h"
#include "knowledge/lexicon.h"

namespace netra::bot {

// Person cues as matcher labels: a relation is its enum value; the other kinds sit above every relation.
inline constexpr int kSelfLabel = 1000;
inline constexpr int kThirdPersonLabel = 1001;
inline constexpr int kVocativeLabel = 1002;

inline std::vector<knowledge::Cue<int>> encode_person_cues(const std::vector<knowledge::Cue<knowledge::PersonCue>>& cues) {
  std::vector<knowledge::Cue<int>> out;
  for (const auto& cue : cues) {
    int label = static_cast<int>(cue.label.relation);
    if (cue.label.kind == knowledge::PersonCue::Kind::self) label = kSelfLabel;
    if (cue.label.kind == knowledge::PersonCue::Kind::third_person) label = kThirdPersonLabel;
    if (cue.label.kind == knowledge::PersonCue::Kind::vocative) label = kVocativeLabel;
    out.push_back({label, cue.phrase});
  }
  return out;
}

// The subject is free but shares a household with someone bound (Modifier::household_bound;
// reader_subject_context.cpp).
bool household_bound(const Reading& reading);
// Adds to reading.asked_acts the subject's deeds told before a withdrawal asked about ("ke-like … langsung sy
// unlike. kena ga?"), unless the withdrawal is only intended ("mau sy hapus").
void add_deeds_withdrawn_by_an_asked_withdrawal(Reading& reading, const knowledge::Lexicon& lexicon);

// An emoji read as a word ("👍" → "jempol"): the token's text in the message holds no letter or digit (full-width
// letters, U+FF00 block, are letters).
inline bool written_as_emoji(const std::string& text, const Token& token) {
  std::string_view source(text);
  if (token.end > source.size() || token.start >= token.end) return false;
  source = source.substr(token.start, token.end - token.start);
  bool alphanumeric = std::any_of(source.begin(), source.end(), [](unsigned char c) { return std::isalnum(c); });
  bool full_width = source.size() >= 2 && static_cast<unsigned char>(source[0]) == 0xEF &&
                    (static_cast<unsigned char>(source[1]) == 0xBC || static_cast<unsigned char>(source[1]) == 0xBD);
  return !alphanumeric && !full_width;
}

// "ditempelin", "dipakai", "dicantumin": "di" before a stem of its own (not "dinas", "diri").
inline bool is_passive_form(const Token& token) {
  return token.word.rfind("di", 0) == 0 && token.stem != token.word && token.word.size() > token.stem.size() + 1;
}

}  // namespace netra::bot
