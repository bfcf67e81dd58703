// The verdict rules (knowledge/data/rules.txt): who does which act to what, under which circumstances, and what
// the law says of it — the verdict, and the curated entries that explain it. The bot reads a message into a
// reading and asks the rule book for each act; retrieval then finds the explanation among the rule's entries.
//
// File format, one rule a line (`#` comments):
//   WHO ACT TARGET [+MODIFIER …] [@ELECTION] [?FOCUS] => VERDICT ENTRY [ENTRY …]
// WHO is a role (knowledge/vocabulary.h) or a group: `asn*` (asn, pppk), `village` (kades, perangkat), `bound`
// (everyone the neutrality rules bind: asn, pppk, kades, perangkat, bpd, election_staff, tni_polri, bumn_staff),
// `free`
// (citizen, honorer, retired), `public` (free and candidate), `any`. `unknown` is a question that names nobody
// who acts; without a rule for it, such a question is read as an ASN's (Netra's first audience). TARGET is a target, `neutral` (government
// or election_body) or `any`. A rule with modifiers applies only when the reading has all of them; @pemilu or
// @pilkada only to a message about that election. ?sanction (?procedure, ?deadline, ?definition) makes the rule
// answer a question asking for that fact about the act, instead of whether it is allowed (usually with info;
// "kena pidana gk?" still wants the verdict the sanction follows from).
// VERDICT is dilarang, boleh, hati-hati or info. Every ENTRY must
// be a curated `== qa` id whose verdict is the rule's verdict (checked by `netra index`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "knowledge/corpus.h"
#include "knowledge/problem.h"
#include "knowledge/vocabulary.h"

namespace netra::knowledge {

// Who a rule is about: one role, or one of the groups above.
struct RoleSet {
  std::vector<Role> roles;  // empty: any role
  int specificity = 0;      // 4 unknown, 3 one role, 2 asn*/village, 1 bound/free/public, 0 any
  bool contains(Role role) const;
};

// What an act must be directed at for a rule to apply.
struct TargetSet {
  std::vector<Target> targets;  // empty: any target
  int specificity = 0;          // 2 one target, 1 neutral, 0 any
  bool contains(Target target) const;
};

struct Rule {
  RoleSet who;
  Act act = Act::like;
  std::vector<Act> act_group;  // `campaign*`: any of these acts (then `act` is unused)
  TargetSet target;
  std::vector<Modifier> modifiers;  // all required
  Election election = Election::unnamed;  // unnamed: either
  QuestionFocus focus = QuestionFocus::verdict;  // what the question asks for
  Verdict verdict = Verdict::hati_hati;
  std::vector<std::string> entries;  // qa ids, best first
  int line = 0;

  // How specific the rule is: the most specific rule that applies wins.
  int specificity() const;
  bool covers(Act done) const;
};

// Parses rules.txt. Malformed lines are reported as problems (file "rules.txt") and skipped.
std::vector<Rule> parse_rules(std::string_view text, std::vector<Problem>& problems /* OUT: appended */);

// Checks the rules against the corpus: every entry exists, is curated Q&A and has the rule's verdict, so the
// explanation a rule picks never contradicts the verdict it gives.
void validate_rules(const std::vector<Rule>& rules, const Corpus& corpus, std::vector<Problem>& problems /* OUT */);

}  // namespace netra::knowledge
