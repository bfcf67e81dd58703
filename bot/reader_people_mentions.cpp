// The people a message names ("istri saya", "pak kades", "saya"), the role each is described with, whether a
// mention acts or is only named as an object or a possessor, and the roles a workplace relation implies.
#include <algorithm>

#include "bot/reader_people.h"

namespace netra::bot {

bool PeopleReader::overlaps_act(const PhraseMatch& match) const {
  return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) { return overlaps(act, match); });
}

bool PeopleReader::act_follows_in_clause(const PhraseMatch& match) const {
  return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
    return act.first_token > match.last_token && tokens_[act.first_token].clause == tokens_[match.first_token].clause;
  });
}

// The token before `token` in its clause, skipping honorifics ("disuruh pak camat", "ke bu kades"), or none.
std::optional<size_t> PeopleReader::word_before(size_t token) const {
  size_t at = token;
  while (at > 0 && tokens_[at - 1].clause == tokens_[token].clause) {
    --at;
    if (!word_is(knowledge::WordClass::honorific, tokens_[at].word)) return at;
  }
  return std::nullopt;
}

bool PeopleReader::after_object_marker(size_t token) const {
  auto before = word_before(token);
  return before && word_is(knowledge::WordClass::object_marker, tokens_[*before].word);
}

// "diajak temen", "disuruh kades", "dipiwarang caleg": the person after a passive verb asks or orders; the act
// that follows is the writer's.
bool PeopleReader::after_passive_verb(size_t token) const {
  auto before = word_before(token);
  return before && word_is(knowledge::WordClass::passive_verb, tokens_[*before].word);
}

PeopleReader::ClauseLead PeopleReader::clause_lead(size_t token) const {
  for (size_t t = token; t-- > 0;) {
    if (tokens_[t].clause != tokens_[token].clause) return ClauseLead::clause_start;
    // "kalau istri saya ikut timses", "apakah anak saya boleh …": the words that let "saya" act open a clause
    // for anyone.
    const std::string& word = tokens_[t].word;
    if (word_is(knowledge::WordClass::existential, word)) return ClauseLead::existential;
    // "kalo liat atasan sy ikut kampanye": the one seen or heard does what follows; "boleh lapor kalau caleg
    // bagi uang?": a condition opens a clause of its own wherever it stands.
    if (word_is(knowledge::WordClass::perception_verb, word) || word_is(knowledge::WordClass::conditional, word)) {
      return ClauseLead::clause_start;
    }
    if (!word_is(knowledge::WordClass::description_filler, word) && !word_is(knowledge::WordClass::time_word, word) &&
        !word_is(knowledge::WordClass::actor_introducer, word)) {
      return ClauseLead::other_word;
    }
  }
  return ClauseLead::clause_start;
}

// The last mention (actor or not) ending just before `token`, ignoring description fillers (with `any_words`,
// any words), within `reach` words and with no act in between: the person a role at `token` describes ("sy guru",
// "suami sy kades").
std::optional<size_t> PeopleReader::described_by(size_t token, size_t reach, bool any_words) const {
  for (size_t i = mentions_.size(); i-- > 0;) {
    const Mention& mention = mentions_[i];
    if (mention.last >= token) continue;
    if (token - mention.last > reach) return std::nullopt;
    if (tokens_[mention.last].sentence != tokens_[token].sentence) return std::nullopt;
    for (size_t between = mention.last + 1; between < token && !any_words; ++between) {
      if (!word_is(knowledge::WordClass::description_filler, tokens_[between].word)) return std::nullopt;
    }
    if (act_cue_between(mention.last, token)) return std::nullopt;
    return i;
  }
  return std::nullopt;
}

size_t PeopleReader::add_person(Person person) {
  reading_.people.push_back(person);
  return reading_.people.size() - 1;
}

// The person a relation word names: the same relation named again is the same person. A relative named with
// "-nya" is someone else's ("kakak sy kades, istrinya …"), except that, with `definite` (no possessor after it),
// it is the writer's own relative of the same relation named before: "adik saya mau nyaleg … adiknya sendiri".
size_t PeopleReader::relation_person(Relation relation, bool someone_elses, bool definite) {
  for (size_t i = 1; i < reading_.people.size(); ++i) {
    const Person& person = reading_.people[i];
    if (person.kind != Person::Kind::relation || person.relation != relation) continue;
    bool same_owner = person.someone_elses == someone_elses;
    bool the_writers = someone_elses && definite && !person.someone_elses;
    if (same_owner || the_writers) return i;
  }
  Person person;
  person.kind = Person::Kind::relation;
  person.relation = relation;
  person.someone_elses = someone_elses;
  return add_person(person);
}

