// Who does what to what: the people a message names, the role of each, the acts with whoever does them and what
// they are directed at, negations and circumstances, and whose act the question is about. This file runs the pass
// and reads negation scope, circumstances and acts; see reader_people.h for the other parts.
#include <algorithm>
#include <cctype>

#include "bot/reader_people.h"

namespace netra::bot {

// How strongly a role describes someone when a message gives several ("guru honorer", "pensiunan PNS",
// "bidan desa yg PPPK"): the more specific status wins over the general one.
int role_rank(Role role) {
  // When one person is given several roles the higher rank is theirs. "Pensiunan" and "honorer" qualify the ASN
  // role they are named with ("pensiunan PNS" is no longer ASN), so they outrank ASN; a PPPK contract, even one
  // only won ("honorer, baru lulus seleksi PPPK"), outranks "honorer"; a current office that the rules bind
  // ("pensiunan PNS, skrg anggota BPD") outranks them all: the office binds whatever else is true.
  switch (role) {
    case Role::minor: return 12;
    case Role::kades: return 11;
    case Role::perangkat: return 10;
    case Role::bpd: return 9;
    case Role::tni_polri: return 8;
    case Role::bumn_staff: return 8;
    case Role::election_staff: return 7;
    case Role::retired: return 6;
    case Role::pppk: return 5;  // "guru honorer, baru lulus seleksi PPPK": the contract binds (PP 49/2018 16 d)
    case Role::honorer: return 4;
    case Role::asn: return 3;
    case Role::candidate: return 2;
    case Role::rt_rw: return 2;
    case Role::citizen: return 1;
    case Role::unknown: return 0;
  }
  return 0;
}

void describe(Person& person, Role role) {
  if (role == Role::candidate) person.runs_for_office = true;
  // "ketua RT sekaligus honorer (bukan ASN)": the neighbourhood office asks care whatever frees its holder
  // otherwise (honorer, retired, a citizen's job), though never more than an office the rules bind.
  auto frees = [](Role other) { return other != Role::unknown && !knowledge::is_bound(other); };
  if (role == Role::rt_rw && frees(person.role)) {
    person.role = role;
    return;
  }
  if (person.role == Role::rt_rw && frees(role)) return;
  if (role_rank(role) > role_rank(person.role)) person.role = role;
}

// When or where an act happens ("di luar jam kerja", "pas cuti", "di masjid"), as opposed to scope words and
// facts about the message ("tidak diunggah", "mau laporin").
bool is_place(Modifier modifier) {
  return modifier == Modifier::place_worship || modifier == Modifier::place_school ||
         modifier == Modifier::place_campus || modifier == Modifier::place_government;
}

bool is_time_or_place(Modifier modifier) {
  if (is_place(modifier)) return true;
  switch (modifier) {
    case Modifier::on_leave:
    case Modifier::unpaid_leave:
    case Modifier::off_hours:
    case Modifier::private_setting:
    case Modifier::before_campaign:
    case Modifier::after_election:
    case Modifier::quiet_period:
    case Modifier::voting_day: return true;
    default: return false;
  }
}

// Acts a candidate does not do for their own campaign: when the nearest person is the writer's relative who runs,
// "boleh bantu kampanye?" is the writer's act.
bool is_support_act(Act act) {
  switch (act) {
    case Act::like:
    case Act::comment:
    case Act::share:
    case Act::post:
    case Act::follow:
    case Act::join_group:
    case Act::admin_group:
    case Act::make_content:
    case Act::attend_passive:
    case Act::attend_campaign:
    case Act::attend_declaration:
    case Act::speak:
    case Act::organise:
    case Act::join_team:
    case Act::pose_gesture:
    case Act::photo_with_candidate:
    case Act::wear_attributes:
    case Act::install_props:
    case Act::donate:
    case Act::invite_to_vote:
    case Act::accompany_candidate:
    case Act::host_candidate:
    case Act::vote:
      return true;
    default:
      return false;
  }
}

bool overlaps(const PhraseMatch& a, const PhraseMatch& b) {
  return a.first_token <= b.last_token && b.first_token <= a.last_token;
}

void PeopleReader::run() {
  drop_acts_inside_circumstances();
  drop_acts_named_as_categories();
  drop_purpose_acts();
  drop_teams_no_one_joins();
  drop_gapped_acts_spanning_others();
  drop_posts_reacted_to();
  drop_things_shared();
  drop_acts_named_by_another();
  find_negations();
  collect_modifiers();
  read_acts();
  read_mentions();
  infer_workplace_roles();
  assign_actors();
  assign_targets();
  read_asked_votes_as_appeals();
  name_speakers_told_after();
  infer_venue_use();
  grant_requested_use();
  settle_groups_left();
  disown_misused_identity();
  choose_subject();
}

void PeopleReader::collect_modifiers() {
  for (const auto& match : modifiers_) {
    auto modifier = static_cast<Modifier>(match.label);
    if (modifier == Modifier::negation || modifier == Modifier::only || modifier == Modifier::retired_marker ||
        modifier == Modifier::former_marker) {
      continue;
    }
    if (negated(match.first_token)) continue;  // "bukan jam kerja" is its own phrase; "tidak cuti" is not leave
    if (!modifier_holds(modifier, match)) continue;
    reading_.modifiers.insert(modifier);
  }
}

bool PeopleReader::word_is(knowledge::WordClass word_class, const std::string& word) const {
  return lexicon_.in(word_class, word);
}

// The clauses between open with a relativizer ("yang terus …", "yg lalu …"), and nobody is named in between.
bool PeopleReader::relative_clause_between(size_t after, size_t before) const {
  if (tokens_[before].clause > tokens_[after].clause + 2) return false;
  for (size_t t = after + 1; t < before; ++t) {
    if (tokens_[t].clause != tokens_[after].clause) {
      bool relative = word_is(knowledge::WordClass::relativizer, tokens_[t].word) ||
                      word_is(knowledge::WordClass::relativizer, tokens_[t - 1].word);
      // The one named before "yg" is what the clause describes; someone named inside it acts anew.
      return relative && !person_between(t, before);
    }
  }
  return false;
}

// A person or a role named strictly between two tokens.
bool PeopleReader::act_cue_between(size_t after, size_t before) const {
  return std::any_of(acts_.begin(), acts_.end(),
                     [&](const PhraseMatch& act) { return act.first_token > after && act.first_token < before; });
}

bool PeopleReader::person_between(size_t after, size_t before) const {
  bool role_between = std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
    return role.first_token > after && role.last_token < before;
  });
  if (role_between) return true;
  return std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& person) {
    return person.first_token > after && person.last_token < before;
  });
}

