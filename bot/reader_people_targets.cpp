// Who does each act, and what each act is directed at: a candidate, a party, a neutral body, a place.
#include <algorithm>

#include "bot/reader_people.h"

namespace netra::bot {

bool PeopleReader::someone_runs() const {
  return std::any_of(reading_.people.begin(), reading_.people.end(), [](const Person& p) { return p.runs_for_office; });
}

bool PeopleReader::incumbent_named() const {
  return std::any_of(targets_.begin(), targets_.end(), [](const PhraseMatch& t) {
    return static_cast<Target>(t.label) == Target::incumbent_official;
  });
}

// A target cue that only names the kind of a printed thing: the chat map writes "stiker" as "stiker alat
// peraga", and "alat peraga" (campaign props) ends in a printed-thing word. It names no owner and no candidate.
bool PeopleReader::kind_of_thing(const PhraseMatch& match) const {
  return word_is(knowledge::WordClass::owned_thing, tokens_[match.last_token].word);
}

bool PeopleReader::owner_follows(const PhraseMatch& thing) const {
  return std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
    return match.first_token == thing.last_token + 1 && tokens_[match.first_token].clause == tokens_[thing.last_token].clause;
  });
}

// A topic word ("soal", "tentang") ends within kTopicContentReach words before `token`, in its clause.
bool PeopleReader::names_topic(size_t token) const {
  return std::any_of(message_cues_.begin(), message_cues_.end(), [&](const PhraseMatch& cue) {
    return static_cast<knowledge::MessageCue>(cue.label) == knowledge::MessageCue::topic && cue.last_token < token &&
           token - cue.last_token <= kTopicContentReach && tokens_[cue.last_token].clause == tokens_[token].clause;
  });
}

// The target of one act: in its clause, the owner of a post ("unggahan dinkes") first, then a candidate, then
// a neutral body; failing that, a candidate the message names anywhere (a person who runs included).
Target PeopleReader::target_of(const ActMention& act) const {
  size_t clause = tokens_[act.first_token].clause;
  bool candidate = false, incumbent = false, candidate_outside_topic = false;
  std::optional<Target> neutral, owner, neutral_owner;
  size_t owner_token = 0;
  for (const auto& match : targets_) {
    if (tokens_[match.first_token].clause != clause || target_negated(match)) continue;
    auto target = static_cast<Target>(match.label);
    if (kind_of_thing(match) && not_campaign_print(match, act.sentence)) continue;
    if (match.first_token > 0 && match.first_token > act.last_token && !owner && !kind_of_thing(match) &&
        word_is(knowledge::WordClass::owned_thing, tokens_[match.first_token - 1].word)) {
      owner = target;
      owner_token = match.last_token;
    }
    if (target == Target::candidate) candidate = true;
    if (target == Target::candidate && !names_topic(match.first_token)) candidate_outside_topic = true;
    if (target == Target::incumbent_official) incumbent = true;
    if (knowledge::is_neutral(target)) neutral = target;
    bool owned = match.first_token > 0 && word_is(knowledge::WordClass::owned_thing, tokens_[match.first_token - 1].word);
    if (owned && knowledge::is_neutral(target)) neutral_owner = target;
  }
  // "baliho KPU yg ada foto paslon 2": a candidate named after a neutral owner, in the clause, is on the owner's
  // print and wins over it ("komen dukungan di postingan Bawaslu": the support named before is the comment's).
  // "postingan KPU soal jadwal debat capres", "unggahan Bawaslu tentang politik uang": what a neutral owner's post
  // is about stays the owner's.
  bool candidate_named = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
    return tokens_[match.first_token].clause == clause && match.first_token > owner_token && !target_negated(match) &&
           static_cast<Target>(match.label) == Target::candidate && !kind_of_thing(match) &&
           !names_topic(match.first_token);
  });
  if (owner && knowledge::is_neutral(*owner) && candidate_named) return Target::candidate;
  if (owner) {
    if (knowledge::is_neutral(*owner) && incumbent_named()) return Target::incumbent_official;
    return *owner == Target::incumbent_official ? Target::candidate : *owner;
  }
  // "share postingan Bawaslu soal politik uang di status WA": the later act on the same post is the owner's too.
  if (neutral_owner && candidate && !candidate_outside_topic && !incumbent) return *neutral_owner;
  if (neutral && (incumbent || (!candidate && incumbent_named()))) return Target::incumbent_official;
  if (candidate || incumbent) return Target::candidate;
  // "like postingan bupati soal peresmian pasar? dia lagi nyalon": a government post or event in a story where
  // someone runs is the incumbent's, never plainly neutral.
  if (neutral == Target::government && someone_runs()) return Target::incumbent_official;
  if (neutral) return *neutral;
  for (const auto& mention : mentions_) {
    if (tokens_[mention.token].clause == clause && mention.person != act.person &&
        reading_.people[mention.person].runs_for_office) {
      return Target::candidate;
    }
  }
  return target_in_message(act);
}