size_t PeopleReader::generic_person(Role role) {
  for (size_t i = 1; i < reading_.people.size(); ++i) {
    if (reading_.people[i].kind == Person::Kind::generic && reading_.people[i].role == role) return i;
  }
  Person person;
  person.kind = Person::Kind::generic;
  describe(person, role);
  return add_person(person);
}

// The last third party named before `token` (for "dia", "beliau").
std::optional<size_t> PeopleReader::last_third_party(size_t token) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->token < token && it->person != 0) return it->person;
  }
  return std::nullopt;
}

void PeopleReader::read_mentions() {
  // People and role cues in message order; a role inside an act ("jd timses") is the act, not a description.
  std::vector<std::pair<const PhraseMatch*, bool>> ordered;  // (match, is_role)
  for (const auto& match : people_) {
    bool inside_role = std::any_of(roles_.begin(), roles_.end(),
                                   [&](const PhraseMatch& r) { return overlaps(r, match) && r.words > match.words; });
    if (!inside_role) ordered.push_back({&match, false});
  }
  for (const auto& match : roles_) {
    // A role that ends an act is who the act is done to ("nyuruh staf", "ngumpulin pegawai"): a person others'
    // later acts may belong to, not one who acts here.
    if (ends_act(match)) {
      if (!after_passive_verb(match.first_token)) object_roles_.push_back(&match);
      continue;
    }
    if (overlaps_act(match) && !(clause_start(match.first_token) && act_follows_in_clause(match))) continue;
    // "ibu rumah tangga" is a role, not the vocative "ibu": the longer phrase wins where they overlap.
    bool inside_person = std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& p) {
      return overlaps(p, match) && p.words >= match.words;
    });
    if (inside_person) continue;
    ordered.push_back({&match, true});
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first->first_token < b.first->first_token; });
  for (const auto& [match, is_role] : ordered) {
    if (is_role) {
      read_role(*match);
    } else {
      read_person(*match);
    }
  }
  // Those an act is done to are other people than whoever does it, even with the same role ("kadis nyuruh
  // staf": both ASN).
  for (const PhraseMatch* match : object_roles_) {
    Person person;
    person.kind = Person::Kind::generic;
    describe(person, static_cast<Role>(match->label));
    mentions_.push_back({match->first_token, match->last_token, add_person(person), false});
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.token < b.token; });
}

// "sanksi buat PPPK yg share konten …": a role followed by a relative clause that names an act does that act,
// even after a word that otherwise makes it an object.
bool PeopleReader::does_relative_clause_act(const PhraseMatch& role) const {
  size_t next = role.last_token + 1;
  if (next >= tokens_.size() || !word_is(knowledge::WordClass::relativizer, tokens_[next].word)) return false;
  return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
    return act.first_token > next && act.first_token - next <= kRelativeReach &&
           tokens_[act.first_token].clause == tokens_[next].clause;
  });
}

bool PeopleReader::ends_act(const PhraseMatch& role) const {
  return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
    return act.first_token < role.first_token && act.last_token == role.last_token;
  });
}

bool PeopleReader::writer_just_before(size_t token) const {
  if (mentions_.empty() || mentions_.back().person != 0 || !mentions_.back().actor) return false;
  const Mention& writer = mentions_.back();
  if (writer.last >= token || tokens_[writer.last].clause != tokens_[token].clause) return false;
  for (size_t t = writer.last + 1; t < token; ++t) {
    if (!word_is(knowledge::WordClass::description_filler, tokens_[t].word)) return false;
  }
  return true;
}