void PeopleReader::read_acts() {
  read_gifts_accepted();
  // "Keluar grup keluarga kan ga enak. Sy harus keluar ga?": a withdrawal asked about as a duty is the question's,
  // and the same withdrawal weighed elsewhere in the message is that question too, not a deed.
  bool duty_asked = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& match) { return asks_if_required(match); });
  for (const auto& match : acts_) {
    if (asks_if_required(match) || (duty_asked && static_cast<Act>(match.label) == Act::withdraw)) continue;
    ActMention act;
    act.act = static_cast<Act>(match.label);
    act.first_token = match.first_token;
    act.last_token = match.last_token;
    act.sentence = tokens_[match.first_token].sentence;
    act.negated = negated(match.first_token) || undone(match) || negated_in_gap(match);
    // "bilang ke jamaah 'pilih pak H ya'", "'coblos yg nomor 2 aja bu'": a vote quoted as said to others is an
    // appeal to vote for someone, not the speaker's own vote.
    // "cerita ke istri 'aku milih nomer 2'": a quoted vote of the quote's own "I" tells one's choice, it asks no
    // one to follow it.
    // "punya hak pilih 'pilih yg nomor 1 ya'": a vote phrase reaching into a quote is quoted too.
    bool in_quote = quoted(match.first_token) || quoted(match.last_token);
    if (act.act == Act::vote && in_quote && names_choice_after(match.last_token)) {
      act.act = Act::invite_to_vote;
    }
    // The vote word right after a quoted "I" ("bilang ke suami 'aku pilih nomor 1'") is that "I"'s own choice.
    auto quoted_i = [&](size_t token) { return token > 0 && says_i(token - 1) && quoted(token - 1); };
    bool own_choice = quoted_i(match.first_token) || quoted_i(match.last_token);
    if (act.act == Act::invite_to_vote && own_choice) act.act = Act::discuss_privately;
    reading_.acts.push_back(act);
  }
  read_quoted_choices();
  drop_content_of_media();
  settle_passive_attendance();
}

// "ada yg ngasih amplop 100rb trus sy terima aja", "sy dikasih amplop sama timses. trima aja gpp kan?": accepting
// told bare after a gift of money, given or handed to the writer, receives that gift.
void PeopleReader::read_gifts_accepted() {
  std::vector<PhraseMatch> accepted;
  for (const auto& gift : acts_) {
    auto act = static_cast<Act>(gift.label);
    if (act != Act::give_money && act != Act::receive_money) continue;
    // Accepting follows the gift in its own sentence or the next ("… ngasih amplop. Sy terima aja"); further on, a
    // "terima" is about something else.
    size_t last_sentence = tokens_[gift.last_token].sentence + 1;
    for (size_t t = gift.last_token + 1; t < tokens_.size() && tokens_[t].sentence <= last_sentence; ++t) {
      bool in_act = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
        return act.first_token <= t && t <= act.last_token;
      });
      if (in_act || !word_is(knowledge::WordClass::accepting_verb, tokens_[t].word)) continue;
      PhraseMatch received;
      received.label = static_cast<int>(Act::receive_money);
      received.first_token = received.last_token = t;
      received.words = 1;
      accepted.push_back(received);
    }
  }
  for (const auto& match : accepted) {
    bool known = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) { return act.first_token == match.first_token; });
    if (!known) acts_.push_back(match);
  }
  std::stable_sort(acts_.begin(), acts_.end(),
                   [](const PhraseMatch& a, const PhraseMatch& b) { return a.first_token < b.first_token; });
}

