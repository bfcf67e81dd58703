// Who does each act: the person named last before it in its clause or sentence, the one asked by an asking verb,
// the speaker of a quote, or the writer; whoever a quote names acts only inside it; a campaign's wished use of
// what a bound writer runs is the writer's grant.
#include <algorithm>

#include "bot/reader_people.h"

namespace netra::bot {

namespace {

// Words from a speaking post ("narasumbernya") to the one named as holding it ("… ketua DPD partai yg jg caleg").
constexpr size_t kHolderReach = 8;

}  // namespace

std::optional<size_t> PeopleReader::last_actor(size_t token, bool same_clause, bool same_sentence) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (!it->actor || it->token >= token) continue;
    // "twibbon dari KPU yg 'Pemilih Cerdas' boleh dipasang?": whoever a quote names acts inside it, not outside.
    if (tokens_[it->token].quote != 0 && tokens_[it->token].quote != tokens_[token].quote) continue;
    bool other_clause = tokens_[it->token].clause != tokens_[token].clause;
    if ((same_clause || it->own_clause_only) && other_clause) continue;
    if (same_sentence && tokens_[it->token].sentence != tokens_[token].sentence) continue;
    return it->person;
  }
  return std::nullopt;
}

bool PeopleReader::leads_clause_as_doer(size_t token) const {
  for (size_t t = token; t-- > 0 && tokens_[t].clause == tokens_[token].clause;) {
    if (word_is(knowledge::WordClass::existential, tokens_[t].word)) return true;
    if (!word_is(knowledge::WordClass::time_word, tokens_[t].word)) return false;
  }
  return true;
}

std::optional<size_t> PeopleReader::next_actor_in_sentence(size_t token) const {
  for (const auto& mention : mentions_) {
    // "boleh laporin pak kades yg ikut kampanye?": the one named as an object ("laporin …") acts in their own
    // relative clause, never in the act before it.
    bool quoted_apart = tokens_[mention.token].quote != 0 && tokens_[mention.token].quote != tokens_[token].quote;
    if (mention.actor && mention.token > token && tokens_[mention.token].sentence == tokens_[token].sentence &&
        !after_object_marker(mention.token) && !quoted_apart) {
      return mention.person;
    }
  }
  return std::nullopt;
}

std::optional<size_t> PeopleReader::asking_word_before(size_t token) const {
  size_t clause = tokens_[token].clause;
  for (size_t t = token; t-- > 0 && tokens_[t].clause == clause;) {
    if (word_is(knowledge::WordClass::asking_verb, tokens_[t].word)) return t;
    // "bilang ke warga supaya pilih nomor 1": a verb of saying with "so that" after it asks as an asking verb
    // does; the one asked may stand on either side of "supaya".
    if (word_is(knowledge::WordClass::appeal_link, tokens_[t].word)) {
      for (size_t s = t; s-- > 0 && tokens_[s].clause == clause;) {
        if (word_is(knowledge::WordClass::saying_verb, tokens_[s].word)) return s;
      }
    }
  }
  return std::nullopt;
}

// When an asking verb stands between the last person named in the clause and `token`, who is asked: the person
// named after the verb, or the writer.
std::optional<size_t> PeopleReader::asked_actor(size_t token) const {
  size_t clause = tokens_[token].clause;
  std::optional<size_t> verb = asking_word_before(token);
  if (!verb) return std::nullopt;
  // The person named between the verb and the act, if any ("nyuruh pegawai hadir").
  for (const auto& mention : mentions_) {
    if (mention.token > *verb && mention.token < token) return mention.person;
  }
  // "kades bikin surat edaran ke ketua RT supaya pasang baliho": those asked are named, though not as people who
  // act here; the writer is not among them.
  bool role_told = word_is(knowledge::WordClass::saying_verb, tokens_[*verb].word) &&
                   std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
                     return role.first_token > *verb && role.last_token < token;
                   });
  if (role_told) return std::nullopt;
  // Someone named before the verb in the clause asks; the writer, named or not, is asked ("bos sy minta forward
  // …, gmn nih?" asks what the writer should do).
  for (const auto& mention : mentions_) {
    if (mention.token < *verb && tokens_[mention.token].clause == clause && mention.actor && mention.person != 0) {
      return std::size_t{0};
    }
  }
  return std::nullopt;
}

