// Act cues that name no act of their own: a cue inside a circumstance or a longer object phrase, a vote an
// invitation asks for, a purpose word after another act, a cue whose gap holds another act (each pass runs before
// actors are assigned, PeopleReader::run; posts: reader_people_post_filters.cpp; teams: reader_people_teams.cpp);
// what a shared post is about; after targets are assigned, a vote asked of someone else, which is the asker's
// appeal, the speaker of an appeal named after it, what the same person leaves or refuses afterwards, and the
// acts of a story in which someone else used a person's name, photo or account.
#include <algorithm>

#include "bot/reader_internal.h"
#include "bot/reader_people.h"

namespace netra::bot {
namespace {

// Words from a classifier to the act it names as a category ("termasuk ga netral").
constexpr size_t kCategoryReach = 2;

}  // namespace

// "di luar jam kerja" is a circumstance; the act cue "jam kerja" (campaigning in office time) inside it is not
// an act. A longer circumstance or object phrase wins over an act phrase it contains, as the longer phrase does
// within one vocabulary.
void PeopleReader::drop_acts_inside_circumstances() {
  std::vector<PhraseMatch> kept;
  for (const auto& act : acts_) {
    // "like postingan Bawaslu ttg tolak politik uang": a longer object phrase wins over the act cue inside it.
    bool inside_target = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
      return target.words > act.words && target.first_token <= act.first_token && target.last_token >= act.last_token;
    });
    if (inside_target) continue;
    // "dikasih izin tertulis": permission received is a circumstance too, and wins over the lending cue it covers
    // even at the same length ("diberi izin" against "beri izin").
    bool inside = std::any_of(modifiers_.begin(), modifiers_.end(), [&](const PhraseMatch& modifier) {
      auto kind = static_cast<Modifier>(modifier.label);
      bool longer = modifier.words > act.words || (kind == Modifier::with_permission && modifier.words == act.words);
      return (is_time_or_place(kind) || kind == Modifier::with_permission) && longer &&
             modifier.first_token <= act.first_token && modifier.last_token >= act.last_token;
    });
    // "atasan ngizinin sy ikut timses": permission given to the writer is a circumstance of the writer's own act.
    bool permits_writer = act.first_token == act.last_token &&
                          word_is(knowledge::WordClass::permission_verb, tokens_[act.first_token].word) &&
                          act.last_token + 1 < tokens_.size() && says_i(act.last_token + 1) &&
                          tokens_[act.last_token + 1].clause == tokens_[act.last_token].clause;
    if (permits_writer) reading_.modifiers.insert(Modifier::with_permission);
    // "siap pak 👍": an emoji alone ("jempol") reacts to the chat; it likes nothing.
    bool emoji_only = true;
    for (size_t t = act.first_token; t <= act.last_token; ++t) {
      emoji_only = emoji_only && written_as_emoji(reading_.text, tokens_[t]);
    }
    if (!inside && !permits_writer && !emoji_only) kept.push_back(act);
  }
  acts_ = std::move(kept);
}

// "Balai desa dipake KPPS buat TPS. Itu ga termasuk fasilitas negara buat kampanye?", "sy dateng ke acara caleg,
// itu termasuk ikut kampanye?": an act cue within kCategoryReach words after a classifier ("termasuk", "dianggap")
// in its clause, with no one named between, is the category the writer asks the deed told to fall under.
void PeopleReader::drop_acts_named_as_categories() {
  std::vector<PhraseMatch> kept;
  for (const auto& act : acts_) {
    size_t clause = tokens_[act.first_token].clause;
    bool category = false;
    for (size_t t = act.first_token; t-- > 0 && act.first_token - t <= kCategoryReach;) {
      if (tokens_[t].clause != clause) break;
      if (word_is(knowledge::WordClass::classifier, tokens_[t].word)) {
        // "itu termasuk …", "termasuk kampanye ga?"; not "ikut semua kegiatan caleg termasuk pasang baliho".
        bool asks_of_told = t == 0 || tokens_[t - 1].clause != clause ||
                            word_is(knowledge::WordClass::pointer, tokens_[t - 1].word) ||
                            (t >= 2 && word_is(knowledge::WordClass::pointer, tokens_[t - 2].word));
        category = asks_of_told && !person_between(t, act.first_token);
        break;
      }
    }
    if (!category) kept.push_back(act);
  }
  acts_ = std::move(kept);
}

