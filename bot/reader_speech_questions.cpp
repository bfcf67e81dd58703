// How a question is asked: whether a sanction is asked yes or no or of a case told, whether an election is named
// or denied, whether an off-topic question stands beside an act, and whether thanks are followed only by
// statements. Part of SpeechReader (reader_speech.h); reader_speech.cpp runs the pass.
#include <algorithm>

#include "bot/reader_speech.h"

namespace netra::bot {

bool SpeechReader::names_undenied(MessageCue kind) const {
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    if (!is_kind(cue, kind)) return false;
    return std::none_of(negations_.begin(), negations_.end(), [&](const PhraseMatch& negation) {
      return negation.last_token < cue.first_token && cue.first_token - negation.last_token <= 2;
    });
  });
}

bool SpeechReader::word_near(const PhraseMatch& cue, knowledge::WordClass word_class, size_t before,
                             size_t after) const {
  const auto& tokens = reading_.tokens;
  size_t sentence = tokens[cue.first_token].sentence;
  size_t first = cue.first_token > before ? cue.first_token - before : 0;
  size_t end = std::min(tokens.size(), cue.last_token + after + 1);
  for (size_t t = first; t < end; ++t) {
    if (t >= cue.first_token && t <= cue.last_token) continue;
    if (tokens[t].sentence == sentence && analyzer_.lexicon().in(word_class, tokens[t].word)) return true;
  }
  return false;
}

bool SpeechReader::content_question_before(const PhraseMatch& cue) const {
  const auto& lexicon = analyzer_.lexicon();
  size_t first = cue.first_token > kContentQuestionLead ? cue.first_token - kContentQuestionLead : 0;
  for (size_t t = first; t < cue.first_token; ++t) {
    const Token& token = reading_.tokens[t];
    if (token.sentence != reading_.tokens[cue.first_token].sentence) continue;
    bool particle = t + 1 < reading_.tokens.size() && lexicon.in(knowledge::WordClass::yes_no_marker, reading_.tokens[t + 1].word);
    if (lexicon.in(knowledge::WordClass::content_question, token.word) && !particle) return true;
  }
  return false;
}

bool SpeechReader::content_question_after(size_t token) const {
  for (size_t t = token + 1; t < reading_.tokens.size(); ++t) {
    if (analyzer_.lexicon().in(knowledge::WordClass::content_question, reading_.tokens[t].word)) return true;
  }
  return false;
}

bool SpeechReader::tells_a_case() const {
  // The writer asking about their own act asks yes or no or asks for the sanction itself ("sy PNS gabung grup WA
  // caleg, sanksinya apa?"); a relative's deed told is a case brought for judgement.
  if (reading_.subject_person().kind != Person::Kind::relation) return false;
  return !has_word_of(knowledge::WordClass::conditional);
}

bool SpeechReader::has_word_of(knowledge::WordClass word_class) const {
  return std::any_of(reading_.tokens.begin(), reading_.tokens.end(),
                     [&](const Token& token) { return analyzer_.lexicon().in(word_class, token.word); });
}

bool SpeechReader::asks_of_a_class() const {
  const Person& subject = reading_.subject_person();
  // "perangkat yg ikut kampanye …", "perangkat desa kena pidana gak kalau jadi timses?": anyone of the role who
  // does it, named by a relative clause or a condition.
  bool conditioned = has_word_of(knowledge::WordClass::conditional);
  if (subject.kind != Person::Kind::generic || !(subject.named_as_class || conditioned)) return false;
  return has_word_of(knowledge::WordClass::criminal_penalty);
}

bool SpeechReader::asks_sanction_yes_or_no() const {
  using knowledge::WordClass;
  bool marked = false;
  for (const auto& cue : cues_) {
    if (!is_kind(cue, MessageCue::sanction)) continue;
    // "kena apa?" is itself "am I in trouble?": its "apa" is the cue's own.
    // "apa sanksinya", "sanksinya apa aja", "kena hukdis sedang, itu bentuknya apa?", "bisa dipidana gak? kalo
    // kepala dinas gmn?": the sanction itself is asked. Before a yes/no marker, or further before the sanction
    // word, "apa" asks yes or no ("apa ada sanksinya?", "apa kades bisa dipidana?").
    if (content_question_before(cue) || content_question_after(cue.last_token)) return false;
    marked = marked || word_near(cue, WordClass::yes_no_marker, kYesNoReach, kYesNoReach) ||
             analyzer_.lexicon().in(WordClass::yes_no_marker, reading_.tokens[cue.first_token].word);
  }
  return marked;
}

bool SpeechReader::told_as_learned(size_t token) const {
  for (size_t t = token; t-- > 0 && reading_.tokens[t].sentence == reading_.tokens[token].sentence;) {
    if (analyzer_.lexicon().in(knowledge::WordClass::realisation, reading_.tokens[t].word)) return true;
  }
  return false;
}

