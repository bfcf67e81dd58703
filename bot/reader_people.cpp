// Who does what to what: the people a message names, the role of each, the acts with whoever does them and what
// they are directed at, negations and circumstances, and whose act the question is about.
#include <algorithm>

#include "bot/reader.h"
#include "bot/reader_internal.h"

namespace netra::bot {
namespace {

// How strongly a role describes someone when a message gives several ("guru honorer", "pensiunan PNS",
// "bidan desa yg PPPK"): the more specific status wins over the general one.
int role_rank(Role role) {
  // When one person is given several roles the higher rank is theirs. "Pensiunan"/"honorer" qualify the ASN role
  // they are named with ("pensiunan PNS" is no longer ASN), so they outrank ASN and PPPK; a current office that
  // the rules bind ("pensiunan PNS, skrg anggota BPD") outranks them: the office binds whatever else is true.
  switch (role) {
    case Role::minor: return 12;
    case Role::kades: return 11;
    case Role::perangkat: return 10;
    case Role::bpd: return 9;
    case Role::tni_polri: return 8;
    case Role::bumn_staff: return 8;
    case Role::election_staff: return 7;
    case Role::retired: return 6;
    case Role::honorer: return 5;
    case Role::pppk: return 4;
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
  if (role_rank(role) > role_rank(person.role)) person.role = role;
}

// When or where an act happens ("di luar jam kerja", "pas cuti", "di masjid"), as opposed to scope words and
// facts about the message ("tidak diunggah", "mau laporin").
bool is_time_or_place(Modifier modifier) {
  switch (modifier) {
    case Modifier::on_leave:
    case Modifier::unpaid_leave:
    case Modifier::off_hours:
    case Modifier::private_setting:
    case Modifier::before_campaign:
    case Modifier::after_election:
    case Modifier::quiet_period:
    case Modifier::voting_day:
    case Modifier::place_worship:
    case Modifier::place_school:
    case Modifier::place_campus:
    case Modifier::place_government: return true;
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

// Everything the pass over one message keeps track of.
constexpr size_t kUndoneReach = 12;  // words from a withdrawal to the act it undoes, within its clause
// Words between an act and a purpose word that still makes the purpose word "for" ("dipinjamkan gratis buat").
constexpr size_t kPurposeReach = 2;
// How far after an invitation the act it asks for may be named ("ajak semua guru nyoblos").
constexpr size_t kContentReach = 4;
// Words a venue marker may stand before its place ("di ruang kelas SD", "di halaman masjid").
constexpr size_t kVenueReach = 3;
// Words from a relativizer to the act of its clause ("yg ikut share", "yang sudah pernah like").
constexpr size_t kRelativeReach = 3;

class PeopleReader {
 public:
  PeopleReader(Reading& reading, const std::vector<PhraseMatch>& roles, const std::vector<PhraseMatch>& people,
               const std::vector<PhraseMatch>& acts, const std::vector<PhraseMatch>& targets,
               const std::vector<PhraseMatch>& modifiers, const std::vector<PhraseMatch>& negations,
               const std::vector<PhraseMatch>& message_cues, const knowledge::Lexicon& lexicon)
      : reading_(reading),
        lexicon_(lexicon),
        tokens_(reading.tokens),
        roles_(roles),
        people_(people),
        acts_(acts),
        targets_(targets),
        modifiers_(modifiers),
        negation_cues_(negations),
        message_cues_(message_cues) {}

  void run() {
    drop_acts_inside_circumstances();
    drop_purpose_acts();
    drop_acts_named_by_another();
    find_negations();
    collect_modifiers();
    read_acts();
    read_mentions();
    assign_actors();
    assign_targets();
    infer_venue_use();
    choose_subject();
  }

 private:
  struct Mention {
    size_t token = 0;   // first token
    size_t last = 0;    // last token
    size_t person = 0;  // index into reading_.people
    bool actor = true;  // false: named as an object or a possessor, not as someone who acts
  };

  // --- negation scope
  void find_negations() {
    for (const auto& match : negation_cues_) {
      if (is_question_tag(match) || negates_permission(match)) continue;
      negations_.push_back(match);
    }
  }

  // "boleh gk", "aman ga?", "bisa tidak": a negation after a question or verdict word, or at the end of a
  // clause, asks; it negates nothing.
  bool is_question_tag(const PhraseMatch& negation) const {
    size_t at = negation.first_token;
    if (negation.last_token + 1 >= tokens_.size() ||
        tokens_[negation.last_token + 1].clause != tokens_[negation.last_token].clause) {
      return true;
    }
    if (at == 0) return false;
    for (const auto& cue : message_cues_) {
      // Right after a question or verdict word ("boleh gk"), or part of a question phrase ("bisa tidak").
      if (cue.last_token + 1 == at || (cue.first_token < at && at <= cue.last_token)) {
        auto kind = static_cast<knowledge::MessageCue>(cue.label);
        if (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict) return true;
      }
    }
    return false;
  }

  // "gak boleh komentar di postingan capres?": a negation right before a verdict word negates the permission
  // asked about, not the act after it.
  bool negates_permission(const PhraseMatch& negation) const {
    return std::any_of(message_cues_.begin(), message_cues_.end(), [&](const PhraseMatch& cue) {
      return cue.first_token == negation.last_token + 1 &&
             static_cast<knowledge::MessageCue>(cue.label) == knowledge::MessageCue::verdict;
    });
  }

  // The first token of the negation that negates `token` (for "bkn ASN": the token of "bkn"), or `token`.
  size_t negation_start(size_t token) const {
    for (const auto& negation : negations_) {
      if (negation.last_token < token && token - negation.last_token <= 3) return negation.first_token;
    }
    return token;
  }

  // True when a negation stands within three words before `token` in its clause, with no act in between.
  bool negated(size_t token) const {
    for (const auto& negation : negations_) {
      if (negation.last_token >= token || token - negation.last_token > 3) continue;
      if (tokens_[negation.last_token].clause != tokens_[token].clause) continue;
      bool act_between = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
        return act.first_token > negation.last_token && act.first_token < token;
      });
      if (!act_between) return true;
    }
    // "gak pernah komen atau share": a negation reaches across acts joined by "atau", "dan", "maupun".
    if (token >= 2 && tokens_[token - 1].clause == tokens_[token].clause &&
        word_is(knowledge::WordClass::coordinator, tokens_[token - 1].word)) {
      for (const auto& act : acts_) {
        if (act.last_token == token - 2 && act.first_token < token - 1 && negated(act.first_token)) return true;
      }
    }
    return false;
  }

  // --- circumstances
  void collect_modifiers() {
    for (const auto& match : modifiers_) {
      auto modifier = static_cast<Modifier>(match.label);
      if (modifier == Modifier::negation || modifier == Modifier::only || modifier == Modifier::retired_marker ||
          modifier == Modifier::former_marker) {
        continue;
      }
      if (negated(match.first_token)) continue;  // "bukan jam kerja" is its own phrase; "tidak cuti" is not leave
      reading_.modifiers.insert(modifier);
    }
  }

  bool word_is(knowledge::WordClass word_class, const std::string& word) const {
    return lexicon_.in(word_class, word);
  }

  // "di luar jam kerja" is a circumstance; the act cue "jam kerja" (campaigning in office time) inside it is not
  // an act. A longer circumstance or object phrase wins over an act phrase it contains, as the longer phrase does
  // within one vocabulary.
  void drop_acts_inside_circumstances() {
    std::vector<PhraseMatch> kept;
    for (const auto& act : acts_) {
      // "like postingan Bawaslu ttg tolak politik uang": a longer object phrase wins over the act cue inside it.
      bool inside_target = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
        return target.words > act.words && target.first_token <= act.first_token && target.last_token >= act.last_token;
      });
      if (inside_target) continue;
      bool inside = std::any_of(modifiers_.begin(), modifiers_.end(), [&](const PhraseMatch& modifier) {
        return is_time_or_place(static_cast<Modifier>(modifier.label)) && modifier.words > act.words &&
               modifier.first_token <= act.first_token && modifier.last_token >= act.last_token;
      });
      if (!inside) kept.push_back(act);
    }
    acts_ = std::move(kept);
  }