bool PeopleReader::favours_someone(Act act) {
  return act == Act::favour_decision || act == Act::discriminate_service || act == Act::use_budget;
}

size_t PeopleReader::last_sentence_continuing(size_t sentence) const {
  size_t last = sentence;
  while (last + 1 < reading_.sentence_count &&
         std::none_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
           return act.sentence == last + 1 && !act.negated && act.act != Act::receive_money;
         })) {
    ++last;
  }
  return last;
}

bool PeopleReader::candidate_denied_in_sentence(size_t sentence) const {
  // "… ngajak tetangga nyoblos kan? asal ga nyebut nama": a condition told after it, naming no act, is part of it.
  size_t last = last_sentence_continuing(sentence);
  return std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
    size_t at = tokens_[match.first_token].sentence;
    return static_cast<Target>(match.label) == Target::candidate && target_negated(match) && at >= sentence && at <= last;
  });
}

bool PeopleReader::runner_denied_in_sentence(size_t sentence) const {
  size_t last = last_sentence_continuing(sentence);
  return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
    size_t at = tokens_[mention.token].sentence;
    return mention.person != 0 && reading_.people[mention.person].runs_for_office && negated(mention.token) &&
           at >= sentence && at <= last;
  });
}

// "poster dinkes": the kind of a printed thing followed by its owner is the owner's, not campaign props; so is one
// whose sentence denies any candidate on it ("spanduk 'Ayo ke TPS' tanpa gambar calon"), and one the sentence says
// comes from a neutral body, even past a quote ("pasang stiker 'Pemilih Cerdas, Tolak Politik Uang' dr Bawaslu").
bool PeopleReader::not_campaign_print(const PhraseMatch& thing, size_t sentence) const {
  return owner_follows(thing) || candidate_denied_in_sentence(sentence) || neutral_source_in_sentence(sentence);
}

bool PeopleReader::neutral_source_in_sentence(size_t sentence) const {
  return std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
    size_t at = match.first_token;
    bool from = at > 0 && word_is(knowledge::WordClass::source_marker, tokens_[at - 1].word);
    // "bukan dari KPU": a negation right before the source marker denies the source; one inside the print's own
    // words ("'Jangan Golput' dari KPU") does not.
    bool denied = from && std::any_of(negations_.begin(), negations_.end(),
                                      [&](const PhraseMatch& negation) { return negation.last_token + 2 == at; });
    // "Bawaslu kab kirim poster …": an election body that opens the sentence is the one who made or sent it.
    bool opens = (at == 0 || tokens_[at - 1].sentence != sentence) &&
                 static_cast<Target>(match.label) == Target::election_body;
    return tokens_[at].sentence == sentence && knowledge::is_neutral(static_cast<Target>(match.label)) &&
           ((from && !denied) || opens);
  });
}

bool PeopleReader::candidate_in_sentence(size_t sentence) const {
  // "Kadis bikin program bibit. Yg dapet cuma pendukung paslon 2.": what is told after it, naming no act, describes it.
  size_t last = last_sentence_continuing(sentence);
  return std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
    size_t at = tokens_[match.first_token].sentence;
    return static_cast<Target>(match.label) == Target::candidate && !target_negated(match) && !kind_of_thing(match) &&
           at >= sentence && at <= last;
  });
}

