// Whose act the question is about: the sentence that asks, the person it asks about, and the acts asked.
#include <algorithm>

#include "bot/reader_internal.h"
#include "bot/reader_people.h"

namespace netra::bot {
// The question's sentence, else the nearest sentence before it that names an act, else after it.
// Acts of someone the story names by nothing ("ternyata ada yg foto dan nyebar") are only where no one else acts,
// and not before the writer tells of their own conduct ("byk yg share kampanye. sy cuma diem ga ikut komen").
std::optional<size_t> PeopleReader::sentence_of_asked_acts() const {
  // Acts of someone unnamed, or told to describe a scene, are asked only where nothing else is.
  auto by_someone = [&](const ActMention& a) { return reading_.people[a.person].is_someone() || a.describes_scene; };
  auto writer_tells_own_after = [&](size_t s) {
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& a) {
      return a.person == 0 && a.sentence > s && a.sentence <= reading_.focus_sentence;
    });
  };
  for (bool with_someone : {false, true}) {
    auto has_acts = [&](size_t s) {
      return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& a) {
        return a.sentence == s && !a.negated && (with_someone || !by_someone(a));
      });
    };
    for (size_t s = reading_.focus_sentence + 1; s-- > 0;) {
      if (has_acts(s)) return with_someone && writer_tells_own_after(s) ? std::nullopt : std::optional<size_t>(s);
    }
    for (size_t s = reading_.focus_sentence + 1; s < reading_.sentence_count; ++s) {
      if (has_acts(s)) return s;
    }
  }
  return std::nullopt;
}

void PeopleReader::choose_subject() {
  reading_.focus_sentence = focus_sentence();
  drop_bare_comings_of_others();
  std::optional<size_t> sentence = sentence_of_asked_acts();
  // "istri pak kades ikut kampanye, pak kadesnya kena jg gk?": the question's own clause names whom it asks
  // about and gives them no act; that person's acts anywhere in the message are the question.
  // "sy ikut jd relawan, boleh kan? suami bisa kena masalah gak?": one who does nothing in the message is asked
  // about through the acts of the others, as below.
  if (auto asked_about = person_of_question_clause()) {
    for (size_t i = 0; i < reading_.acts.size(); ++i) {
      if (!reading_.acts[i].negated && reading_.acts[i].person == *asked_about) reading_.asked_acts.push_back(i);
    }
    // "KPU ngadain nobar debat. Kades boleh ikut nonton?": a writer who never names themself does not act; the
    // act told without an actor is the one the question's person is asked to join.
    if (reading_.asked_acts.empty() && sentence && !reading_.people[0].mentioned) {
      for (size_t i = 0; i < reading_.acts.size(); ++i) {
        ActMention& act = reading_.acts[i];
        if (act.sentence != *sentence || act.negated || act.person != 0) continue;
        act.person = *asked_about;
        reading_.asked_acts.push_back(i);
      }
    }
    if (!reading_.asked_acts.empty() || !sentence) {
      reading_.subject = *asked_about;
      finish_subject();
      return;
    }
  }
  if (sentence) {
    std::optional<size_t> subject = actor_of_sentence(*sentence);
    // "suami sy nyaleg DPRD … sy ASN, sy kena gk?": a relative's candidacy told before the writer speaks of
    // themself is why the writer asks, not what is asked.
    if (*subject != 0 && only_runs_for_office(*subject, *sentence) && writer_acts_after(*sentence)) {
      reading_.subject = 0;
      finish_subject();
      return;
    }
    reading_.subject = *subject;
    auto official = official_acting_beside(*subject);
    if (official) reading_.subject = *official;
    for (size_t i = 0; i < reading_.acts.size(); ++i) {
      const auto& act = reading_.acts[i];
      bool in_scope = act.sentence == *sentence || official.has_value();
      if (in_scope && !act.negated && act.person == reading_.subject) reading_.asked_acts.push_back(i);
    }
  } else {
    reading_.subject = subject_without_acts();
  }
  finish_subject();
}

// The writer's own act comes first: the relative is context ("suami sy timses, sy boleh ikut rapat?"); else whoever
// does the sentence's first act.
std::optional<size_t> PeopleReader::actor_of_sentence(size_t sentence) const {
  auto in_sentence = [&](const ActMention& act) { return act.sentence == sentence && !act.negated; };
  if (std::any_of(reading_.acts.begin(), reading_.acts.end(),
                  [&](const ActMention& act) { return in_sentence(act) && act.person == 0; })) {
    return std::size_t{0};
  }
  auto first = std::find_if(reading_.acts.begin(), reading_.acts.end(), in_sentence);
  if (first == reading_.acts.end()) return std::nullopt;
  return first->person;
}