void PeopleReader::read_person(const PhraseMatch& match) {
  size_t token = match.first_token;
  if (match.label == kVocativeLabel) return;
  if (match.label == kSelfLabel) {
    // "my college friend is running": an English possessive names the writer as an owner, never as one who acts.
    if (word_is(knowledge::WordClass::possessive_determiner, tokens_[token].word)) return;
    // "suami saya", "temen sy", "camat kami": a possessor, not someone who acts.
    if (auto owner = described_by(token, 1); owner && tokens_[token - 1].clause == tokens_[token].clause) {
      mentions_[*owner].last = match.last_token;  // "suami saya kades": the role still describes the husband
      return;
    }
    // "desa kami", "rumah saya": a possessor of a thing. After a verb of asking ("minta sy bagiin") the writer is
    // the one asked — unless a role follows ("nyuruh sy perangkat ikut kampanye"), which names who is asked.
    if (token > 0 && tokens_[token - 1].clause == tokens_[token].clause) {
      const std::string& before = tokens_[token - 1].word;
      bool role_follows = std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
        return role.first_token == match.last_token + 1;
      });
      bool asked = word_is(knowledge::WordClass::asking_verb, before) && !role_follows;
      // "atasan ngizinin sy ikut timses": the writer permitted is the one who acts.
      bool opens = word_is(knowledge::WordClass::actor_introducer, before) ||
                   word_is(knowledge::WordClass::permission_verb, before) ||
                   word_is(knowledge::WordClass::time_word, before) ||
                   word_is(knowledge::WordClass::passive_verb, before) || asked;
      if (!opens) return;
    }
    reading_.people[0].mentioned = true;
    mentions_.push_back({token, match.last_token, 0, true});
    return;
  }
  if (match.label == kThirdPersonLabel) {
    if (auto person = last_third_party(token)) {
      mentions_.push_back({token, match.last_token, *person, true, true});
    } else {
      // "ternyata beliau juga nyaleg" after a name the vocabulary does not know: still someone else, never the
      // writer.
      Person someone;
      someone.kind = Person::Kind::generic;
      bool actor = !after_object_marker(token) && !after_passive_verb(token);
      mentions_.push_back({token, match.last_token, add_person(someone), actor, true});
    }
    return;
  }
  read_relation(match);
}

bool PeopleReader::owned_after_possessive_determiner(size_t token) const {
  for (size_t t = token; t-- > 0 && t + kOwnerReach >= token && tokens_[t].clause == tokens_[token].clause;) {
    if (word_is(knowledge::WordClass::possessive_determiner, tokens_[t].word)) return !after_object_marker(t);
  }
  return false;
}

// "suami saya", "temen sy", "ada yg …": a relative, acquaintance or someone unnamed, and whether they act here.
void PeopleReader::read_relation(const PhraseMatch& match) {
  size_t token = match.first_token;
  const std::string& word = tokens_[token].word;
  bool someone_elses =
      match.first_token == match.last_token && word.size() > 5 && word.compare(word.size() - 3, 3, "nya") == 0;
  // "sy istrinya", "saya cuma anaknya": the writer says whose relative they are; no one new is named.
  if (someone_elses && writer_just_before(token)) {
    mentions_.push_back({token, match.last_token, 0, true});
    return;
  }
  // "bapaknya temen sy": "-nya" followed by whose it is names someone else's relative.
  bool possessor_follows = std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& other) {
    return other.first_token == match.last_token + 1;
  });
  bool someone = static_cast<Relation>(match.label) == Relation::someone;
  // "staf sy di kelurahan ada yg masang twibbon": "ada yang" after people named is one of them.
  if (auto named = someone ? group_named_before(token) : std::nullopt) {
    mentions_.push_back({token, match.last_token, *named, true});
    return;
  }
  size_t person = relation_person(static_cast<Relation>(match.label), someone_elses, !possessor_follows);
  // "kondangan sodara", "rumah temen": a relative who owns something does not act; "follow IG istrinya yg
  // nyaleg": one followed by a relative clause does its act.
  bool as_description = token > 0 && word_is(knowledge::WordClass::role_introducer, tokens_[token - 1].word);
  // "grup alumni ada yg share flyer caleg": "ada yang" opens a clause of its own wherever it stands.
  bool actor = (!after_object_marker(token) && !after_passive_verb(token) && opens_clause(token) && !as_description) ||
               does_relative_clause_act(match) || someone || (owned_after_possessive_determiner(token) && !as_description);
  mentions_.push_back({token, match.last_token, person, actor});
}

std::optional<size_t> PeopleReader::group_named_before(size_t token) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->last >= token || token - it->last > 5 || tokens_[it->last].clause != tokens_[token].clause) break;
    if (it->person != 0) return it->person;
  }
  return std::nullopt;
}