bool SpeechReader::courtesy_then_statements() const {
  const auto& tokens = reading_.tokens;
  bool courtesy = has(MessageCue::thanks) || has(MessageCue::acknowledgement);
  if (!courtesy || reading_.text.find('?') != std::string::npos || asks_for_fact()) return false;
  size_t first_clause_end = 0;
  while (first_clause_end < tokens.size() && tokens[first_clause_end].clause == tokens[0].clause) ++first_clause_end;
  if (first_clause_end == tokens.size() ||
      !only_within({MessageCue::thanks, MessageCue::greeting, MessageCue::acknowledgement}, 0, first_clause_end)) {
    return false;
  }
  // A question word, a verdict word not told as learned ("ternyata … gpp"), or a report asks something.
  bool asks = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    if (is_kind(cue, MessageCue::report) || is_kind(cue, MessageCue::report_wish)) return true;
    bool verdict_word = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& verdict) {
      return is_kind(verdict, MessageCue::verdict) && verdict.first_token == cue.first_token;
    });
    if (verdict_word) return !told_as_learned(cue.first_token);
    return is_kind(cue, MessageCue::question);
  });
  // "makasih min. btw camat kami nyuruh semua staf ke kampanye caleg X": an act for a candidate told after thanks
  // is news to answer, not thanks; one withdrawn ("likenya udah sy hapus") is not.
  bool partisan_act = std::any_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
    return !act.negated && act.act != Act::withdraw && act.target == Target::candidate;
  });
  if (partisan_act) return false;
  // "iya pak. kemarin sy pake mobil dinas …": after a bare "ok", any deed told is news to answer; passing the
  // answer on ("nanti sy teruskan ke perangkat lain 👍") is not.
  bool deed_told = std::any_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
    bool passing_on = act.target == Target::none && (act.act == Act::share || act.act == Act::like);
    return !act.negated && act.act != Act::withdraw && !passing_on;
  });
  if (!has(MessageCue::thanks) && deed_told) return false;
  // "… aman kan ya" ends on a question tag.
  bool tag_at_end = std::any_of(negations_.begin(), negations_.end(), [&](const PhraseMatch& negation) {
    return negation.last_token + 1 == tokens.size();
  });
  return !asks && !tag_at_end;
}

bool SpeechReader::tagged_right_after(const PhraseMatch& cue) const {
  size_t next = cue.last_token + 1;
  return next < reading_.tokens.size() && reading_.tokens[next].clause == reading_.tokens[cue.last_token].clause &&
         std::any_of(negations_.begin(), negations_.end(), [&](const PhraseMatch& negation) {
           return negation.first_token == next;
         });
}

bool SpeechReader::asks_off_topic() const {
  // "ada kuis di grup 'siapa yg bakal menang?' sy jawab nomor 2": a quoted question is someone else's.
  bool unquoted_cue = std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::off_topic) && reading_.tokens[cue.first_token].quote == 0;
  });
  // "kapan BLT dana desa cair?", "format LPJ APBDes gmn?": budgets and reports named with no election, no one
  // who runs and nothing directed at anyone are village administration, not a question of neutrality.
  bool administrative = reading_.election == Election::unnamed &&
                        std::any_of(reading_.acts.begin(), reading_.acts.end(),
                                    [](const ActMention& act) { return act.act == Act::use_budget; }) &&
                        std::all_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
                          return act.target == Target::none &&
                                 (act.act == Act::use_budget || act.act == Act::favour_decision || act.act == Act::report);
                        }) &&
                        std::none_of(reading_.people.begin(), reading_.people.end(),
                                     [](const Person& person) { return person.runs_for_office; });
  if (unquoted_cue && administrative && !has(MessageCue::verdict)) return true;
  if (asks_for_fact() || has(MessageCue::verdict) || !unquoted_cue) return false;
  if (reading_.acts.empty()) return true;
  // "besok hujan gk? sy PNS mau ikut kampanye paslon 1": an act for a candidate is still asked about.
  bool partisan_act = std::any_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
    return !act.negated && act.target == Target::candidate;
  });
  if (partisan_act) return false;
  // "besok hujan gk di Semarang? mau ke TPS": the weather is asked; the act is only why it matters.
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    // "pake jaket partai krn hujan, ga kampanye": a cue in a statement asks nothing.
    bool asked = reading_.tokens[cue.first_token].sentence == reading_.focus_sentence &&
                 (reading_.asks || ends_with_question_tag() || tagged_right_after(cue));
    bool quoted = reading_.tokens[cue.first_token].quote != 0;
    if (!is_kind(cue, MessageCue::off_topic) || !asked || quoted) return false;
    size_t clause = reading_.tokens[cue.first_token].clause;
    return std::none_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return reading_.tokens[act.first_token].clause == clause;
    });
  });
}

// "ASN yg ga netral sanksinya apa?", "kades kami memihak paslon 2, boleh?": partisanship named without its deed is
// the act asked. Beside a deed ("like postingan KPU, itu dianggap ga netral?") it is the verdict word about that
// deed, and of someone supposed ("kl ada ASN gk netral, yg ngurus siapa?") in a question that asks neither whether it
// is allowed nor how it is punished it is the topic.
void SpeechReader::keep_partisanship_only_as_a_deed() {
  auto& asked = reading_.asked_acts;
  auto is_partisanship = [&](size_t index) { return reading_.acts[index].act == Act::take_sides; };
  // Serving as election staff is a post held, not a deed ("ASN yg jd KPPS tp ga netral").
  bool other_deed = std::any_of(reading_.acts.begin(), reading_.acts.end(), [](const ActMention& act) {
    return !act.negated && act.act != Act::take_sides && act.act != Act::serve_election_staff &&
           act.act != Act::serve_election_supervisor;
  });
  // "kl ada ASN gk netral, yg ngurus siapa?": someone who "there is" is a case supposed, the topic of a question
  // that asks neither whether nor how it is punished.
  bool any_supposed = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return act.act == Act::take_sides && reading_.people[act.person].named_after_existential;
  });
  bool asks_about_it = reading_.asks_whether_allowed || reading_.focus == QuestionFocus::sanction ||
                       (reading_.focus == QuestionFocus::verdict && !any_supposed);
  if (!other_deed && asks_about_it) return;
  asked.erase(std::remove_if(asked.begin(), asked.end(), is_partisanship), asked.end());
}

}  // namespace netra::bot