// "kades bikin edaran supaya warga hadir di kampanye paslon 1. kan cuma ngajak hadir": a question that names no one,
// about what a citizen does in a story where an official acts for a candidate, asks about the official: the
// neutrality rules bind the official, and answering for the citizen would clear the official's deed.
std::optional<size_t> PeopleReader::official_acting_beside(size_t subject) const {
  // The writer's own deeds are their question ("sy bagi sembako biar pilih paslon 1 … kades jg milih paslon 1").
  if (subject == 0 || reading_.people[subject].role != Role::citizen) return std::nullopt;
  bool question_names_someone = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
    return mention.actor && tokens_[mention.token].sentence == reading_.focus_sentence;
  });
  if (question_names_someone) return std::nullopt;
  for (const auto& act : reading_.acts) {
    // Only deeds that take a side: a vote, a call to turn out or being there says nothing of one.
    bool takes_no_side = act.act == Act::run_for_office || act.act == Act::vote || act.act == Act::encourage_turnout ||
                         act.act == Act::attend_passive || act.act == Act::discuss_privately;
    if (act.negated || act.person == subject || act.target != Target::candidate || takes_no_side) continue;
    if (knowledge::is_bound(reading_.people[act.person].role)) return act.person;
  }
  return std::nullopt;
}

bool PeopleReader::only_runs_for_office(size_t person, size_t sentence) const {
  return std::all_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return act.person != person || act.sentence != sentence || act.negated || act.act == Act::run_for_office;
  });
}

bool PeopleReader::writer_acts_after(size_t sentence) const {
  return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
    size_t at = tokens_[mention.token].sentence;
    return mention.person == 0 && mention.actor && at > sentence && at <= reading_.focus_sentence;
  });
}

void PeopleReader::add_acts_asked_of_others() {
  std::vector<size_t> caused;
  for (size_t asked : reading_.asked_acts) {
    const ActMention& request = reading_.acts[asked];
    if (request.act != Act::invite_to_vote && request.act != Act::mobilise_staff) continue;
    for (size_t i = 0; i < reading_.acts.size(); ++i) {
      const ActMention& act = reading_.acts[i];
      Role role = reading_.people[act.person].role;
      if (act.negated || act.person == reading_.subject || act.sentence != request.sentence ||
          act.first_token <= request.last_token || act.first_token - request.last_token > kCausedReach ||
          role == Role::unknown || role == Role::candidate) {
        continue;
      }
      if (std::find(caused.begin(), caused.end(), i) == caused.end()) caused.push_back(i);
    }
  }
  reading_.asked_acts.insert(reading_.asked_acts.end(), caused.begin(), caused.end());
}

// "atasan sy nyuruh kami staf dtg ke acara caleg, sy hrs gmn?": the subject is told to act by someone who
// mobilises staff; that order is asked too, judged for the one who gives it (RuleBook::verdict_as).
void PeopleReader::add_orders_given_to_the_subject() {
  auto& asked = reading_.asked_acts;
  std::vector<size_t> orders;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& order = reading_.acts[i];
    if (order.act != Act::mobilise_staff || order.negated || order.person == reading_.subject ||
        reading_.people[order.person].role == Role::unknown ||
        std::find(asked.begin(), asked.end(), i) != asked.end()) {
      continue;
    }
    bool given_to_subject = std::any_of(asked.begin(), asked.end(), [&](size_t index) {
      const ActMention& done = reading_.acts[index];
      return done.person == reading_.subject && done.sentence == order.sentence &&
             order.first_token <= done.first_token;
    });
    if (given_to_subject) orders.push_back(i);
  }
  asked.insert(asked.end(), orders.begin(), orders.end());
}

void PeopleReader::finish_subject() {
  add_acts_told_before_a_pointing_question();
  add_acts_of_the_gathering_come_to();
  add_orders_given_to_the_subject();
  add_deeds_withdrawn_by_an_asked_withdrawal(reading_, lexicon_);
  add_acts_asked_of_others();
  drop_service_that_is_the_role();
  const Person& subject = reading_.people[reading_.subject];
  reading_.role_assumed = subject.role == Role::unknown && subject.kind == Person::Kind::asker;
  // "istri sy caleg … boleh gk sy dampingi?": the candidate is the writer's spouse. "istri sy PNS, sy caleg, boleh
  // dia dampingi sy?": the subject is the spouse of the writer who runs.
  auto own_spouse = [](const Person& person) {
    return person.kind == Person::Kind::relation && person.relation == Relation::spouse && !person.someone_elses;
  };
  bool spouse_runs = std::any_of(reading_.people.begin(), reading_.people.end(),
                                 [&](const Person& person) { return own_spouse(person) && person.runs_for_office; });
  if ((reading_.subject == 0 && spouse_runs) || (own_spouse(subject) && reading_.people[0].runs_for_office)) {
    reading_.modifiers.insert(Modifier::spouse_is_candidate);
  }
  if (household_bound(reading_)) reading_.modifiers.insert(Modifier::household_bound);
}

