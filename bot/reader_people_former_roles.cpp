// Roles someone does not hold or no longer holds: "sy bkn ASN", "honorer, bukan PNS bukan PPPK", "pensiunan PNS",
// "mantan kades", "udh berhenti dr PNS"; and whom a role named describes ("sy mantan PNS", "sy PNS, timses caleg …").
#include <algorithm>

#include "bot/reader_people.h"

namespace netra::bot {

// "sy bkn ASN", "blm PPPK, msh honorer": who someone is not. Unless the message says what they are, they are bound
// by nothing the denied role would bind them to.
void PeopleReader::read_denied_role(const PhraseMatch& match, Role role) {
  size_t token = match.first_token;
  // "sy dosen di kampus swasta (bukan ASN)": a denial may follow a longer description of the job.
  // "bukan PNS bukan PPPK": one negation's scope spans both; the second denial starts after the mention the
  // first one already extended.
  size_t start = negation_start(token);
  for (const auto& mention : mentions_) {
    bool denied_before = mention.denied_pns || mention.denied_pppk;
    if (denied_before && mention.last >= start && mention.last < token) start = mention.last + 1;
  }
  auto described = described_by(start, 4);
  if (!described) described = described_by(start, kDenialReach, /*any_words=*/true);
  if (!described) return;
  Mention& mention = mentions_[*described];
  Person& person = reading_.people[mention.person];
  // "honorer, bukan PNS bukan PPPK": an honorer who is not ASN is bound by no ASN rule, a citizen. "dosen, bukan
  // ASN": a job that usually means ASN, denied as ASN outright, is a citizen's. "guru bukan PNS" is not enough: a
  // PPPK is ASN without being PNS, so the job stays ASN.
  bool not_asn = role == Role::asn || role == Role::pppk;
  // "bukan PNS, bukan PPPK": both kinds of ASN denied, one after the other, deny ASN as a whole.
  if (role == Role::asn && tokens_[token].word != "asn") mention.denied_pns = true;
  if (role == Role::pppk) mention.denied_pppk = true;
  bool denies_all_asn = (role == Role::asn && tokens_[token].word == "asn") || (mention.denied_pns && mention.denied_pppk);
  if ((person.role == Role::honorer && not_asn) || (person.role == Role::asn && denies_all_asn)) {
    person.role = Role::citizen;
  }
  // "sy bukan PNS" alone leaves open whether the writer is a PPPK; only a denial of ASN as a whole says they are
  // bound by no ASN rule.
  if (denies_all_asn || role != Role::asn) describe(person, Role::citizen);
  mention.last = match.last_token;
}

// "pensiunan PNS", "mantan kades", "udh berhenti dr PNS": the marker of a role no longer held, right before the role
// or before the role phrase it heads ("mantan kepala dusun perangkat desa", as the chat-language map writes "kadus").
const PhraseMatch* PeopleReader::former_marker_before(size_t token) const {
  size_t start = token;
  for (bool moved = true; moved;) {
    moved = false;
    for (const auto& role : roles_) {
      if (role.last_token + 1 == start && role.first_token < start) {
        start = role.first_token;
        moved = true;
      }
    }
  }
  const PhraseMatch* marker = nullptr;
  for (const auto& modifier : modifiers_) {
    auto kind = static_cast<Modifier>(modifier.label);
    if (modifier.last_token < start && start - modifier.last_token <= 2 &&
        (kind == Modifier::retired_marker || kind == Modifier::former_marker)) {
      marker = &modifier;
    }
  }
  return marker;
}

// A former holder is bound by none of that role's rules; a retired one is retired.
Role PeopleReader::former_role(size_t token, Role role) const {
  const PhraseMatch* marker = former_marker_before(token);
  if (!marker) return role;
  return static_cast<Modifier>(marker->label) == Modifier::retired_marker ? Role::retired : Role::citizen;
}

std::optional<size_t> PeopleReader::described_by_role(const PhraseMatch& match, Role role,
                                                     const PhraseMatch* left) const {
  size_t token = match.first_token;
  // "sy PNS, timses caleg bagi amplop ke warga": a campaign's side opening a clause and acting there is someone
  // new, not what the person before is.
  bool new_doer = role == Role::candidate && leads_clause_as_doer(token) && act_follows_in_clause(match);
  auto described = new_doer ? std::nullopt : described_by(token, 4);
  if (!described && left) described = described_by(left->first_token, 4);  // "sy mantan PNS"
  // "saya dulu PNS di dinas pendidikan, skrg kepala sekolah": the role held now describes the one told of before.
  bool now = token > 0 && word_is(knowledge::WordClass::now_marker, tokens_[token - 1].word);
  if (!described && now) described = described_by(token, kDenialReach, /*any_words=*/true);
  // "sy wartawan di media pemda (PNS)": a role alone in its own clause is an aside about the one just described.
  bool aside = clause_start(token) && (match.last_token + 1 >= tokens_.size() ||
                                       tokens_[match.last_token + 1].clause != tokens_[token].clause);
  if (!described && aside) described = described_by(token, kDenialReach, /*any_words=*/true);
  return described;
}

}  // namespace netra::bot
