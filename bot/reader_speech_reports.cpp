// The readings of a message that speaks of reporting: whether it asks if a deed told can be reported or breaks the
// rules, how to report one, how to report through Netra itself, and which deeds such a question is about.
#include "bot/reader_speech.h"

#include <algorithm>
#include <cstdint>

namespace netra::bot {

bool SpeechReader::asks_if_reportable() const {
  if (!reading_.asks && !ends_with_question_tag()) return false;
  return std::any_of(reading_.tokens.begin(), reading_.tokens.end(), [&](const Token& token) {
    return token.sentence == reading_.focus_sentence &&
           analyzer_.lexicon().in(knowledge::WordClass::passive_report, token.word);
  });
}

bool SpeechReader::asks_if_told_deeds_violate() const {
  if (!reading_.asks && !ends_with_question_tag()) return false;
  bool reports = std::any_of(reading_.acts.begin(), reading_.acts.end(),
                             [](const ActMention& act) { return act.act == Act::report && !act.negated; });
  if (!reports) return false;
  bool names_deed = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    return act.sentence == reading_.focus_sentence && !act.negated && act.act != Act::report;
  });
  if (names_deed) return false;
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    const Token& first = reading_.tokens[cue.first_token];
    return is_kind(cue, MessageCue::verdict) && first.sentence == reading_.focus_sentence &&
           analyzer_.lexicon().in(knowledge::WordClass::violation_word, first.word);
  });
}

bool SpeechReader::speaks_of_reporting() const {
  bool report_act = std::any_of(reading_.acts.begin(), reading_.acts.end(),
                                [](const ActMention& act) { return act.act == Act::report && !act.negated; });
  return report_act || has(MessageCue::report) || has(MessageCue::report_wish);
}

size_t SpeechReader::first_report_sentence() const {
  size_t report_sentence = SIZE_MAX;
  for (const auto& act : reading_.acts) {
    if (act.act == Act::report && !act.negated) report_sentence = std::min(report_sentence, act.sentence);
  }
  return report_sentence;
}

bool SpeechReader::ask_about_deeds_before_report() {
  size_t report_sentence = first_report_sentence();
  // Others' deeds and the writer's alike ("caleg ngadain pertemuan di rumah sy, sy yg nyediain konsumsi"): the most
  // severe answers. The question is about someone else's where the story tells one.
  std::vector<size_t> deeds;
  std::optional<size_t> others;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& act = reading_.acts[i];
    if (act.sentence > report_sentence) continue;
    bool writers_deed = act.person == 0 && !act.negated && act.act != Act::report;
    if (is_told_deed(act) && !others) others = act.person;
    if (writers_deed || is_told_deed(act)) deeds.push_back(i);
  }
  if (deeds.empty()) return false;
  reading_.asked_acts = deeds;
  set_subject(others.value_or(reading_.acts[deeds.front()].person));
  return true;
}

bool SpeechReader::asks_about_own_report() const {
  return reading_.asks && std::any_of(reading_.asked_acts.begin(), reading_.asked_acts.end(), [&](size_t index) {
           const ActMention& act = reading_.acts[index];
           return act.act == Act::report && act.person == 0 && !act.negated;
         });
}

void SpeechReader::ask_about_told_acts() {
  reading_.asked_acts.clear();
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    if (is_told_deed(reading_.acts[i])) reading_.asked_acts.push_back(i);
  }
  if (!reading_.asked_acts.empty()) set_subject(reading_.acts[reading_.asked_acts.front()].person);
}

void SpeechReader::set_subject(size_t person) {
  reading_.subject = person;
  // A role is assumed only for a writer who asks about their own deed and says no role (finish_subject).
  if (person != 0) reading_.role_assumed = false;
}

bool SpeechReader::tells_story_before_report() const {
  size_t report_sentence = first_report_sentence();
  return std::any_of(reading_.acts.begin(), reading_.acts.end(),
                     [&](const ActMention& act) { return is_told_deed(act) && act.sentence < report_sentence; });
}

bool SpeechReader::asks_only_how_to_report_a_deed() const {
  if (!tells_story_before_report() || has(MessageCue::verdict) || has(MessageCue::sanction) ||
      has(MessageCue::deadline)) {
    return false;
  }
  const auto& tokens = reading_.tokens;
  return std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    bool asks_how = analyzer_.lexicon().in(knowledge::WordClass::manner_word, tokens[cue.first_token].word);
    if (!is_kind(cue, MessageCue::procedure) || !asks_how) return false;
    return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return act.act == Act::report && !act.negated && act.sentence == tokens[cue.first_token].sentence;
    });
  });
}

bool SpeechReader::asks_how_to_report_here() const {
  const auto& tokens = reading_.tokens;
  // "aman gk identitas sy?" asks whether the writer is safe, which the flow's reply answers; "boleh?" asks more.
  if (asks_permission() || has(MessageCue::sanction) || has(MessageCue::deadline)) return false;
  bool reports = has(MessageCue::report) || has(MessageCue::report_wish) ||
                 std::any_of(reading_.acts.begin(), reading_.acts.end(),
                             [](const ActMention& act) { return act.act == Act::report && !act.negated; });
  return reports && std::any_of(cues_.begin(), cues_.end(), [&](const PhraseMatch& cue) {
    return is_kind(cue, MessageCue::procedure) &&
           analyzer_.lexicon().in(knowledge::WordClass::own_channel, tokens[cue.last_token].word);
  });
}

bool SpeechReader::reporter_role_asked() const {
  return std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
    if (act.act != Act::report || act.negated) return false;
    return std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) {
      return reading_.tokens[role.first_token].clause == reading_.tokens[act.first_token].clause &&
             role.last_token < act.first_token;
    });
  });
}

}  // namespace netra::bot