void PeopleReader::assign_actors() {
  // "komen di postingan bupati petahana yg lg nyalon": running told in a clause that describes an office named as a
  // target says what the target is; it is no one's deed in the story.
  std::erase_if(reading_.acts, [&](const ActMention& act) {
    return act.act == Act::run_for_office && describes_target_before(act);
  });
  bool asker_present = reading_.people[0].mentioned;
  // Where a speaking post's holder is named after it: the words up to them, and who it is.
  std::optional<std::pair<size_t, PostHolder>> holder_span;  // the post's last word, and who holds it
  for (auto& act : reading_.acts) {
    std::optional<size_t> actor = last_actor(act.first_token, true, false);
    // "bos sy minta forward …": the one asked does it — named after the verb, or the writer.
    if (auto asked = asked_actor(act.first_token)) actor = *asked;
    if (!actor) actor = last_actor(act.first_token, false, true);
    if (!actor && asker_present) actor = 0;
    // "kades kami bagi kalender caleg. lapor kmana ini": reporting in a sentence that names no one is the writer's.
    if (!actor && act.act == Act::report) actor = 0;
    if (!actor) actor = last_actor(act.first_token, false, false);
    if (!actor) actor = next_actor_in_sentence(act.first_token);
    // "kades X bagi amplop. itu bisa dilaporin?": a report in the passive is nobody's act; it asks whether the
    // deed told is a violation. "fotonya diupload dia", "diupload di akun pemkab": a post in the passive whose
    // agent or owner is named after it is not the writer's ("trus diunggah ke IG": the writer's).
    bool passive_report =
        act.act == Act::report && word_is(knowledge::WordClass::passive_report, tokens_[act.first_token].word);
    bool passive_post =
        act.act == Act::post && word_is(knowledge::WordClass::passive_post, tokens_[act.first_token].word);
    if (passive_report || (passive_post && actor.value_or(0) == 0 && someone_named_after(act))) act.negated = true;
    // "Kades posting 'warga desa X wajib pilih nomor 3'", "'warga pendukung paslon 2 bantuannya kita tunda'": an
    // appeal or a decision quoted is the quoting person's; whom it addresses inside the quote does not make it.
    if (auto speaker = quoting_person(act)) actor = speaker;
    size_t person = actor.value_or(0);
    person = doer_beside_writer(act, person);
    if (auto holder = speaker_named_after(act)) {
      person = holder->person;
      act.describes_scene = true;
      holder_span = {act.last_token, *holder};
    } else if (holder_span && act.act == Act::party_official && act.first_token > holder_span->first &&
               act.last_token < holder_span->second.token) {
      person = holder_span->second.person;  // "narasumbernya ketua DPD partai yg jg caleg": the holder's post
      act.describes_scene = true;
    }
    // A relative who runs does not help their own campaign: the writer asks about their own help.
    const Person& who = reading_.people[person];
    if (who.kind == Person::Kind::relation && who.runs_for_office && is_support_act(act.act) &&
        !last_actor(act.first_token, true, false)) {
      person = 0;
    }
    // "adik nanya ke saya 'pilih siapa?'": a talk about one's choice has two sides, and the writer is one of them.
    if (act.act == Act::discuss_privately && writer_in_sentence(act.sentence)) person = 0;
    act.person = person;
    if (act.act == Act::run_for_office && !act.negated) reading_.people[person].runs_for_office = true;
  }
  // "PPS minta pake balai desa": a one-word act cue that is the name of someone acting there names that person,
  // not a deed ("jadi PPS" stays serving).
  std::erase_if(reading_.acts, [&](const ActMention& act) {
    return act.first_token == act.last_token && std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
             return m.token == act.first_token && m.actor && m.person != 0 && m.person != act.person;
           });
  });
}

