// The reader: turns one raw message into a Reading (bot/reading.h), once, with the cue phrases of
// knowledge/data/*.txt. Pipeline: clean (invisible characters, spaces, full-width letters) → words through the
// chat-language map → sentences and clauses → cue phrases (message kind, people, roles, acts, targets,
// modifiers) → who does what to what → the question's subject → the speech act.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/phrase_matcher.h"
#include "bot/reading.h"
#include "bot/receipt_code.h"
#include "knowledge/analyzer.h"

namespace netra::bot {

class Reader {
 public:
  explicit Reader(const knowledge::Analyzer& analyzer);

  // Reads a message. `asker_role` is the writer's role when the caller knows it (--role, the API, a choice made
  // earlier in the chat); it wins over what the text says of the writer. Never throws for any text.
  Reading read(std::string_view message, std::optional<Role> asker_role = std::nullopt) const;

  // The role a short free-text answer names ("sy kades", "guru PNS"), for the report flow's "who" step.
  std::optional<Role> role_named(std::string_view text) const;

  const knowledge::Analyzer& analyzer() const { return analyzer_; }

 private:
  // Cue matches of one message, by data file.
  struct Cues {
    std::vector<PhraseMatch> message, roles, people, acts, targets, modifiers, negations;
  };

  // reader.cpp: words, sentences, clauses, terms.
  void tokenize(Reading& reading) const;
  Cues find_cues(const Reading& reading) const;
  // reader_people.cpp: people and acts, targets, the subject.
  void read_people_and_acts(Reading& reading, const Cues& cues) const;
  // reader_speech.cpp: the speech act, the focus of a question, the election, the account to report.
  void read_speech_act(Reading& reading, const Cues& cues) const;

  const knowledge::Analyzer& analyzer_;
  // The words of every cue phrase below, numbered once (declared first: the matchers number into it).
  CueWords cue_words_;
  PhraseMatcher message_cues_, role_cues_, person_cues_, act_cues_, target_cues_, modifier_cues_;
  // Negations on their own: "tidak" inside a longer modifier phrase ("tidak disebar") still negates.
  PhraseMatcher negation_cues_;
};

}  // namespace netra::bot