// The target of an act whose clause names none: a candidate the message names anywhere (a person who runs
// included), else a neutral body it names, else none.
Target PeopleReader::target_in_message(const ActMention& act) const {
  // The targets a sentence names (before `before`, when given): a candidate outranks an incumbent, who outranks a
  // neutral body.
  auto told_in = [&](size_t sentence, size_t before) {
    std::optional<Target> told;
    for (const auto& match : targets_) {
      if (tokens_[match.first_token].sentence != sentence || target_negated(match)) continue;
      if (match.first_token >= before) continue;
      if (kind_of_thing(match) && not_campaign_print(match, sentence)) continue;
      auto target = static_cast<Target>(match.label);
      if (!told || target == Target::candidate || (target == Target::incumbent_official && *told != Target::candidate)) {
        told = target;
      }
    }
    return told;
  };
  // "KPU ngadain sosialisasi di balai desa, kami diminta hadir. Itu bukan politik praktis kan?": an act whose
  // clause names nothing is directed at the election body (or candidate) its own sentence names before it, ahead
  // of anything elsewhere in the message. Not at an office ("sy staf kecamatan" says where the writer works), nor at
  // a body named after it ("… sy kirim ke Bawaslu").
  if (auto told = told_in(act.sentence, act.first_token);
      told && (*told == Target::election_body || *told == Target::candidate)) {
    return *told;
  }
  // "Bawaslu ngadain sosialisasi … sy diundang. Dateng boleh? takut dikira ikut politik": coming told bare is to
  // the gathering the nearest sentence before it names, whatever the words after it fear — past an office, which
  // says where someone works ("adek sy caleg, ada syukuran … sy PNS di dinas pendidikan. boleh dateng?").
  for (size_t sentence = is_bare_coming(act) ? act.sentence : 0; sentence-- > 0;) {
    if (auto told = told_in(sentence, tokens_.size()); told && *told != Target::government) return *told;
  }
  bool message_candidate = false, message_incumbent = false;
  std::optional<Target> message_neutral;
  for (const auto& match : targets_) {
    if (target_negated(match)) continue;
    if (kind_of_thing(match) && not_campaign_print(match, tokens_[match.first_token].sentence)) continue;
    auto target = static_cast<Target>(match.label);
    if (target == Target::candidate) message_candidate = true;
    if (target == Target::incumbent_official) message_incumbent = true;
    if (knowledge::is_neutral(target)) message_neutral = target;
  }
  for (size_t i = 0; i < reading_.people.size(); ++i) {
    if (i != act.person && reading_.people[i].runs_for_office) message_candidate = true;
  }
  // "Bupati petahana kunker ke desa … sy kades wajib menyambut": an incumbent on official business the message
  // names, and no other candidate, is the official.
  if (message_incumbent && message_neutral && !message_candidate) return Target::incumbent_official;
  if (message_candidate || message_incumbent) return Target::candidate;
  return message_neutral.value_or(Target::none);
}

// "kampanye di masjid", "rapat timses pake ruang kelas SD": a campaign act in the clause of a place named just
// after a venue marker uses that place, as the facility rules read it. A place that only describes someone
// ("sy guru SD") is no venue.
void PeopleReader::infer_venue_use() {
  std::vector<ActMention> inferred;
  for (const auto& place : modifiers_) {
    auto modifier = static_cast<Modifier>(place.label);
    if (!is_place(modifier)) continue;
    size_t clause = tokens_[place.first_token].clause;
    bool marked = false;
    // The marker may open the place's own phrase ("di sma": a lone "sma" is chat for "sama").
    for (size_t t = place.first_token + 1; t-- > 0 && place.first_token - t <= kVenueReach;) {
      if (tokens_[t].clause != clause) break;
      if (word_is(knowledge::WordClass::venue_marker, tokens_[t].word)) marked = true;
    }
    if (!marked) continue;
    auto in_clause = [&](const ActMention& act) { return tokens_[act.first_token].clause == clause && !act.negated; };
    bool facility_named = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return in_clause(act) && (act.act == Act::use_facilities || act.act == Act::lend_facilities);
    });
    if (facility_named) continue;
    for (const auto& act : reading_.acts) {
      bool campaign_act = act.act == Act::attend_campaign || act.act == Act::organise || act.act == Act::speak ||
                          act.act == Act::join_team;
      if (!campaign_act || !in_clause(act) || act.target != Target::candidate) continue;
      ActMention use = act;
      use.act = Act::use_facilities;
      inferred.push_back(use);
      break;
    }
  }
  reading_.acts.insert(reading_.acts.end(), inferred.begin(), inferred.end());
}

