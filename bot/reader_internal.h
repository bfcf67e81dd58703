// Private to the reader's translation units (reader.cpp, reader_people.cpp, reader_speech.cpp): how person cues
// are numbered for the phrase matcher, and small word classes the reader's grammar needs.
#pragma once

#include <string>
#include <vector>

#include "bot/phrase_matcher.h"
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

}  // namespace netra::bot
