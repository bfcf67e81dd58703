// Private to the reader's translation units (reader.cpp, reader_people*.cpp, reader_speech*.cpp): how person cues
// are numbered for the phrase matcher, a word-shape test, and what reader_subject_context.cpp adds to a reading.
#pragma once

#include <string>
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

// "ditempelin", "dipakai", "dicantumin": "di" before a stem of its own (not "dinas", "diri").
inline bool is_passive_form(const Token& token) {
  return token.word.rfind("di", 0) == 0 && token.stem != token.word && token.word.size() > token.stem.size() + 1;
}

}  // namespace netra::bot