void PeopleReader::settle_turnout_calls() {
  // "ajak warga ke TPS, jangan golput" invites to vote, for no one: without a candidate in its clause, an
  // invitation beside a call to turn out is that call.
  // "ngajak orang nyoblos tanpa nyebut nama calon": an invitation that denies naming any candidate, in its
  // sentence, is that call itself.
  for (auto& act : reading_.acts) {
    if (act.act != Act::invite_to_vote) continue;
    // "bilang ke warga 'jangan lupa nyoblos' tanpa nyebut adik sy": the candidate the call would be for, the
    // writer's relative who runs, is denied: a call to turn out.
    if (act.target == Target::candidate && runner_denied_in_sentence(act.sentence) &&
        !names_choice_after(act.last_token, true)) {
      act.act = Act::encourage_turnout;
      act.target = Target::none;
    }
    if (act.target == Target::candidate) continue;
    bool turnout = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == Act::encourage_turnout && tokens_[other.first_token].clause == tokens_[act.first_token].clause;
    });
    if (turnout) act.negated = true;
    // "share poster KPU ajakan nyoblos": an election body's call to vote is for no one.
    if (act.target == Target::election_body && !turnout) {
      act.act = Act::encourage_turnout;
      continue;
    }
    // "ngajak milih nomor 2 tanpa nyebut nama calon" still names whom, before the denial.
    if (candidate_denied_in_sentence(act.sentence) && !turnout && !names_choice_after(act.last_token, true)) {
      act.act = Act::encourage_turnout;
    }
  }
  // "ngajak warga ke TPS pake toa masjid", "spanduk 'Ayo ke TPS' pake dana desa", "keliling ngingetin warga ke
  // TPS", "ngumumin lewat toa biar warga dateng ke TPS", "bikin konten ngajak anak muda ke TPS": a facility, a
  // budget, a round of visits, an address or content used in a call to turn out, for no one, serves that call.
  for (auto& act : reading_.acts) {
    bool means = act.act == Act::use_facilities || act.act == Act::use_budget || act.act == Act::accompany_candidate ||
                 act.act == Act::speak || act.act == Act::make_content;
    if (!means || act.negated || act.target != Target::none) continue;
    bool for_turnout = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == Act::encourage_turnout && !other.negated && other.sentence == act.sentence;
    });
    if (for_turnout) act.negated = true;
  }
}

void PeopleReader::assign_targets() {
  for (auto& act : reading_.acts) {
    act.target = target_of(act);
    // "'nomor 2 aja mbah'", "'coblos pak H ya'": a quoted appeal that names whom is for a candidate, whatever
    // neutral body the clause names ("sy ketua KPPS …").
    bool names_whom = false;  // a choice_marker word opens the appeal or follows it; a bare number may be a date
    for (size_t t = act.first_token; t < tokens_.size() && t <= act.last_token + kChoiceReach; ++t) {
      if (word_is(knowledge::WordClass::choice_marker, tokens_[t].word)) names_whom = true;
    }
    if (act.act == Act::invite_to_vote && act.target != Target::candidate && quoted(act.first_token) && names_whom) {
      act.target = Target::candidate;
    }
    // "bilang ke warga jgn lupa coblos no 2": an appeal that names a choice right after it is for a candidate.
    if (act.act == Act::invite_to_vote && act.target == Target::none && names_choice_after(act.last_token) &&
        !candidate_denied_in_sentence(act.sentence)) {
      act.target = Target::candidate;
    }
    // "kadis bikin program bantuan bibit, tp yg nerima cuma pendukung calon bupati": the office that decides is
    // no beneficiary; a candidate its sentence names is whom the decision favours.
    if (favours_someone(act.act) && knowledge::is_neutral(act.target) && candidate_in_sentence(act.sentence)) {
      act.target = Target::candidate;
    }
  }
  settle_turnout_calls();
  // "cuma hadir di kampanye buat dengerin visi misi": attending only to listen is the passive act, not taking
  // part; the passive cue refines the attendance of the same person in the same sentence.
  for (auto& act : reading_.acts) {
    if (act.act != Act::attend_campaign || act.negated) continue;
    bool passive = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == Act::attend_passive && !other.negated && other.person == act.person &&
             other.sentence == act.sentence && !is_bare_coming(other);
    });
    if (passive) act.negated = true;
  }
  // "pinjamkan balai desa buat acara kampanye": lending a facility names who uses it — the borrower, not the
  // lender; the facility phrase's use is the same lending, refined. A service vehicle or equipment lent for a
  // campaign is the lender putting state property to campaign use (PP 94/2021 5 n angka 4): the use stands, the
  // lending is it.
  std::vector<size_t> carried_off;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& act = reading_.acts[i];
    if (act.act == Act::lend_facilities && !act.negated && lends_movable_property(act)) carried_off.push_back(i);
  }
  for (size_t i : carried_off) reading_.acts[i].act = Act::use_facilities;
  for (auto& act : reading_.acts) {
    if (act.act != Act::use_facilities || act.negated) continue;
    bool movable = names_movable_property(act);
    for (auto& other : reading_.acts) {
      if (other.act != Act::lend_facilities || other.negated || other.person != act.person ||
          other.sentence != act.sentence) {
        continue;
      }
      (movable ? other : act).negated = true;
    }
  }
}

}  // namespace netra::bot