bool PeopleReader::modifier_holds(Modifier modifier, const PhraseMatch& match) const {
  // "semua caleg partai Y": every candidate of one party is not every candidate.
  if (modifier == Modifier::all_candidates) {
    size_t next = match.last_token + 1;
    return next >= tokens_.size() || !word_is(knowledge::WordClass::narrowing, tokens_[next].word);
  }
  // "komen 'semangat pak, sy dukung' di postingan ultah caleg": support said makes it no private greeting.
  if (modifier == Modifier::personal_post) {
    return std::none_of(tokens_.begin(), tokens_.end(),
                        [&](const Token& token) { return word_is(knowledge::WordClass::support_word, token.word); });
  }
  // "gabung grup caleg terus keluar grup RT": a group named by a candidate ("grup [WA] relawan paslon") is a
  // candidate's group, whatever other group the message names.
  if (modifier == Modifier::general_group) {
    return std::none_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
      size_t from = target.first_token >= 2 ? target.first_token - 2 : 0;
      bool after_group = false;
      for (size_t t = from; t < target.first_token; ++t) {
        after_group = after_group || word_is(knowledge::WordClass::group_word, tokens_[t].word);
      }
      return static_cast<Target>(target.label) == Target::candidate && after_group;
    });
  }
  // "minjemin sound system kantor desa": a place right after a thing that can be carried off owns it; nothing is
  // done there.
  // "pasang tenda di sekolah" names where, so a preposition between keeps the place.
  if (modifier == Modifier::place_government || modifier == Modifier::place_school) {
    for (size_t t = match.first_token; t-- > 0 && match.first_token - t <= 2;) {
      if (tokens_[t].word == "di" || word_is(knowledge::WordClass::preposition, tokens_[t].word)) break;
      if (word_is(knowledge::WordClass::movable_property, tokens_[t].word)) return false;
    }
  }
  return true;
}

// "datang ke kampanye, cuma dengerin visi misi, gk pake atribut": passive attendance says how the writer was
// there, so the plain attendance in the same sentence is that passive attendance, not active campaigning.
// "ikut kampanye akbar asal gak pake atribut": attending without attributes is how PP 94/2021's Penjelasan of
// Pasal 5 huruf n angka 1 describes passive attendance, so that attendance is passive too.
void PeopleReader::settle_passive_attendance() {
  auto in_sentence = [&](size_t sentence, Act act, bool negated) {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == act && other.negated == negated && other.sentence == sentence;
    });
  };
  // Bare coming ("kampanye akbar kmrn sy dateng") says nothing of how one was there.
  auto in_passive_attendance = [&](size_t sentence) {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == Act::attend_passive && !other.negated && other.sentence == sentence && !is_bare_coming(other);
    });
  };
  // "boleh dtg kampanye? cuma liat2 aja": a sentence right after that only says how one is there says it of that
  // attendance ("kan cuma ngajak hadir" does more than that).
  auto passive_after = [&](const ActMention& act) {
    size_t next = act.sentence + 1;
    bool other_acts = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.sentence == next && !other.negated && other.act != Act::attend_passive;
    });
    return !other_acts && in_passive_attendance(next);
  };
  reading_.acts.erase(std::remove_if(reading_.acts.begin(), reading_.acts.end(),
                                     [&](const ActMention& act) {
                                       return act.act == Act::attend_campaign &&
                                              (in_passive_attendance(act.sentence) || passive_after(act));
                                     }),
                      reading_.acts.end());
  auto active = [&](const ActMention& act) {
    for (size_t t = act.first_token; t <= act.last_token; ++t) {
      if (word_is(knowledge::WordClass::active_attendance, tokens_[t].word)) return true;
    }
    return false;
  };
  for (auto& act : reading_.acts) {
    if (act.act == Act::attend_campaign && !act.negated && !active(act) &&
        in_sentence(act.sentence, Act::wear_attributes, true)) {
      act.act = Act::attend_passive;
    }
  }
}

// "menolak perintah pasang baliho", "keluar dari grup yg suka share konten caleg": an act after a withdrawal in
// its clause is what is refused or undone, as if negated.
// "harus unfollow?", "perlu keluar dari grup timses?": whether the withdrawal is required asks about what it would
// withdraw, which stands until then.
bool PeopleReader::asks_if_required(const PhraseMatch& withdrawal) const {
  if (static_cast<Act>(withdrawal.label) != Act::withdraw) return false;
  for (size_t t = withdrawal.first_token; t-- > 0 && withdrawal.first_token - t <= 2;) {
    if (tokens_[t].clause != tokens_[withdrawal.first_token].clause) return false;
    if (word_is(knowledge::WordClass::necessity, tokens_[t].word)) return true;
  }
  return false;
}

void Reader::read_people_and_acts(Reading& reading, const Cues& cues) const {
  PeopleReader(reading, cues.roles, cues.people, cues.acts, cues.targets, cues.modifiers, cues.negations, cues.message,
               analyzer_.lexicon())
      .run();
}

}  // namespace netra::bot