// A vote named right after an invitation in the same clause is what the invitation asks for, not an act of its
// own: in "ajak semua guru nyoblos" the writer does not vote. Not after a passive ("sy diajak nyoblos"): there
// the writer is the one who votes.
void PeopleReader::drop_acts_named_by_another() {
  std::vector<PhraseMatch> kept;
  for (const auto& match : acts_) {
    auto act = static_cast<Act>(match.label);
    bool named = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
      // "ngajak warga pilih calon": the vote may share the invitation's last word ("ajak .. pilih", "pilih .. calon")
      // or start inside it ("ngajak milih caleg" arrives as "ajak pilih coblos calon": "ajak .. coblos" spans
      // the vote "pilih .. calon").
      if (other.first_token >= match.first_token) return false;
      size_t gap_start = std::min(other.last_token, match.first_token);
      if (match.first_token - gap_start > kContentReach) return false;
      if (tokens_[other.last_token].clause != tokens_[match.first_token].clause) return false;
      if (person_between(gap_start, match.first_token)) return false;
      auto by = static_cast<Act>(other.label);
      bool passive = word_is(knowledge::WordClass::passive_verb, tokens_[other.first_token].word);
      return (by == Act::invite_to_vote || by == Act::mobilise_staff) && act == Act::vote && !passive;
    });
    // "sy disuruh masukin semua warga ke daftar": a call cue that opens with a passive of asking ("disuruh ..
    // warga") said of the writer (or of no one named) tells what the writer was asked, not whom the writer calls
    // on; said of others ("pegawai diarahkan kadis dukung petahana") it stays their call, read as before.
    size_t start = match.first_token;
    bool of_writer = clause_start(start) || says_i(start - 1);
    bool asked_of_writer = (act == Act::invite_to_vote || act == Act::mobilise_staff) && of_writer &&
                           word_is(knowledge::WordClass::passive_verb, tokens_[start].word);
    if (!named && !asked_of_writer) kept.push_back(match);
  }
  acts_ = std::move(kept);
}

// "gedung dipinjamkan buat acara kampanye": "buat" right after another act is "for", so an act cue that starts
// with a purpose word there ("buat acara" = organise) is not an act of its own; nor is a content noun there.
void PeopleReader::drop_purpose_acts() {
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

// "daftar relawan capres": a cue with a gap ("daftar .. calon") that spans another act names that act's
// words, not its own; "bantu bikin desain brosur kampanye" is making content, not "bantu .. kampanye". "liat
// atasan sy ikut kampanye": seeing someone named in the gap is watching them act, not watching a campaign.
void PeopleReader::drop_gapped_acts_spanning_others() {
  auto someone_seen = [&](const PhraseMatch& match) {
    if (match.gap_first > match.gap_last ||
        !word_is(knowledge::WordClass::perception_verb, tokens_[match.first_token].word)) {
      return false;
    }
    auto in_gap = [&](const PhraseMatch& person) {
      return person.first_token >= match.gap_first && person.first_token <= match.gap_last;
    };
    return std::any_of(roles_.begin(), roles_.end(), in_gap) || std::any_of(people_.begin(), people_.end(), in_gap);
  };
  std::vector<PhraseMatch> kept;
  for (const auto& match : acts_) {
    bool spans = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) { return match.gap_holds(other); });
    if (!spans && !someone_seen(match)) kept.push_back(match);
  }
  acts_ = std::move(kept);
}