std::optional<PeopleReader::PostHolder> PeopleReader::speaker_named_after(const ActMention& act) {
  if (act.act != Act::speak) return std::nullopt;
  const Token& cue = tokens_[act.last_token];
  size_t clause = cue.clause;
  bool possessed = cue.word != cue.stem && cue.word.ends_with("nya");
  bool relative = act.first_token >= 2 && tokens_[act.first_token - 2].clause == clause &&
                  (word_is(knowledge::WordClass::relativizer, tokens_[act.first_token - 1].word) ||
                   word_is(knowledge::WordClass::relativizer, tokens_[act.first_token - 2].word));
  if (!possessed && !relative) return std::nullopt;
  // "sy yg jadi MC …": the writer named before in the clause holds it.
  bool writer_before = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
    return m.person == 0 && m.actor && m.token < act.first_token && tokens_[m.token].clause == clause;
  });
  if (writer_before) return std::nullopt;
  // Only words that describe or introduce the holder may stand between: "ternyata", "itu", "pak", a party post
  // told of them ("ketua DPD partai yg jg caleg"). After "yang" one must ("yg ngisi tausiyah itu caleg"): right
  // after the post, a candidate is whose event it is ("yg jadi MC caleg PAN itu sy").
  bool linked = possessed;
  for (size_t t = act.last_token + 1; t < tokens_.size() && t <= act.last_token + kHolderReach; ++t) {
    if (tokens_[t].clause != clause && !word_is(knowledge::WordClass::relativizer, tokens_[t].word)) break;
    auto mention = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& m) { return m.token == t; });
    if (mention != mentions_.end()) {
      if (mention->person == 0 || !linked) return std::nullopt;
      return PostHolder{mention->person, t};
    }
    // A candidate named by role only ("ternyata caleg") is someone of that role.
    auto role = std::find_if(roles_.begin(), roles_.end(), [&](const PhraseMatch& r) { return r.first_token == t; });
    if (role != roles_.end() && static_cast<Role>(role->label) == Role::candidate) {
      if (!linked) return std::nullopt;
      return PostHolder{generic_person(Role::candidate), t};
    }
    bool describing = word_is(knowledge::WordClass::description_filler, tokens_[t].word) ||
                      word_is(knowledge::WordClass::realisation, tokens_[t].word) ||
                      word_is(knowledge::WordClass::honorific, tokens_[t].word) ||
                      std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
                        return other.act == Act::party_official && other.first_token <= t && t <= other.last_token;
                      });
    if (!describing) break;
    linked = true;
  }
  return std::nullopt;
}

size_t PeopleReader::doer_beside_writer(const ActMention& act, size_t person) {
  if (person != 0) return person;
  // "td sy liat mobil dinas dipake angkut spanduk caleg": the writer saw it; someone unnamed did it.
  if (witnessed(act.first_token)) {
    if (!witness_subject_) {
      Person someone;
      someone.kind = Person::Kind::generic;
      witness_subject_ = add_person(someone);
    }
    return *witness_subject_;
  }
  // "kalau nolak karir sy dipersulit", "Bawaslu bilang nanti diteruskan": a passive whose doer goes unnamed is
  // someone's the story does not name, so it is asked only where no one else acts. "rumah sy ditempelin stiker
  // caleg sama timses": a passive whose doer is named after it ("sama", "oleh") but not by role is theirs too.
  // "ada anggota yg share brosur caleg", "ada yg bagi amplop": one "there is" does it.
  bool doerless = word_is(knowledge::WordClass::doerless_passive, tokens_[act.first_token].word);
  if (!doerless && !agent_named_after_passive(act) && !someone_who_before(act)) return person;
  for (size_t index = 1; index < reading_.people.size(); ++index) {
    if (reading_.people[index].is_someone()) return index;
  }
  Person someone;
  someone.kind = Person::Kind::relation;
  someone.relation = Relation::someone;
  return add_person(someone);
}

bool PeopleReader::describes_target_before(const ActMention& act) const {
  for (size_t t = act.first_token; t-- > 1 && act.first_token - t <= kRelativeReach;) {
    if (!word_is(knowledge::WordClass::relativizer, tokens_[t].word)) continue;
    bool target_before = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
      auto kind = static_cast<Target>(target.label);
      return target.last_token == t - 1 && (kind == Target::candidate || kind == Target::incumbent_official);
    });
    bool person_before = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
      return m.token <= t - 1 && t - 1 <= m.last;
    });
    return target_before && !person_before && !person_between(t, act.first_token);
  }
  return false;
}

bool PeopleReader::someone_who_before(const ActMention& act) const {
  for (size_t t = act.first_token; t-- > 0 && act.first_token - t <= kSomeoneWhoReach;) {
    if (!word_is(knowledge::WordClass::relativizer, tokens_[t].word)) continue;
    // "ada yg nyuruh ikut kampanye": the one told acts, not the one there is.
    if (act_cue_between(t, act.first_token) || asking_word_before(act.first_token).value_or(0) > t) return false;
    for (size_t e = t; e-- > 0 && t - e <= kSomeoneWhoReach;) {
      if (word_is(knowledge::WordClass::existential, tokens_[e].word)) return !person_between(e, act.first_token);
    }
    return false;
  }
  return false;
}