// "dapet amplop dari timses. aku terima aja tp milih sesuai hati, itu gpp kan?": a question that points back
// ("itu", "gitu") from a clause of its own asks about what the subject did in the sentences before it too.
void PeopleReader::add_acts_told_before_a_pointing_question() {
  if (reading_.asked_acts.empty() || !question_clause_points_back()) return;
  // Only where the question's own acts are a vote or a word said, never banned by themselves: they are how the
  // rest ends, not the question ("… sekarang mau like postingan KPU, itu gpp?" asks about the like).
  bool context_only = std::all_of(reading_.asked_acts.begin(), reading_.asked_acts.end(), [&](size_t index) {
    Act act = reading_.acts[index].act;
    return act == Act::vote || act == Act::discuss_privately;
  });
  if (!context_only) return;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& act = reading_.acts[i];
    if (act.negated || act.person != reading_.subject || act.sentence >= reading_.focus_sentence) continue;
    if (std::find(reading_.asked_acts.begin(), reading_.asked_acts.end(), i) == reading_.asked_acts.end()) {
      reading_.asked_acts.push_back(i);
    }
  }
}

bool PeopleReader::is_bare_coming(const ActMention& act) const {
  if (act.act != Act::attend_passive || act.first_token != act.last_token ||
      !word_is(knowledge::WordClass::coming_verb, tokens_[act.first_token].word)) {
    return false;
  }
  // "dateng ke posko pemenangan": a place named after it says where; only coming with none is bare.
  size_t next = act.last_token + 1;
  return next >= tokens_.size() || tokens_[next].clause != tokens_[act.last_token].clause ||
         (tokens_[next].word != "di" && !word_is(knowledge::WordClass::preposition, tokens_[next].word));
}

void PeopleReader::drop_bare_comings_of_others() {
  // An official's coming ("pak lurah dtg") is a deed the rules judge, told bare or not.
  std::erase_if(reading_.acts, [&](const ActMention& act) {
    return is_bare_coming(act) && act.person != 0 && act.sentence != reading_.focus_sentence &&
           !knowledge::is_bound(reading_.people[act.person].role);
  });
}

// "camat nyuruh kami hadir pakai seragam dinas di acara cabup petahana. harus dateng?": coming to the gathering
// told before is asked with what the subject was told to do there; "ortu murid yg nyaleg ngundang makan. dateng
// gpp?" names nothing the writer does there, so the coming alone is asked.
void PeopleReader::add_acts_of_the_gathering_come_to() {
  bool only_coming = !reading_.asked_acts.empty() &&
                     std::all_of(reading_.asked_acts.begin(), reading_.asked_acts.end(),
                                 [&](size_t index) { return is_bare_coming(reading_.acts[index]); });
  if (!only_coming) return;
  // Only how one is at a gathering (what is worn, used, said, posed for, or taken part in): the gathering's own
  // organising told of the writer is more often a misreading of whose it is.
  auto conduct_there = [](Act act) {
    return act == Act::wear_attributes || act == Act::use_facilities || act == Act::speak || act == Act::pose_gesture ||
           act == Act::photo_with_candidate || act == Act::attend_campaign || act == Act::attend_declaration;
  };
  size_t asked_sentence = reading_.acts[reading_.asked_acts.front()].sentence;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& act = reading_.acts[i];
    if (act.sentence < asked_sentence && !act.negated && act.person == reading_.subject && conduct_there(act.act)) {
      reading_.asked_acts.push_back(i);
    }
  }
}

// The last clause of the question's sentence when it names no act of its own ("…, itu gpp kan?").
std::optional<size_t> PeopleReader::actless_question_clause() const {
  size_t last_clause = SIZE_MAX;
  for (const auto& token : tokens_) {
    if (token.sentence == reading_.focus_sentence) last_clause = token.clause;
  }
  if (last_clause == SIZE_MAX) return std::nullopt;
  bool acts_in_clause = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return tokens_[act.first_token].clause == last_clause;
  });
  if (acts_in_clause) return std::nullopt;
  return last_clause;
}

