// Intent rules: what a message wants before any retrieval. Status checks carry a receipt code; reports start with
// a report cue and read as an account rather than a question; greetings and help requests are made only of their
// cue words. A request for a candidate recommendation is out of scope (Netra recommends no one). Everything else
// is a question, which the answerer may later find out of scope.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/answer.h"
#include "bot/audience.h"
#include "knowledge/analyzer.h"

namespace netra::bot {

// Which election a message is about, when it names only one of them.
enum class Election { unnamed, pilkada, pemilu };

struct IntentReading {
  Intent intent = Intent::question;
  std::string receipt_code;  // NTR-XXXX-XXXX when the message names one
};

// Finds a receipt code (NTR-XXXX-XXXX, any case, dashes or spaces optional) and returns it normalised to upper
// case with dashes, or nullopt.
std::optional<std::string> find_receipt_code(const std::string& text);

class IntentClassifier {
 public:
  explicit IntentClassifier(const knowledge::Analyzer& analyzer);
  IntentReading classify(const std::string& text, const std::vector<knowledge::Term>& words) const;
  // True when the words ask something (a question mark or a question cue).
  bool asks(const std::string& text, const std::vector<knowledge::Term>& words) const;
  // True when the message asks for a fact — a sanction, a procedure, a legal basis — rather than a yes or no.
  bool asks_for_info(const std::vector<knowledge::Term>& words) const;
  // True when the message asks whether something is allowed ("boleh", "melanggar", "aman") and not for a fact:
  // it wants a verdict, so a factual entry (a sanction list, a definition) is the weaker answer.
  bool asks_for_verdict(const std::vector<knowledge::Term>& words) const;
  // True when the message asks Netra whom to vote for or which candidate is good (choice cues), asks neither
  // whether something is allowed nor for a fact, and names no official: Netra recommends no one. "PNS bebas milih
  // siapa aja kan?" names one and asks about that official's right to vote.
  bool asks_for_a_choice(const std::vector<knowledge::Term>& words) const;
  // When the message carries a report cue ("ngelaporin", "ngadu") while asking something, it asks about reporting
  // ("caranya gmn?", "ke mana?") rather than filing a report: returns the stems of its one-word report cues
  // ("lapor"), empty otherwise.
  std::vector<std::string> reporting_terms(const std::string& text, const std::vector<knowledge::Term>& words) const;
  // The election the message names: Pilkada cues only, Pemilu cues only, or neither or both (unnamed).
  Election election_named(const std::vector<knowledge::Term>& words) const;

 private:
  bool has_cue(const std::vector<std::vector<std::string>>& cues, const std::vector<knowledge::Term>& words) const;
  bool starts_with_cue(const std::vector<std::vector<std::string>>& cues,
                       const std::vector<knowledge::Term>& words) const;
  bool only_cue_words(const std::vector<std::vector<std::string>>& cues,
                      const std::vector<knowledge::Term>& words) const;
  // True when a message with a help cue is short enough to be only a help request: a few content words at
  // most, greetings and fillers aside.
  bool short_enough_for_help(const std::vector<knowledge::Term>& words) const;

  // The words with each one stemmed: "pelaporan" and "melapor" both read as the cue "lapor".
  std::vector<knowledge::Term> stemmed(const std::vector<knowledge::Term>& words) const;
  std::vector<std::string> stemmed(const std::vector<std::string>& words) const;

  const knowledge::Analyzer& analyzer_;
  AudienceDetector roles_;
  std::vector<std::vector<std::string>> greeting_, help_, report_, status_, question_;
  // Report and info cues are matched on stems, so every derived form of a cue word counts.
  std::vector<std::vector<std::string>> report_stems_, info_stems_, verdict_stems_, choice_stems_, pilkada_stems_,
      pemilu_stems_;
};

}  // namespace netra::bot
