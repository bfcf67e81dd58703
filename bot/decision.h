// The verdict from the reading, not from the rank: for each act the question is about, the most specific rule
// of knowledge/data/rules.txt that fits who does it, to what and under which circumstances. The most severe of
// those verdicts answers the question, and the rules' entries explain it. Where no rule covers an act, or
// readings conflict, the answer is never "boleh".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/reading.h"
#include "knowledge/rules.h"

namespace netra::bot {

struct Decision {
  // none: no rule covers any act of the question; retrieval's best entry answers it (never with "boleh").
  Verdict verdict = Verdict::none;
  std::vector<const knowledge::Rule*> rules;  // the rule that decided each covered act
  std::vector<std::string> entries;           // entries of the rules that gave `verdict`, best first
  bool all_covered = false;  // every act the question is about has a rule
  // The answer depends on something the message leaves open: read for an ASN, the verdict would differ for a
  // citizen (so a chat asks who the writer is), or the subject is a relative whose role the message omits.
  bool depends_on_role = false;
  bool downgraded = false;  // "boleh" lowered to "hati-hati" because not every act or reading was certain
  // Whether an act is punished, answered by its verdict ("PPPK yg jadi timses, kontraknya bisa diputus?"): the
  // entry a sanction rule names for it, whose sanction the answer states. Empty otherwise.
  std::string sanction_entry;
};

class RuleBook {
 public:
  explicit RuleBook(std::vector<knowledge::Rule> rules) : rules_(std::move(rules)) {}

  Decision decide(const Reading& reading) const;

  // The most specific rule for one act by someone of `role`, or nullptr.
  const knowledge::Rule* rule_for(Role role, const ActMention& act, const Reading& reading) const;

  const std::vector<knowledge::Rule>& rules() const { return rules_; }

 private:
  // The verdict for the question's acts if the subject had `role`; fills `decision` when given.
  Verdict verdict_as(Role role, const Reading& reading, Decision* decision) const;

  Decision decide_for_focus(const Reading& reading) const;
  // Whether the writer, bound by neutrality, tells a political deed of their own while asking about someone else.
  bool bound_asker_acts_too(const Reading& reading) const;
  // The most specific rule that applies, among those written for `only` when given, or nullptr.
  const knowledge::Rule* best_rule(Role role, const ActMention& act, const Reading& reading,
                                   std::optional<Election> only) const;
  // A rule written for questions that name nobody (`unknown`), or nullptr.
  const knowledge::Rule* rule_for_nobody(const ActMention& act, const Reading& reading) const;

  std::vector<knowledge::Rule> rules_;
};

}  // namespace netra::bot