bool PeopleReader::question_clause_points_back() const {
  auto clause = actless_question_clause();
  return clause && std::any_of(tokens_.begin(), tokens_.end(), [&](const Token& token) {
    return token.clause == *clause && word_is(knowledge::WordClass::pointer, token.word);
  });
}

// The person named as the one who acts in the last clause of the question's sentence, when that clause holds a
// question word and no act of its own.
std::optional<size_t> PeopleReader::person_of_question_clause() const {
  auto clause = actless_question_clause();
  if (!clause) return std::nullopt;
  bool asks_in_clause = std::any_of(message_cues_.begin(), message_cues_.end(), [&](const PhraseMatch& cue) {
    auto kind = static_cast<knowledge::MessageCue>(cue.label);
    return tokens_[cue.first_token].clause == *clause &&
           (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict ||
            kind == knowledge::MessageCue::sanction);
  });
  if (!asks_in_clause) return std::nullopt;
  if (auto doer = person_named_by_deed(*clause)) return doer;
  for (const auto& mention : mentions_) {
    if (mention.actor && tokens_[mention.token].clause == *clause && mention.person != 0) return mention.person;
  }
  return std::nullopt;
}

size_t PeopleReader::subject_without_acts() const {
  if (reading_.people[0].role != Role::unknown || reading_.people[0].mentioned) return 0;
  for (const auto& mention : mentions_) {
    if (mention.actor && mention.person != 0) return mention.person;
  }
  return 0;
}

// The last sentence with a question mark, else the last with a question word; the last sentence when none asks.
size_t PeopleReader::focus_sentence() const {
  std::optional<size_t> focus;
  for (const auto& cue : message_cues_) {
    auto kind = static_cast<knowledge::MessageCue>(cue.label);
    if (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict ||
        kind == knowledge::MessageCue::sanction || kind == knowledge::MessageCue::procedure ||
        kind == knowledge::MessageCue::deadline || kind == knowledge::MessageCue::definition) {
      focus = std::max(focus.value_or(0), tokens_[cue.first_token].sentence);
    }
  }
  // A question mark marks the question more surely than a question word: "sy boleh nyoblos kan? Ada yg bilang
  // BPD gak boleh milih" asks in its first sentence; the second reports what someone said.
  const std::string& text = reading_.text;
  std::optional<size_t> marked;
  for (const auto& token : tokens_) {
    // A question mark right after a token's sentence.
    size_t after = token.end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '!')) ++after;
    if (after < text.size() && text[after] == '?') marked = std::max(marked.value_or(0), token.sentence);
  }
  if (marked) return *marked;
  if (focus) return *focus;
  return reading_.sentence_count == 0 ? 0 : reading_.sentence_count - 1;
}

// "kabid nyuruh semua staf dateng … yg nyuruh itu salah ga?": one named in the question by what they did in the
// story ("the one who ordered") is the one asked about.
std::optional<size_t> PeopleReader::person_named_by_deed(size_t clause) const {
  for (size_t t = 0; t + 1 < tokens_.size(); ++t) {
    if (tokens_[t].clause != clause || !word_is(knowledge::WordClass::relativizer, tokens_[t].word)) continue;
    // Only a verb of asking or ordering ("yg nyuruh", "yg ngajak") names its giver reliably; other deeds are often
    // told of several people.
    const std::string& deed = tokens_[t + 1].word;
    if (!word_is(knowledge::WordClass::asking_verb, deed)) continue;
    for (const auto& act : reading_.acts) {
      bool order = act.act == Act::mobilise_staff || act.act == Act::invite_to_vote;
      if (order && act.first_token < t && !act.negated && act.person != 0 && tokens_[act.first_token].stem == tokens_[t + 1].stem) {
        return act.person;
      }
    }
  }
  return std::nullopt;
}

// "anggota KPPS di TPS kami ngajak warga ke TPS": serving as KPPS names who the subject is, not what is asked of
// them, where the question names another deed.
void PeopleReader::drop_service_that_is_the_role() {
  if (reading_.people[reading_.subject].role != Role::election_staff) return;
  auto& asked = reading_.asked_acts;
  auto is_service = [&](size_t index) {
    Act act = reading_.acts[index].act;
    return act == Act::serve_election_staff || act == Act::serve_election_supervisor;
  };
  if (std::all_of(asked.begin(), asked.end(), is_service)) return;
  asked.erase(std::remove_if(asked.begin(), asked.end(), is_service), asked.end());
}

}  // namespace netra::bot