// "kades minta warga milih calon bupati nomor 1", "kades bilang ke warga pilih calon nomor 2", "ngendika supados
// warga milih …": a vote for a candidate asked of someone else is not their vote but the appeal of whoever asks —
// named before the asking word, else the writer. After a verb of saying, with or without "supaya", the speaker
// appeals to whoever is told, the writer included; after an asking verb, when someone is named between it and the
// vote ("nyuruh warga milih", "nitip ke warga pilih …"). Runs after targets are assigned: an asked vote for no
// one ("minta warga dateng nyoblos") is a call to turn out and stays a vote.
void PeopleReader::read_asked_votes_as_appeals() {
  std::vector<std::pair<size_t, ActMention>> calls_to_come;  // the asker's call, to stand before the coming asked
  for (size_t index = 0; index < reading_.acts.size(); ++index) {
    ActMention& act = reading_.acts[index];
    // "lurah bilang warga harus pilih calon nomor 3": an appeal said to someone is the speaker's, too.
    bool vote = act.act == Act::vote && act.target == Target::candidate;
    // "kades bikin surat edaran supaya warga hadir di kampanye paslon 1": coming to a candidate's gathering asked
    // of others ("supaya", or an asking verb) is also the asker's call to support that candidate; the coming stays
    // theirs ("ngajak murid SD ikut kampanye" involves minors).
    bool attendance = (act.act == Act::attend_campaign || act.act == Act::attend_passive ||
                       act.act == Act::attend_declaration) && act.target == Target::candidate;
    // "kades ngumumin di masjid biar warga dateng ke TPS": a call to turn out asked of others is the asker's call.
    bool turnout = act.act == Act::encourage_turnout && act.target != Target::candidate;
    if (act.negated || !(vote || attendance || turnout || act.act == Act::invite_to_vote)) continue;
    // A verb of saying anywhere before the vote in its clause; else an asking verb (asking_word_before finds a
    // verb of saying only where saying_verb_before would have found it first).
    std::optional<size_t> verb = attendance || turnout ? std::nullopt : saying_verb_before(act.first_token);
    // "ngumumin lewat toa biar warga dateng ke TPS, jgn lupa coblos no 2": an appeal in a later clause of what
    // was announced is still the announcement.
    if (!verb && act.act == Act::invite_to_vote) verb = saying_verb_before(act.first_token, /*whole_sentence=*/true);
    bool told = verb.has_value();
    if (!verb) verb = asking_word_before(act.first_token);
    if (!verb) continue;
    bool someone_asked = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
      return mention.person != 0 && mention.token > *verb && mention.token < act.first_token;
    }) || std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
      return role.first_token > *verb && role.last_token < act.first_token;
    });
    if (!told && !someone_asked) continue;
    std::optional<size_t> asker = last_actor(*verb, true, false);
    if (!asker) asker = last_actor(*verb, false, true);
    if (!asker) asker = last_actor(*verb, false, false);
    if (!told && asker == act.person) continue;
    // "sy bilang sy mau milih paslon 2": a speaker who names themself as the one who votes tells their choice.
    bool own_choice = false;
    for (size_t t = *verb + 1; t < act.first_token; ++t) {
      bool names_speaker = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
        return m.token == t && asker && m.person == *asker;
      });
      if (names_speaker || (asker.value_or(0) == 0 && says_i(t))) own_choice = true;
    }
    if (own_choice) continue;
    ActMention appeal = act;
    if (!turnout) appeal.act = Act::invite_to_vote;
    appeal.person = asker.value_or(0);
    if (attendance) {
      calls_to_come.emplace_back(index, appeal);
    } else {
      act = appeal;
    }
  }
  for (auto it = calls_to_come.rbegin(); it != calls_to_come.rend(); ++it) {
    reading_.acts.insert(reading_.acts.begin() + static_cast<std::ptrdiff_t>(it->first), it->second);
  }
}

std::optional<size_t> PeopleReader::saying_verb_before(size_t token, bool whole_sentence) const {
  for (size_t t = token; t-- > 0 && (whole_sentence ? tokens_[t].sentence == tokens_[token].sentence
                                                    : tokens_[t].clause == tokens_[token].clause);) {
    if (word_is(knowledge::WordClass::saying_verb, tokens_[t].word)) return t;
  }
  return std::nullopt;
}

void PeopleReader::settle_groups_left() {
  auto withdrawn_after = [&](const ActMention& act, bool same_thing) {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
      return other.act == Act::withdraw && !other.negated && other.person == act.person &&
             other.first_token > act.last_token && (!same_thing || names_same_thing(other, act));
    });
  };
  for (auto& act : reading_.acts) {
    if (act.negated || act.act == Act::withdraw) continue;
    // "di-add ke grup timses, sy langsung keluar": a group left afterwards, whatever group is named.
    if (act.act == Act::added_to_group || act.act == Act::mute_group) {
      if (withdrawn_after(act, false)) act.negated = true;
      continue;
    }
    // "caleg nitip brosur, sy tolak brosurnya": a thing the same person refuses afterwards is not handed out. A
    // group one joined is not undone by leaving another ("gabung grup caleg, keluar grup RT").
    if (act.act == Act::join_group || act.act == Act::admin_group) continue;
    if (withdrawn_after(act, true)) act.negated = true;
  }
}

// "foto sy dipake di brosur caleg, sy ga pernah setuju", "akun fb sy dipake org buat posting kampanye", "takut
// dikira timses": a deed told in the passive in a story of misuse is the doing of whoever used the name, photo or
// account. A deed told in the active ("kmrn ikut deklarasi, trus fotonya disebar tanpa izin saya") or with its
// owner named acting ("yaudh sy share aja") stays the owner's.
void PeopleReader::disown_misused_identity() {
  auto& acts = reading_.acts;
  for (auto& misuse : acts) {
    if (misuse.act != Act::identity_misused || misuse.negated) continue;
    // "ditambahkan ke grup tanpa izin. Saya belum keluar": a cue read across a clause end is no phrase, and being
    // put into a group without consent is that act's own question.
    bool added = std::any_of(acts.begin(), acts.end(), [&](const ActMention& act) {
      return act.act == Act::added_to_group && act.person == misuse.person;
    });
    if (added || tokens_[misuse.first_token].clause != tokens_[misuse.last_token].clause) misuse.negated = true;
  }
  for (const auto& misuse : acts) {
    if (misuse.act != Act::identity_misused || misuse.negated) continue;
    for (auto& act : acts) {
      bool others_deed = act.person == misuse.person && act.act != Act::identity_misused &&
                         clause_has_passive(tokens_[act.first_token].clause) && !named_acting_before(act);
      if (others_deed) act.negated = true;
    }
  }
}