std::optional<size_t> PeopleReader::quoting_person(const ActMention& act) const {
  size_t quote = tokens_[act.first_token].quote;
  bool speakers_act = act.act == Act::invite_to_vote || act.act == Act::favour_decision;
  if (!speakers_act || quote == 0) return std::nullopt;
  size_t opening = act.first_token;
  while (opening > 0 && tokens_[opening - 1].quote == quote) --opening;
  if (opening == 0) return std::nullopt;
  return last_actor(opening, false, true);
}

bool PeopleReader::witnessed(size_t token) const {
  // "sy liat debat capres di tv, boleh?": a writer who asks about what they watched is the one who watched.
  if (reading_.text.find('?') != std::string::npos) return false;
  bool asks = std::any_of(message_cues_.begin(), message_cues_.end(), [](const PhraseMatch& cue) {
    auto kind = static_cast<knowledge::MessageCue>(cue.label);
    return kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict;
  });
  if (asks) return false;
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->token >= token || !it->actor) continue;
    if (it->person != 0 || tokens_[it->token].clause != tokens_[token].clause) return false;
    size_t next = it->last + 1;
    return next < token && word_is(knowledge::WordClass::perception_verb, tokens_[next].word);
  }
  return false;
}

bool PeopleReader::writer_in_sentence(size_t sentence) const {
  bool acts = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
    return mention.person == 0 && tokens_[mention.token].sentence == sentence;
  });
  return acts || std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& match) {
           return match.label == kSelfLabel && tokens_[match.first_token].sentence == sentence &&
                  after_object_marker(match.first_token);
         });
}

namespace {

// Words from a passive act cue to the agent marker naming its doer ("ditempelin stiker caleg sama timses"; the
// chat map writes "caleg" as three words).
constexpr size_t kAgentReach = 7;

}  // namespace

bool PeopleReader::agent_named_after_passive(const ActMention& act) const {
  // Only deeds done to the writer's things by the one named ("ditempelin stiker", "diposting", "dishare"): receiving
  // ("dikasih amplop sama timses"), lending ("dipinjem sama timses") or being asked ("diajak foto sama caleg") stay
  // the writer's.
  bool done_by_agent = act.act == Act::install_props || act.act == Act::post || act.act == Act::share ||
                       act.act == Act::use_facilities;
  if (!done_by_agent || word_is(knowledge::WordClass::passive_verb, tokens_[act.first_token].word)) return false;
  if (!is_passive_form(tokens_[act.first_token])) return false;
  // "boleh disewa tim kampanye?": a campaign's side right after the passive verb is its doer, marker or not
  // ("dipasangi spanduk caleg": after the thing, the candidate owns it).
  bool side_follows = std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
    return role.first_token == act.first_token + 1 && static_cast<Role>(role.label) == Role::candidate;
  });
  if (side_follows) return true;
  size_t clause = tokens_[act.first_token].clause;
  for (size_t t = act.last_token + 1; t < tokens_.size() && t <= act.last_token + kAgentReach; ++t) {
    if (tokens_[t].clause != clause) return false;
    if (!word_is(knowledge::WordClass::agent_marker, tokens_[t].word)) continue;
    // "dipasang sama saya sendiri": the writer is the doer after all.
    return t + 1 >= tokens_.size() || !says_i(t + 1);
  }
  return false;
}

void PeopleReader::grant_requested_use() {
  const Person& writer = reading_.people[0];
  if (!writer.mentioned || !knowledge::is_bound(writer.role)) return;
  bool writer_takes_sides = std::any_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
    return act.person == 0 && !act.negated && act.toward_candidacy();
  });
  if (writer_takes_sides) return;
  for (auto& act : reading_.acts) {
    bool others_use = act.act == Act::use_facilities && !act.negated && act.person != 0 &&
                      act.target == Target::candidate && !knowledge::is_bound(reading_.people[act.person].role);
    if (!others_use) continue;
    bool wished = false;
    for (size_t t = act.first_token; t-- > 0 && act.first_token - t <= kWishReach;) {
      if (tokens_[t].clause != tokens_[act.first_token].clause) break;
      wished = wished || word_is(knowledge::WordClass::pending_marker, tokens_[t].word);
    }
    if (!wished) continue;
    act.person = 0;
    if (!names_movable_property(act)) act.act = Act::lend_facilities;
  }
}

}  // namespace netra::bot
