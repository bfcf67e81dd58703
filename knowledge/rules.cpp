#include "knowledge/rules.h"

#include <algorithm>
#include <map>

#include "knowledge/strings.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

constexpr const char* kFile = "rules.txt";

bool parse_who(const std::string& word, RoleSet& who /* OUT */) {
  if (word == "any") {
    who = {{}, 0};
  } else if (word == "asn*") {
    who = {{Role::asn, Role::pppk}, 2};
  } else if (word == "village") {
    who = {{Role::kades, Role::perangkat}, 2};
  } else if (word == "bound") {
    who = {bound_roles(), 1};
  } else if (word == "free") {
    who = {{Role::citizen, Role::honorer, Role::retired}, 1};
  } else if (word == "public") {
    who = {{Role::citizen, Role::honorer, Role::retired, Role::candidate}, 1};
  } else if (auto role = parse_role(word)) {
    // `unknown`: a question that names nobody ("kampanye di kampus boleh gk?"), read as such rather than as an
    // ASN's; a rule for it beats every other.
    who = {{*role}, *role == Role::unknown ? 4 : 3};
  } else {
    return false;
  }
  return true;
}

bool parse_target_set(const std::string& word, TargetSet& target /* OUT */) {
  if (word == "any") {
    target = {{}, 0};
  } else if (word == "neutral") {
    target = {{Target::government, Target::election_body}, 1};
  } else if (auto one = parse_target(word)) {
    target = {{*one}, 2};
  } else {
    return false;
  }
  return true;
}

// Acts of campaigning for someone, online or in person: what the election laws ban for those they bind (UU 7/2017
// 280, 494; UU 10/2016 70; PP 94/2021 5 n; UU 6/2014 29 j). Not party office, decisions, budgets or facilities,
// which other laws ban whatever the election.
std::vector<Act> campaign_acts() {
  return {Act::like,          Act::comment,       Act::share,          Act::post,
          Act::follow,        Act::join_group,    Act::admin_group,    Act::make_content,
          Act::attend_campaign, Act::attend_declaration, Act::speak,   Act::organise,
          Act::join_team,     Act::pose_gesture,  Act::photo_with_candidate, Act::wear_attributes,
          Act::install_props, Act::invite_to_vote, Act::host_candidate, Act::accompany_candidate};
}

// Parses the left side `WHO ACT TARGET [+MOD …] [@ELECTION]`; returns the problem, or empty.
std::string parse_condition(const std::vector<std::string>& words, Rule& rule /* OUT */) {
  if (words.size() < 3) return "expected `WHO ACT TARGET` before `=>`";
  if (!parse_who(words[0], rule.who)) return "unknown role or group `" + words[0] + "`";
  if (words[1] == "campaign*") {
    rule.act_group = campaign_acts();
  } else {
    auto act = parse_act(words[1]);
    if (!act) return "unknown act `" + words[1] + "` (or the group `campaign*`)";
    rule.act = *act;
  }
  if (!parse_target_set(words[2], rule.target)) return "unknown target `" + words[2] + "`";
  for (size_t i = 3; i < words.size(); ++i) {
    const auto& word = words[i];
    if (word.size() > 1 && word.front() == '+') {
      auto modifier = parse_modifier(std::string_view(word).substr(1));
      if (!modifier) return "unknown modifier `" + word + "`";
      rule.modifiers.push_back(*modifier);
    } else if (word == "@pemilu") {
      rule.election = Election::pemilu;
    } else if (word == "@pilkada") {
      rule.election = Election::pilkada;
    } else if (word == "@pilkades") {
      rule.election = Election::pilkades;
    } else if (word.size() > 1 && word.front() == '?') {
      auto focus = parse_question_focus(std::string_view(word).substr(1));
      if (!focus) return "unknown question focus `" + word + "`";
      rule.focus = *focus;
    } else {
      return "unexpected `" + word + "` (modifiers start with +, elections with @, a question's focus with ?)";
    }
  }
  return "";
}

}  // namespace

bool RoleSet::contains(Role role) const {
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool TargetSet::contains(Target target) const {
  return targets.empty() || std::find(targets.begin(), targets.end(), target) != targets.end();
}

bool Rule::covers(Act done) const {
  return act_group.empty() ? act == done : std::find(act_group.begin(), act_group.end(), done) != act_group.end();
}

int Rule::specificity() const {
  // Who counts most (a rule for kades beats one for everyone bound), then the target, then each circumstance.
  return who.specificity * 100 + target.specificity * 10 + static_cast<int>(modifiers.size()) * 5 +
         (election == Election::unnamed ? 0 : 2);
}

std::vector<Rule> parse_rules(std::string_view text, std::vector<Problem>& problems) {
  std::vector<Rule> rules;
  for_each_line(text, [&](int number, std::string_view content) {
    auto arrow = content.find("=>");
    if (arrow == std::string_view::npos) {
      problems.push_back({kFile, number, "expected `WHO ACT TARGET … => VERDICT ENTRY …`"});
      return;
    }
    Rule rule;
    rule.line = number;
    if (auto problem = parse_condition(split_spaces(content.substr(0, arrow)), rule); !problem.empty()) {
      problems.push_back({kFile, number, problem});
      return;
    }
    auto outcome = split_spaces(content.substr(arrow + 2));
    if (outcome.size() < 2) {
      problems.push_back({kFile, number, "expected a verdict and at least one entry after `=>`"});
      return;
    }
    auto verdict = parse_verdict(outcome[0]);
    if (!verdict || *verdict == Verdict::none) {
      problems.push_back({kFile, number, "unknown verdict `" + outcome[0] + "`"});
      return;
    }
    rule.verdict = *verdict;
    rule.entries.assign(outcome.begin() + 1, outcome.end());
    rules.push_back(std::move(rule));
  });
  return rules;
}

void validate_rules(const std::vector<Rule>& rules, const Corpus& corpus, std::vector<Problem>& problems) {
  std::map<std::string, const Entry*> curated;
  for (const auto& entry : corpus.entries) {
    if (entry.kind == EntryKind::qa) curated[entry.id] = &entry;
  }
  // Two rules with the same condition would make the answer depend on the file's order.
  std::map<std::string, int> conditions;
  for (const auto& rule : rules) {
    for (const auto& id : rule.entries) {
      auto found = curated.find(id);
      if (found == curated.end()) {
        problems.push_back({kFile, rule.line, "no curated entry `" + id + "`"});
      } else if (found->second->verdict != to_string(rule.verdict)) {
        problems.push_back({kFile, rule.line,
                            "entry `" + id + "` says " + found->second->verdict + ", the rule says " +
                                std::string(to_string(rule.verdict))});
      }
    }
    std::string key;
    for (Role role : rule.who.roles) key += std::string(to_string(role)) + ",";
    key += "|" + (rule.act_group.empty() ? std::string(to_string(rule.act)) : std::string("campaign*")) + "|";
    for (Target target : rule.target.targets) key += std::string(to_string(target)) + ",";
    auto modifiers = rule.modifiers;
    std::sort(modifiers.begin(), modifiers.end());
    for (Modifier modifier : modifiers) key += "+" + std::string(to_string(modifier));
    key += "@" + std::string(to_string(rule.election)) + "?" + std::string(to_string(rule.focus));
    auto [previous, inserted] = conditions.emplace(key, rule.line);
    if (!inserted) {
      problems.push_back({kFile, rule.line, "same condition as line " + std::to_string(previous->second)});
    }
  }
}

}  // namespace netra::knowledge