bool PeopleReader::clause_has_passive(size_t clause) const {
  return std::any_of(tokens_.begin(), tokens_.end(),
                     [&](const Token& token) { return token.clause == clause && is_passive_form(token); });
}

bool PeopleReader::named_acting_before(const ActMention& act) const {
  return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
    return mention.person == act.person && mention.actor && mention.token < act.first_token &&
           tokens_[mention.token].clause == tokens_[act.first_token].clause;
  });
}

bool PeopleReader::names_same_thing(const ActMention& withdrawal, const ActMention& act) const {
  if (withdrawal.sentence != act.sentence) return false;
  for (size_t w = withdrawal.first_token; w <= withdrawal.last_token; ++w) {
    for (size_t a = act.first_token; a <= act.last_token; ++a) {
      if (tokens_[w].stem == tokens_[a].stem) return true;
    }
  }
  return false;
}

// "rapat dinas diselipin ajakan 'jgn lupa paslon 1'. yg ngomong sekda.": the one who said it, named after the
// fact with "yang" and a verb of saying, made the appeal the message told without an actor; the saying is that
// same appeal, not a talk of its own.
void PeopleReader::name_speakers_told_after() {
  if (reading_.people[0].mentioned) return;
  for (const auto& mention : mentions_) {
    if (mention.person == 0 || mention.token < 2) continue;
    const Token& verb = tokens_[mention.token - 1];
    bool named_as_speaker = word_is(knowledge::WordClass::relativizer, tokens_[mention.token - 2].word) &&
                            word_is(knowledge::WordClass::saying_verb, verb.word);
    if (!named_as_speaker) continue;
    bool appeal_named = false;
    for (auto& act : reading_.acts) {
      // Told without an actor, or by "someone" ("ada yg bilang …"), whom the speaker named after now names.
      bool unnamed = act.person == 0 || reading_.people[act.person].is_someone();
      if (act.act != Act::invite_to_vote || !unnamed || act.first_token >= mention.token) continue;
      act.person = mention.person;
      appeal_named = true;
    }
    if (!appeal_named) continue;
    for (auto& act : reading_.acts) {
      if (act.act == Act::discuss_privately && act.first_token == mention.token - 1) act.negated = true;
    }
  }
}

bool PeopleReader::someone_named_after(const ActMention& act) const {
  auto after_in_clause = [&](size_t token) {
    return token > act.last_token && tokens_[token].clause == tokens_[act.last_token].clause;
  };
  return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) { return after_in_clause(m.token); }) ||
         std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& t) { return after_in_clause(t.first_token); });
}

bool PeopleReader::names_movable_property(const ActMention& act) const {
  for (size_t t = act.first_token; t <= act.last_token && t < tokens_.size(); ++t) {
    if (word_is(knowledge::WordClass::movable_property, tokens_[t].word)) return true;
  }
  return false;
}

// "minjemin sound system kantor desa … katanya cuma dipinjem semalem": the thing lent is named right after the
// lending verb, or, lent again without an object, by an earlier lending in the message. "Mobil siaga desa lg
// nganggur, tim caleg mau pinjem … boleh sy pinjemin?": a lending that ends its clause lends what the story named.
bool PeopleReader::lends_movable_property(const ActMention& lending) const {
  size_t clause = tokens_[lending.first_token].clause;
  for (size_t t = lending.first_token; t < tokens_.size() && t <= lending.last_token + kObjectReach; ++t) {
    if (tokens_[t].clause != clause) break;
    if (word_is(knowledge::WordClass::movable_property, tokens_[t].word)) return true;
  }
  bool lent_before = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& earlier) {
    return earlier.act == Act::lend_facilities && earlier.last_token < lending.first_token &&
           lends_movable_property(earlier);
  });
  size_t next = lending.last_token + 1;
  bool ends_clause = next >= tokens_.size() || tokens_[next].clause != clause ||
                     std::any_of(negations_.begin(), negations_.end(),
                                 [&](const PhraseMatch& negation) { return negation.first_token == next; });
  // The thing last named before the lending is the one lent: a hall named after a vehicle ("naik motor ke balai
  // desa … timses mau pinjem balai desa") is the hall.
  bool named_before = false;
  for (size_t t = lending.first_token; ends_clause && t-- > 0;) {
    bool place = std::any_of(modifiers_.begin(), modifiers_.end(), [&](const PhraseMatch& m) {
      return is_place(static_cast<Modifier>(m.label)) && m.first_token <= t && t <= m.last_token;
    });
    if (place) break;
    if (word_is(knowledge::WordClass::movable_property, tokens_[t].word)) {
      named_before = true;
      break;
    }
  }
  return lent_before || named_before;
}

}  // namespace netra::bot