void PeopleReader::read_role(const PhraseMatch& match) {
  size_t token = match.first_token;
  auto role = static_cast<Role>(match.label);
  if (negated(token)) {
    read_denied_role(match, role);
    return;
  }
  // "sudah 2 minggu ngajuin pensiun dini, SK blm keluar": a retirement applied for or planned has not begun.
  if (role == Role::retired && token > 0 && word_is(knowledge::WordClass::pending_marker, tokens_[token - 1].word))
    return;
  const PhraseMatch* left = former_marker_before(token);  // "mantan", "udh berhenti dr"
  role = former_role(token, role);
  bool possessor_of_relative = names_relatives_possessor(match);
  // "sy ikut krn ga enak sm warga": a role right after a preposition is someone else, not what the writer is
  // ("sy jd kades" is: "jadi" marks an object for acts, not here).
  bool object = after_object_marker(token) && !does_relative_clause_act(match);
  // "udh berhenti dr PNS": the role left is named after a preposition and still describes the one who left it.
  bool after_preposition = token > 0 && word_is(knowledge::WordClass::preposition, tokens_[token - 1].word) && !left;
  auto described = described_by_role(match, role, left);
  if (described && !possessor_of_relative && !after_preposition) {
    Mention& mention = mentions_[*described];
    if (!(mention.person == 0 && reading_.role_given)) describe(reading_.people[mention.person], role);
    mention.last = match.last_token;  // "sy bidan PNS": PNS describes the writer too
    return;
  }
  // "sbg kaur, blh gk …": the writer's role.
  if (!possessor_of_relative && token > 0 && word_is(knowledge::WordClass::role_introducer, tokens_[token - 1].word) &&
      !reading_.role_given) {
    describe(reading_.people[0], role);
    return;
  }
  // "boleh kan buat warga biasa kayak sy?": a role the writer is likened to is the writer's, even as an object.
  size_t after = match.last_token + 1;
  if (!possessor_of_relative && after + 1 < tokens_.size() &&
      word_is(knowledge::WordClass::likeness, tokens_[after].word) && says_i(after + 1) && !reading_.role_given) {
    describe(reading_.people[0], role);
    return;
  }
  if (object || after_passive_verb(token) || possessor_of_relative) return;
  if (role == Role::candidate && !opens_clause(token)) return;
  size_t person = generic_person(role);
  mentions_.push_back({token, match.last_token, person, true});
  size_t next = match.last_token + 1;
  if (next < tokens_.size() && tokens_[next].word == "yang" && tokens_[next].clause == tokens_[token].clause) {
    reading_.people[person].named_as_class = true;
  }
  if (clause_lead(token) == ClauseLead::existential) {
    mentions_.back().own_clause_only = true;
    reading_.people[person].named_after_existential = true;
  }
}

// "istri pak kades", "anak camat": right after a relative who has no "saya", a role names whose relative it is.
bool PeopleReader::names_relatives_possessor(const PhraseMatch& role) const {
  size_t token = role.first_token;
  auto described = described_by(token, 2);
  if (!described || mentions_[*described].person == 0) return false;
  const Mention& relative = mentions_[*described];
  // Extended by "saya", "ku", or joined to "-ku" ("suamiku PNS"): the writer's relative.
  const Token& named = tokens_[relative.token];
  bool joined_ku = named.word.size() > 2 && named.word != named.stem && named.word.ends_with("ku");
  bool own_relative = relative.last > relative.token || joined_ku;
  // "sy PNS, suami caleg.": a clause that is only a relative and a role says what the relative is; "istri caleg
  // bagi sembako" goes on, and names the candidate's wife.
  size_t next = role.last_token + 1;
  bool role_ends_clause = next >= tokens_.size() || tokens_[next].clause != tokens_[role.last_token].clause;
  if (role_ends_clause && opens_clause(relative.token)) return false;
  // "suami saya, dia kades": a pronoun is the relative again, never their possessor.
  return reading_.people[relative.person].kind == Person::Kind::relation && !own_relative && !relative.pronoun &&
         relative.last + 1 >= token - 1;
}

// "sy PNS, atasan sy nyuruh …", "rekan kerja sy (PPPK juga) …": a superior or colleague whose role the message
// omits works where the writer does — a colleague in the writer's role, an ASN's superior an ASN; "staf sy di
// kelurahan": one who works in a government office is an ASN.
void PeopleReader::infer_workplace_roles() {
  Role writer = reading_.people[0].role;
  bool civil_servant = writer == Role::asn || writer == Role::pppk;
  for (size_t i = 1; i < reading_.people.size(); ++i) {
    Person& person = reading_.people[i];
    if (person.kind != Person::Kind::relation || person.role != Role::unknown || person.someone_elses) continue;
    if (person.relation == Relation::colleague && knowledge::is_bound(writer)) person.role = writer;
    if (person.relation == Relation::superior && civil_servant) person.role = Role::asn;
    bool at_work = person.relation == Relation::colleague || person.relation == Relation::superior;
    if (person.role == Role::unknown && at_work && works_in_government_office(i)) person.role = Role::asn;
  }
}

bool PeopleReader::works_in_government_office(size_t person) const {
  for (const auto& mention : mentions_) {
    if (mention.person != person) continue;
    size_t at = mention.last + 1;
    if (at >= tokens_.size() || !word_is(knowledge::WordClass::venue_marker, tokens_[at].word)) continue;
    bool office = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
      return target.first_token == at + 1 && static_cast<Target>(target.label) == Target::government;
    });
    if (office) return true;
  }
  return false;
}

}  // namespace netra::bot