  // A vote named right after an invitation in the same clause is what the invitation asks for, not an act of its
  // own: in "ajak semua guru nyoblos" the writer does not vote. Not after a passive ("sy diajak nyoblos"): there
  // the writer is the one who votes.
  void drop_acts_named_by_another() {
    std::vector<PhraseMatch> kept;
    for (const auto& match : acts_) {
      auto act = static_cast<Act>(match.label);
      bool named = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
        if (other.last_token >= match.first_token || match.first_token - other.last_token > kContentReach) return false;
        if (tokens_[other.last_token].clause != tokens_[match.first_token].clause) return false;
        if (person_between(other.last_token, match.first_token)) return false;
        auto by = static_cast<Act>(other.label);
        bool passive = word_is(knowledge::WordClass::passive_verb, tokens_[other.first_token].word);
        return (by == Act::invite_to_vote || by == Act::mobilise_staff) && act == Act::vote && !passive;
      });
      if (!named) kept.push_back(match);
    }
    acts_ = std::move(kept);
  }

  // The clauses between open with a relativizer ("yang terus …", "yg lalu …"), and nobody is named in between.
  bool relative_clause_between(size_t after, size_t before) const {
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
  bool person_between(size_t after, size_t before) const {
    bool role_between = std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
      return role.first_token > after && role.last_token < before;
    });
    if (role_between) return true;
    return std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& person) {
      return person.first_token > after && person.last_token < before;
    });
  }

  // "gedung dipinjamkan buat acara kampanye": "buat" right after another act is "for", so an act cue that starts
  // with a purpose word there ("buat acara" = organise) is not an act of its own; nor is a content noun there.
  void drop_purpose_acts() {
    std::vector<PhraseMatch> kept;
    for (const auto& match : acts_) {
      // "nonton debat saya buat video": a person between the two acts is the subject of a new act, so "buat" is
      // "make" there, not "for".
      bool after_act = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
        return other.last_token < match.first_token && match.first_token - other.last_token <= kPurposeReach &&
               tokens_[other.last_token].clause == tokens_[match.first_token].clause &&
               !person_between(other.last_token, match.first_token);
      });
      bool purpose = word_is(knowledge::WordClass::purpose, tokens_[match.first_token].word);
      // "share konten", "like video": one word of content right after an act is that act's object, not making it.
      bool content_object = static_cast<Act>(match.label) == Act::make_content && match.first_token == match.last_token;
      if (!(after_act && (purpose || content_object))) kept.push_back(match);
    }
    acts_ = std::move(kept);
  }

  // --- acts
  void read_acts() {
    for (const auto& match : acts_) {
      ActMention act;
      act.act = static_cast<Act>(match.label);
      act.first_token = match.first_token;
      act.last_token = match.last_token;
      act.sentence = tokens_[match.first_token].sentence;
      act.negated = negated(match.first_token) || undone(match);
      reading_.acts.push_back(act);
    }
    drop_attendance_described_as_passive();
  }

  // "datang ke kampanye, cuma dengerin visi misi, gk pake atribut": passive attendance says how the writer was
  // there, so the plain attendance in the same sentence is that passive attendance, not active campaigning.
  void drop_attendance_described_as_passive() {
    auto passive_in = [&](size_t sentence) {
      return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
        return act.act == Act::attend_passive && !act.negated && act.sentence == sentence;
      });
    };
    reading_.acts.erase(std::remove_if(reading_.acts.begin(), reading_.acts.end(),
                                       [&](const ActMention& act) {
                                         return act.act == Act::attend_campaign && passive_in(act.sentence);
                                       }),
                        reading_.acts.end());
  }

  // "menolak perintah pasang baliho", "keluar dari grup yg suka share konten caleg": an act after a withdrawal in
  // its clause is what is refused or undone, as if negated.
  bool undone(const PhraseMatch& match) const {
    return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
      // "blokir nomor caleg yg terus kirim broadcast": a clause opened inside a relative clause ("yg terus …")
      // still describes what is blocked; any other clause ("nolak jadi timses tapi pasang baliho") is a new act.
      return static_cast<Act>(other.label) == Act::withdraw && other.last_token < match.first_token &&
             match.first_token - other.last_token <= kUndoneReach &&
             (tokens_[other.last_token].clause == tokens_[match.first_token].clause ||
              relative_clause_between(other.last_token, match.first_token));
    });
  }

  // --- people
  bool overlaps_act(const PhraseMatch& match) const {
    return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) { return overlaps(act, match); });
  }

  bool act_follows_in_clause(const PhraseMatch& match) const {
    return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
      return act.first_token > match.last_token && tokens_[act.first_token].clause == tokens_[match.first_token].clause;
    });
  }

  bool clause_start(size_t token) const { return token == 0 || tokens_[token - 1].clause != tokens_[token].clause; }

  // The token before `token` in its clause, skipping honorifics ("disuruh pak camat", "ke bu kades"), or none.
  std::optional<size_t> word_before(size_t token) const {
    size_t at = token;
    while (at > 0 && tokens_[at - 1].clause == tokens_[token].clause) {
      --at;
      if (!word_is(knowledge::WordClass::honorific, tokens_[at].word)) return at;
    }
    return std::nullopt;
  }

  bool after_object_marker(size_t token) const {
    auto before = word_before(token);
    return before && word_is(knowledge::WordClass::object_marker, tokens_[*before].word);
  }

  // "diajak temen", "disuruh kades", "dipiwarang caleg": the person after a passive verb asks or orders; the act
  // that follows is the writer's.
  bool after_passive_verb(size_t token) const {
    auto before = word_before(token);
    return before && word_is(knowledge::WordClass::passive_verb, tokens_[*before].word);
  }

  // A candidate named in the middle of a clause owns something ("brosur caleg", "acara paslon"); one who acts
  // opens the clause ("caleg bagi sembako", "timses caleg ngadain pengajian").
  bool opens_clause(size_t token) const {
    for (size_t t = token; t-- > 0;) {
      if (tokens_[t].clause != tokens_[token].clause) return true;
      if (!word_is(knowledge::WordClass::description_filler, tokens_[t].word) && !word_is(knowledge::WordClass::time_word, tokens_[t].word)) return false;
    }
    return true;
  }

  // The last mention (actor or not) ending just before `token`, ignoring description fillers, within `reach`
  // words and with no act in between: the person a role at `token` describes ("sy guru", "suami sy kades").
  std::optional<size_t> described_by(size_t token, size_t reach) const {
    for (size_t i = mentions_.size(); i-- > 0;) {
      const Mention& mention = mentions_[i];
      if (mention.last >= token) continue;
      if (token - mention.last > reach) return std::nullopt;
      if (tokens_[mention.last].sentence != tokens_[token].sentence) return std::nullopt;
      for (size_t between = mention.last + 1; between < token; ++between) {
        if (!word_is(knowledge::WordClass::description_filler, tokens_[between].word)) return std::nullopt;
      }
      bool act_between = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
        return act.first_token > mention.last && act.first_token < token;
      });
      if (act_between) return std::nullopt;
      return i;
    }
    return std::nullopt;
  }

  size_t add_person(Person person) {
    reading_.people.push_back(person);
    return reading_.people.size() - 1;
  }

  // The person a relation word names: the same relation named again is the same person.
  size_t relation_person(Relation relation) {
    for (size_t i = 1; i < reading_.people.size(); ++i) {
      if (reading_.people[i].kind == Person::Kind::relation && reading_.people[i].relation == relation) return i;
    }
    Person person;
    person.kind = Person::Kind::relation;
    person.relation = relation;
    return add_person(person);
  }

  size_t generic_person(Role role) {
    for (size_t i = 1; i < reading_.people.size(); ++i) {
      if (reading_.people[i].kind == Person::Kind::generic && reading_.people[i].role == role) return i;
    }
    Person person;
    person.kind = Person::Kind::generic;
    describe(person, role);
    return add_person(person);
  }

  // The last third party named before `token` (for "dia", "beliau").
  std::optional<size_t> last_third_party(size_t token) const {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->token < token && it->person != 0) return it->person;
    }
    return std::nullopt;
  }

  void read_mentions() {
    // People and role cues in message order; a role inside an act ("jd timses") is the act, not a description.
    std::vector<std::pair<const PhraseMatch*, bool>> ordered;  // (match, is_role)
    for (const auto& match : people_) {
      bool inside_role = std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& r) {
        return overlaps(r, match) && r.words > match.words;
      });
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
  bool does_relative_clause_act(const PhraseMatch& role) const {
    size_t next = role.last_token + 1;
    if (next >= tokens_.size() || !word_is(knowledge::WordClass::relativizer, tokens_[next].word)) return false;
    return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
      return act.first_token > next && act.first_token - next <= kRelativeReach &&
             tokens_[act.first_token].clause == tokens_[next].clause;
    });
  }

  bool ends_act(const PhraseMatch& role) const {
    return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
      return act.first_token < role.first_token && act.last_token == role.last_token;
    });
  }

  void read_person(const PhraseMatch& match) {
    size_t token = match.first_token;
    if (match.label == kVocativeLabel) return;
    if (match.label == kSelfLabel) {
      // "suami saya", "temen sy", "camat kami": a possessor, not someone who acts.
      if (auto owner = described_by(token, 1); owner && tokens_[token - 1].clause == tokens_[token].clause) {
        mentions_[*owner].last = match.last_token;  // "suami saya kades": the role still describes the husband
        return;
      }
      // "desa kami", "rumah saya": a possessor of a thing.
      if (token > 0 && tokens_[token - 1].clause == tokens_[token].clause && !word_is(knowledge::WordClass::actor_introducer, tokens_[token - 1].word) &&
          !word_is(knowledge::WordClass::time_word, tokens_[token - 1].word) && !word_is(knowledge::WordClass::passive_verb, tokens_[token - 1].word)) {
        return;
      }
      reading_.people[0].mentioned = true;
      mentions_.push_back({token, match.last_token, 0, true});
      return;
    }
    if (match.label == kThirdPersonLabel) {
      if (auto person = last_third_party(token)) {
        mentions_.push_back({token, match.last_token, *person, true});
      } else {
        // "ternyata beliau juga nyaleg" after a name the vocabulary does not know: still someone else, never the
        // writer.
        Person someone;
        someone.kind = Person::Kind::generic;
        bool actor = !after_object_marker(token) && !after_passive_verb(token);
        mentions_.push_back({token, match.last_token, add_person(someone), actor});
      }
      return;
    }
    size_t person = relation_person(static_cast<Relation>(match.label));
    // "kondangan sodara", "rumah temen": a relative who owns something does not act.
    bool as_description = token > 0 && (tokens_[token - 1].word == "sebagai" || tokens_[token - 1].word == "as");
    bool actor = !after_object_marker(token) && !after_passive_verb(token) && opens_clause(token) && !as_description;
    mentions_.push_back({token, match.last_token, person, actor});
  }

  void read_role(const PhraseMatch& match) {
    size_t token = match.first_token;
    auto role = static_cast<Role>(match.label);
    if (negated(token)) {
      // "sy bkn ASN", "blm PPPK, msh honorer": who someone is not. Unless the message says what they are, they
      // are bound by nothing the denied role would bind them to.
      if (auto described = described_by(negation_start(token), 4)) {
        Mention& mention = mentions_[*described];
        Person& person = reading_.people[mention.person];
        // "honorer, bukan PNS bukan PPPK": an honorer who is not ASN is bound by no ASN rule, a citizen. "dosen,
        // bukan ASN": a job that usually means ASN, denied as ASN outright, is a citizen's. "guru bukan PNS" is not
        // enough: a PPPK is ASN without being PNS, so the job stays ASN.
        bool not_asn = role == Role::asn || role == Role::pppk;
        bool denies_all_asn = role == Role::asn && tokens_[token].word == "asn";
        if ((person.role == Role::honorer && not_asn) || (person.role == Role::asn && denies_all_asn)) {
          person.role = Role::citizen;
        }
        // "sy bukan PNS" alone leaves open whether the writer is a PPPK; only a denial of ASN as a whole says
        // they are bound by no ASN rule.
        if (denies_all_asn || role != Role::asn) describe(person, Role::citizen);
        mention.last = match.last_token;
      }
      return;
    }
    // "pensiunan PNS", "mantan kades": a former holder is bound by none of that role's rules.
    for (const auto& modifier : modifiers_) {
      auto kind = static_cast<Modifier>(modifier.label);
      if (modifier.last_token < token && token - modifier.last_token <= 2 &&
          (kind == Modifier::retired_marker || kind == Modifier::former_marker)) {
        role = kind == Modifier::retired_marker ? Role::retired : Role::citizen;
      }
    }
    // "istri pak kades", "anak camat": right after a relative who has no "saya", a role names whose relative it is.
    bool possessor_of_relative = false;
    if (auto described = described_by(token, 2); described && mentions_[*described].person != 0) {
      const Mention& relative = mentions_[*described];
      bool own_relative = relative.last > relative.token;  // extended by "saya", "ku": the writer's relative
      possessor_of_relative = reading_.people[relative.person].kind == Person::Kind::relation && !own_relative &&
                              relative.last + 1 >= token - 1;
    }
    if (auto described = described_by(token, 4); described && !possessor_of_relative) {
      Mention& mention = mentions_[*described];
      if (!(mention.person == 0 && reading_.role_given)) describe(reading_.people[mention.person], role);
      mention.last = match.last_token;  // "sy bidan PNS": PNS describes the writer too
      return;
    }
    // "sbg kaur, blh gk …": the writer's role.
    if (!possessor_of_relative && token > 0 && (tokens_[token - 1].word == "sebagai" || tokens_[token - 1].word == "as") &&
        !reading_.role_given) {
      describe(reading_.people[0], role);
      return;
    }
    bool marked_object = after_object_marker(token) && !does_relative_clause_act(match);
    if (marked_object || after_passive_verb(token) || possessor_of_relative) return;
    if (role == Role::candidate && !opens_clause(token)) return;
    size_t person = generic_person(role);
    mentions_.push_back({token, match.last_token, person, true});
  }

  // --- who does each act
  std::optional<size_t> last_actor(size_t token, bool same_clause, bool same_sentence) const {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (!it->actor || it->token >= token) continue;
      if (same_clause && tokens_[it->token].clause != tokens_[token].clause) continue;
      if (same_sentence && tokens_[it->token].sentence != tokens_[token].sentence) continue;
      return it->person;
    }
    return std::nullopt;
  }

  std::optional<size_t> next_actor_in_sentence(size_t token) const {
    for (const auto& mention : mentions_) {
      if (mention.actor && mention.token > token && tokens_[mention.token].sentence == tokens_[token].sentence) {
        return mention.person;
      }
    }
    return std::nullopt;
  }

  // When an asking verb stands between the last person named in the clause and `token`, who is asked: the person
  // named after the verb, or the writer.
  std::optional<size_t> asked_actor(size_t token) const {
    size_t clause = tokens_[token].clause;
    std::optional<size_t> verb;
    for (size_t t = token; t-- > 0 && tokens_[t].clause == clause;) {
      if (word_is(knowledge::WordClass::asking_verb, tokens_[t].word)) {
        verb = t;
        break;
      }
    }
    if (!verb) return std::nullopt;
    // The person named between the verb and the act, if any ("nyuruh pegawai hadir").
    for (const auto& mention : mentions_) {
      if (mention.token > *verb && mention.token < token) return mention.person;
    }
    // Someone named before the verb in the clause asks; the writer, named or not, is asked ("bos sy minta forward
    // …, gmn nih?" asks what the writer should do).
    for (const auto& mention : mentions_) {
      if (mention.token < *verb && tokens_[mention.token].clause == clause && mention.actor && mention.person != 0) {
        return std::size_t{0};
      }
    }
    return std::nullopt;
  }

  void assign_actors() {
    bool asker_present = reading_.people[0].mentioned;
    for (auto& act : reading_.acts) {
      std::optional<size_t> actor = last_actor(act.first_token, true, false);
      // "bos sy minta forward …": the one asked does it — named after the verb, or the writer.
      if (auto asked = asked_actor(act.first_token)) actor = *asked;
      if (!actor) actor = last_actor(act.first_token, false, true);
      if (!actor && asker_present) actor = 0;
      if (!actor) actor = last_actor(act.first_token, false, false);
      if (!actor) actor = next_actor_in_sentence(act.first_token);
      size_t person = actor.value_or(0);
      // A relative who runs does not help their own campaign: the writer asks about their own help.
      const Person& who = reading_.people[person];
      if (who.kind == Person::Kind::relation && who.runs_for_office && is_support_act(act.act) &&
          !last_actor(act.first_token, true, false)) {
        person = 0;
      }
      act.person = person;
      if (act.act == Act::run_for_office && !act.negated) reading_.people[person].runs_for_office = true;
    }
  }

  // --- what each act is directed at
  bool target_negated(const PhraseMatch& target) const { return negated(target.first_token); }

  bool incumbent_named() const {
    return std::any_of(targets_.begin(), targets_.end(), [](const PhraseMatch& t) {
      return static_cast<Target>(t.label) == Target::incumbent_official;
    });
  }

  // A target cue that only names the kind of a printed thing: the chat map writes "stiker" as "stiker alat
  // peraga", and "alat peraga" (campaign props) ends in a printed-thing word. It names no owner and no candidate.
  bool kind_of_thing(const PhraseMatch& match) const {
    return word_is(knowledge::WordClass::owned_thing, tokens_[match.last_token].word);
  }

  // The target of one act: in its clause, the owner of a post ("unggahan dinkes") first, then a candidate, then
  // a neutral body; failing that, a candidate the message names anywhere (a person who runs included).
  Target target_of(const ActMention& act) const {
    size_t clause = tokens_[act.first_token].clause;
    bool candidate = false, incumbent = false;
    std::optional<Target> neutral, owner;
    size_t owner_token = 0;
    for (const auto& match : targets_) {
      if (tokens_[match.first_token].clause != clause || target_negated(match)) continue;
      auto target = static_cast<Target>(match.label);
      if (match.first_token > 0 && match.first_token > act.last_token && !owner && !kind_of_thing(match) &&
          word_is(knowledge::WordClass::owned_thing, tokens_[match.first_token - 1].word)) {
        owner = target;
        owner_token = match.last_token;
      }
      if (target == Target::candidate) candidate = true;
      if (target == Target::incumbent_official) incumbent = true;
      if (knowledge::is_neutral(target)) neutral = target;
    }
    // "baliho KPU yg ada foto paslon 2": a candidate named after a neutral owner, in the clause, is on the owner's
    // print and wins over it ("komen dukungan di postingan Bawaslu": the support named before is the comment's).
    bool candidate_named = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& match) {
      return tokens_[match.first_token].clause == clause && match.first_token > owner_token && !target_negated(match) &&
             static_cast<Target>(match.label) == Target::candidate && !kind_of_thing(match);
    });
    if (owner && knowledge::is_neutral(*owner) && candidate_named) return Target::candidate;
    if (owner) {
      if (knowledge::is_neutral(*owner) && incumbent_named()) return Target::incumbent_official;
      return *owner == Target::incumbent_official ? Target::candidate : *owner;
    }
    if (neutral && (incumbent || (!candidate && incumbent_named()))) return Target::incumbent_official;
    if (candidate || incumbent) return Target::candidate;
    if (neutral) return *neutral;
    for (const auto& mention : mentions_) {
      if (tokens_[mention.token].clause == clause && mention.person != act.person &&
          reading_.people[mention.person].runs_for_office) {
        return Target::candidate;
      }
    }
    // The rest of the message.
    bool message_candidate = false;
    std::optional<Target> message_neutral;
    for (const auto& match : targets_) {
      if (target_negated(match)) continue;
      auto target = static_cast<Target>(match.label);
      if (target == Target::candidate || target == Target::incumbent_official) message_candidate = true;
      if (knowledge::is_neutral(target)) message_neutral = target;
    }
    for (size_t i = 0; i < reading_.people.size(); ++i) {
      if (i != act.person && reading_.people[i].runs_for_office) message_candidate = true;
    }
    if (message_candidate) return Target::candidate;
    return message_neutral.value_or(Target::none);
  }

  // "kampanye di masjid", "rapat timses pake ruang kelas SD": a campaign act in the clause of a place named just
  // after a venue marker uses that place, as the facility rules read it. A place that only describes someone
  // ("sy guru SD") is no venue.
  void infer_venue_use() {
    std::vector<ActMention> inferred;
    for (const auto& place : modifiers_) {
      auto modifier = static_cast<Modifier>(place.label);
      if (modifier != Modifier::place_worship && modifier != Modifier::place_school &&
          modifier != Modifier::place_campus && modifier != Modifier::place_government) {
        continue;
      }
      size_t clause = tokens_[place.first_token].clause;
      bool marked = false;
      for (size_t t = place.first_token; t-- > 0 && place.first_token - t <= kVenueReach;) {
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

  void assign_targets() {
    for (auto& act : reading_.acts) act.target = target_of(act);
    // "ajak warga ke TPS, jangan golput" invites to vote, for no one: without a candidate in its clause, an
    // invitation beside a call to turn out is that call.
    for (auto& act : reading_.acts) {
      if (act.act != Act::invite_to_vote || act.target == Target::candidate) continue;
      bool turnout = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
        return other.act == Act::encourage_turnout && tokens_[other.first_token].clause == tokens_[act.first_token].clause;
      });
      if (turnout) act.negated = true;
    }
    // "cuma hadir di kampanye buat dengerin visi misi": attending only to listen is the passive act, not taking
    // part; the passive cue refines the attendance of the same person in the same sentence.
    for (auto& act : reading_.acts) {
      if (act.act != Act::attend_campaign || act.negated) continue;
      bool passive = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
        return other.act == Act::attend_passive && !other.negated && other.person == act.person &&
               other.sentence == act.sentence;
      });
      if (passive) act.negated = true;
    }
    // "pinjamkan balai desa buat acara kampanye": lending a facility names who uses it — the borrower, not the
    // lender; the facility phrase's use is the same lending, refined.
    for (auto& act : reading_.acts) {
      if (act.act != Act::use_facilities || act.negated) continue;
      bool lent = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
        return other.act == Act::lend_facilities && !other.negated && other.person == act.person &&
               other.sentence == act.sentence;
      });
      if (lent) act.negated = true;
    }
  }

  // --- the subject: whose act the question is about
  void choose_subject() {
    reading_.focus_sentence = focus_sentence();
    std::optional<size_t> sentence;
    // The question's sentence, else the nearest sentence before it that names an act, else after it.
    auto has_acts = [&](size_t s) {
      return std::any_of(reading_.acts.begin(), reading_.acts.end(),
                         [&](const ActMention& a) { return a.sentence == s && !a.negated; });
    };
    for (size_t s = reading_.focus_sentence + 1; s-- > 0;) {
      if (has_acts(s)) {
        sentence = s;
        break;
      }
    }
    if (!sentence) {
      for (size_t s = reading_.focus_sentence + 1; s < reading_.sentence_count; ++s) {
        if (has_acts(s)) {
          sentence = s;
          break;
        }
      }
    }
    // "istri pak kades ikut kampanye, pak kadesnya kena jg gk?": the question's own clause names whom it asks
    // about and gives them no act; that person's acts anywhere in the message are the question.
    if (auto asked_about = person_of_question_clause()) {
      reading_.subject = *asked_about;
      for (size_t i = 0; i < reading_.acts.size(); ++i) {
        if (!reading_.acts[i].negated && reading_.acts[i].person == *asked_about) reading_.asked_acts.push_back(i);
      }
      finish_subject();
      return;
    }
    if (sentence) {
      // The writer's own act comes first: the relative is context ("suami sy timses, sy boleh ikut rapat?").
      std::optional<size_t> subject;
      for (const auto& act : reading_.acts) {
        if (act.sentence == *sentence && !act.negated && act.person == 0) subject = 0;
      }
      if (!subject) {
        for (const auto& act : reading_.acts) {
          if (act.sentence == *sentence && !act.negated) {
            subject = act.person;
            break;
          }
        }
      }
      reading_.subject = *subject;
      for (size_t i = 0; i < reading_.acts.size(); ++i) {
        const auto& act = reading_.acts[i];
        if (act.sentence == *sentence && !act.negated && act.person == reading_.subject) reading_.asked_acts.push_back(i);
      }
    } else {
      reading_.subject = subject_without_acts();
    }
    finish_subject();
  }

  void finish_subject() {
    const Person& subject = reading_.people[reading_.subject];
    reading_.role_assumed = subject.role == Role::unknown && subject.kind == Person::Kind::asker;
    // "istri sy caleg … boleh gk sy dampingi?": the candidate is the writer's spouse.
    if (reading_.subject == 0) {
      for (const auto& person : reading_.people) {
        if (person.kind == Person::Kind::relation && person.relation == Relation::spouse && person.runs_for_office) {
          reading_.modifiers.insert(Modifier::spouse_is_candidate);
        }
      }
    }
  }

  // The person named as the one who acts in the last clause of the question's sentence, when that clause holds a
  // question word and no act of its own.
  std::optional<size_t> person_of_question_clause() const {
    if (tokens_.empty()) return std::nullopt;
    size_t last_clause = SIZE_MAX;
    for (const auto& token : tokens_) {
      if (token.sentence == reading_.focus_sentence) last_clause = token.clause;
    }
    if (last_clause == SIZE_MAX) return std::nullopt;
    bool acts_in_clause = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return tokens_[act.first_token].clause == last_clause;
    });
    bool asks_in_clause = std::any_of(message_cues_.begin(), message_cues_.end(), [&](const PhraseMatch& cue) {
      auto kind = static_cast<knowledge::MessageCue>(cue.label);
      return tokens_[cue.first_token].clause == last_clause &&
             (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict ||
              kind == knowledge::MessageCue::sanction);
    });
    if (acts_in_clause || !asks_in_clause) return std::nullopt;
    for (const auto& mention : mentions_) {
      if (mention.actor && tokens_[mention.token].clause == last_clause && mention.person != 0) return mention.person;
    }
    return std::nullopt;
  }

  size_t subject_without_acts() const {
    if (reading_.people[0].role != Role::unknown || reading_.people[0].mentioned) return 0;
    for (const auto& mention : mentions_) {
      if (mention.actor && mention.person != 0) return mention.person;
    }
    return 0;
  }

  // The last sentence with a question mark or a question word; the last sentence when none asks.
  size_t focus_sentence() const {
    std::optional<size_t> focus;
    for (const auto& cue : message_cues_) {
      auto kind = static_cast<knowledge::MessageCue>(cue.label);
      if (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict ||
          kind == knowledge::MessageCue::sanction || kind == knowledge::MessageCue::procedure ||
          kind == knowledge::MessageCue::deadline || kind == knowledge::MessageCue::definition) {
        focus = std::max(focus.value_or(0), tokens_[cue.first_token].sentence);
      }
    }
    const std::string& text = reading_.text;
    for (const auto& token : tokens_) {
      // A question mark right after a token's sentence.
      size_t after = token.end;
      while (after < text.size() && (text[after] == ' ' || text[after] == '!')) ++after;
      if (after < text.size() && text[after] == '?') focus = std::max(focus.value_or(0), token.sentence);
    }
    if (focus) return *focus;
    return reading_.sentence_count == 0 ? 0 : reading_.sentence_count - 1;
  }

  Reading& reading_;
  const knowledge::Lexicon& lexicon_;
  const std::vector<Token>& tokens_;
  const std::vector<PhraseMatch>& roles_;
  const std::vector<PhraseMatch>& people_;
  std::vector<PhraseMatch> acts_;  // a copy: purpose words right after an act are dropped from it
  const std::vector<PhraseMatch>& targets_;
  const std::vector<PhraseMatch>& modifiers_;
  const std::vector<PhraseMatch>& negation_cues_;
  const std::vector<PhraseMatch>& message_cues_;
  std::vector<PhraseMatch> negations_;
  std::vector<Mention> mentions_;
  std::vector<const PhraseMatch*> object_roles_;
};

}  // namespace

void Reader::read_people_and_acts(Reading& reading, const Cues& cues) const {
  PeopleReader(reading, cues.roles, cues.people, cues.acts, cues.targets, cues.modifiers, cues.negations, cues.message,
               analyzer_.lexicon())
      .run();
}

}  // namespace netra::bot
