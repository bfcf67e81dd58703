// What the subject's situation adds to a reading once the subject is chosen (PeopleReader::finish_subject): a
// household shared with someone bound, and deeds a withdrawal asked about does not undo.
#include <algorithm>

#include "bot/reader_internal.h"

namespace netra::bot {

namespace {

bool is_household_member(const Person& person) {
  if (person.kind == Person::Kind::asker) return true;
  if (person.kind != Person::Kind::relation || person.someone_elses || !person.relation) return false;
  return *person.relation == Relation::spouse || *person.relation == Relation::parent ||
         *person.relation == Relation::child;
}

// Whether an intention word ("mau", "akan", "ingin") stands within two words before the act, in its clause.
bool intended(const Reading& reading, const knowledge::Lexicon& lexicon, const ActMention& act) {
  const auto& tokens = reading.tokens;
  for (size_t t = act.first_token; t-- > 0 && act.first_token - t <= 2;) {
    if (tokens[t].clause != tokens[act.first_token].clause) return false;
    if (lexicon.in(knowledge::WordClass::pending_marker, tokens[t].word)) return true;
  }
  return false;
}

}  // namespace

// "istri sy PNS, sy wiraswasta, sy mau pasang baliho di pagar rumah kami": the subject is free, but someone the
// home is shared with is bound, and what the home shows is read as that person's too (SKB 2022 lampiran II lists
// banners and props among ASN breaches).
bool household_bound(const Reading& reading) {
  const Person& subject = reading.people[reading.subject];
  if (!is_household_member(subject) || is_bound(subject.role) || subject.role == Role::unknown) return false;
  return std::any_of(reading.people.begin(), reading.people.end(), [&](const Person& person) {
    return &person != &subject && is_household_member(person) && is_bound(person.role);
  });
}

// "kmrn ga sengaja ke-like postingan caleg, langsung sy unlike. kena ga?": withdrawing does not undo what was
// done before it; asked about the withdrawal, the question is whether the deed still counts, so the subject's
// earlier deeds are asked too. The withdrawal itself stays asked (and allowed).
void add_deeds_withdrawn_by_an_asked_withdrawal(Reading& reading, const knowledge::Lexicon& lexicon) {
  auto& asked = reading.asked_acts;
  std::vector<size_t> deeds;
  for (size_t index : asked) {
    const ActMention& withdrawal = reading.acts[index];
    if (withdrawal.act != Act::withdraw || withdrawal.negated || withdrawal.person != reading.subject) continue;
    // "dulu pernah posting foto caleg, skrg mau sy hapus, boleh?": a withdrawal still intended asks whether to
    // make it, not whether what it undoes still counts.
    if (intended(reading, lexicon, withdrawal)) continue;
    for (size_t i = 0; i < reading.acts.size(); ++i) {
      const ActMention& deed = reading.acts[i];
      bool earlier = deed.person == reading.subject && !deed.negated && deed.act != Act::withdraw &&
                     deed.last_token < withdrawal.first_token;
      if (earlier && std::find(asked.begin(), asked.end(), i) == asked.end() &&
          std::find(deeds.begin(), deeds.end(), i) == deeds.end()) {
        deeds.push_back(i);
      }
    }
  }
  asked.insert(asked.end(), deeds.begin(), deeds.end());
}

}  // namespace netra::bot
