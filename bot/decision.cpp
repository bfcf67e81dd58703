#include "bot/decision.h"

#include <algorithm>

namespace netra::bot {

const knowledge::Rule* RuleBook::rule_for(Role role, const ActMention& act, const Reading& reading) const {
  // A village head election is outside the Pemilu and Pilkada laws the other rules come from: a rule written for
  // it, where one applies, settles it whatever they say.
  if (reading.election == Election::pilkades) {
    if (const auto* rule = best_rule(role, act, reading, Election::pilkades)) return rule;
  }
  return best_rule(role, act, reading, std::nullopt);
}

const knowledge::Rule* RuleBook::best_rule(Role role, const ActMention& act, const Reading& reading,
                                           std::optional<Election> only) const {
  const knowledge::Rule* best = nullptr;
  for (const auto& rule : rules_) {
    if (!rule.covers(act.act) || rule.focus != reading.focus || !rule.who.contains(role) ||
        !rule.target.contains(act.target)) {
      continue;
    }
    if (only && rule.election != *only) continue;
    if (rule.election != Election::unnamed && rule.election != reading.election) continue;
    bool circumstances = std::all_of(rule.modifiers.begin(), rule.modifiers.end(),
                                     [&](Modifier modifier) { return reading.has(modifier); });
    if (!circumstances) continue;
    // Among equally specific rules the more severe one holds: when in doubt, the safer answer.
    if (!best || rule.specificity() > best->specificity() ||
        (rule.specificity() == best->specificity() && severity(rule.verdict) > severity(best->verdict))) {
      best = &rule;
    }
  }
  return best;
}

const knowledge::Rule* RuleBook::rule_for_nobody(const ActMention& act, const Reading& reading) const {
  const knowledge::Rule* rule = rule_for(Role::unknown, act, reading);
  // Only a rule written for `unknown` itself: `any` rules are found again with the assumed role.
  return rule && rule->who.roles.size() == 1 && rule->who.roles.front() == Role::unknown ? rule : nullptr;
}

Verdict RuleBook::verdict_as(Role subject_role, const Reading& reading, Decision* decision) const {
  Verdict verdict = Verdict::none;
  bool all_covered = !reading.asked_acts.empty();
  std::vector<const knowledge::Rule*> rules;
  auto judge = [&](const ActMention& act, Role role) {
    const knowledge::Rule* rule = nullptr;
    // A question naming nobody: a rule written for such questions first, else the reading for `role`.
    if (act.person == reading.subject && reading.role_assumed && !reading.people[0].mentioned) {
      rule = rule_for_nobody(act, reading);
    }
    if (!rule) rule = rule_for(role, act, reading);
    if (!rule) {
      // An act no rule covers matters when it is done for a candidate, or by someone the neutrality rules bind (a
      // kades handing out aid while saying "jgn lupa coblos no 1"); a citizen's act aimed at nothing partisan
      // ("pake baju biasa ke TPS") leaves the rest of the question's answer standing.
      if (act.toward_candidacy() || knowledge::is_bound(role)) {
        all_covered = false;
      }
      return;
    }
    rules.push_back(rule);
    // The most severe verdict answers; a fact (info: "resign first") answers only when no act has a verdict.
    if (verdict == Verdict::none || verdict == Verdict::info || severity(rule->verdict) > severity(verdict)) {
      if (rule->verdict != Verdict::info || verdict == Verdict::none) verdict = rule->verdict;
    }
  };
  for (size_t index : reading.asked_acts) {
    if (reading.acts[index].person == reading.subject) judge(reading.acts[index], subject_role);
  }
  // What the subject invites or orders someone else to do ("ngajak murid SD ikut kampanye") is judged for that
  // person's role, and only where it makes a fully read, allowed-so-far answer stricter: a sanction or a procedure
  // asked for is the subject's own, and a question the rules do not cover is not answered by the others' acts.
  if (all_covered && verdict != Verdict::dilarang && reading.focus == QuestionFocus::verdict) {
    for (size_t index : reading.asked_acts) {
      const ActMention& act = reading.acts[index];
      if (act.person != reading.subject) judge(act, reading.people[act.person].role);
    }
  }
  if (decision) {
    decision->rules = rules;
    decision->all_covered = all_covered;
    for (const auto* rule : rules) {
      if (rule->verdict != verdict) continue;
      for (const auto& entry : rule->entries) {
        if (std::find(decision->entries.begin(), decision->entries.end(), entry) == decision->entries.end()) {
          decision->entries.push_back(entry);
        }
      }
    }
  }
  return verdict;
}

Decision RuleBook::decide(const Reading& reading) const {
  // The act's verdict answers a sanction question when it asks whether the act is punished at all ("kades bagi
  // sembako pas masa tenang, pidana gk?", Reading::sanction_asks_whether_punished), or when no sanction rule binds
  // the act and it is allowed ("pensiunan PNS yg like postingan capres sanksinya apa?"). Decided once, and only
  // where it may answer. The article asked of a deed ("kades bagi amplop pas masa tenang, pasalnya apa?") is the
  // verdict's, whose answer names the articles; a rule written for the question, where there is one, answers.
  Decision decision = reading.sanction_asks_whether_punished ? Decision{} : decide_for_focus(reading);
  bool unanswered = decision.verdict == Verdict::none;
  bool article_asked = reading.focus == QuestionFocus::definition && unanswered;
  bool verdict_may_answer = reading.sanction_asks_whether_punished || article_asked ||
                            (reading.focus == QuestionFocus::sanction && unanswered);
  if (!verdict_may_answer) return decision;
  Reading as_verdict = reading;
  as_verdict.focus = QuestionFocus::verdict;
  Decision whether = decide_for_focus(as_verdict);
  if (article_asked) return whether;
  if (!reading.sanction_asks_whether_punished) return whether.verdict == Verdict::boleh ? whether : decision;
  Decision sanction = decide_for_focus(reading);  // not decided above: this path skipped it
  if (whether.verdict == Verdict::none || whether.verdict == Verdict::info) {
    // No sanction rule for a fact ("nama sy dicatut di SK timses, bisa kena sanksi?"): the fact answers.
    return sanction.verdict == Verdict::none ? whether : sanction;
  }
  // The answer's sanction line says how it is punished; an allowed act has no sanction to state.
  if (whether.verdict != Verdict::boleh && !sanction.entries.empty()) whether.sanction_entry = sanction.entries.front();
  return whether;
}

// "sy kades, bupati petahana mau datang resmikan jalan … kalau ada warga bawa spanduk paslon gmn?": what someone
// else may do is asked, but the writer, bound by neutrality, tells a deed of their own toward a candidate or an
// incumbent in the same story; the question may be theirs, so the other's "boleh" is no answer to give alone. A
// deed of the writer's a rule allows for their role ("sy udh nyoblos paslon 2") raises no such doubt.
bool RuleBook::bound_asker_acts_too(const Reading& reading) const {
  const Person& asker = reading.people.front();
  if (reading.subject == 0 || reading.role_assumed || !knowledge::is_bound(asker.role)) return false;
  return std::any_of(reading.acts.begin(), reading.acts.end(), [&](const ActMention& act) {
    if (act.person != 0 || act.negated || !act.toward_candidacy() || act.act == Act::report) return false;
    const knowledge::Rule* rule = rule_for(asker.role, act, reading);
    return !rule || rule->verdict != Verdict::boleh;
  });
}

Decision RuleBook::decide_for_focus(const Reading& reading) const {
  Decision decision;
  const Person& subject = reading.subject_person();
  Role role = subject.role;
  // "adik saya mau nyaleg … adiknya sendiri boleh kampanye?": one who runs, and holds no office the message
  // names, is judged as the candidate they are.
  if (role == Role::unknown && subject.kind != Person::Kind::asker && subject.runs_for_office) role = Role::candidate;
  bool unknown_relative = role == Role::unknown && subject.kind != Person::Kind::asker;
  if (role == Role::unknown) role = unknown_relative ? Role::citizen : Role::asn;
  decision.verdict = verdict_as(role, reading, &decision);
  if (decision.verdict == Verdict::none) return decision;

  if (reading.role_assumed) {
    // Nobody's role is known. Where the answer is the same for a citizen ("amplop", voting), the general rule's
    // entries explain it better than the ASN ones; where it differs, the ASN reading stands and the chat asks.
    Decision as_citizen;
    Verdict citizen_verdict = verdict_as(Role::citizen, reading, &as_citizen);
    as_citizen.verdict = citizen_verdict;
    decision.depends_on_role = citizen_verdict != decision.verdict;
    if (!decision.depends_on_role && as_citizen.all_covered) decision = as_citizen;
  }
  if (unknown_relative) {
    // "suami sy mau jd timses": free as a citizen, bound if he is an ASN or a kades — it depends on him.
    decision.depends_on_role = verdict_as(Role::asn, reading, nullptr) != decision.verdict;
  }
  if (decision.verdict == Verdict::boleh && (!decision.all_covered || (unknown_relative && decision.depends_on_role) ||
                                              bound_asker_acts_too(reading))) {
    decision.verdict = Verdict::hati_hati;
    decision.downgraded = true;
  }
  return decision;
}

}  // namespace netra::bot
