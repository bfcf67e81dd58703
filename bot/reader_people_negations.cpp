// What a negation in a message reaches: question tags that negate nothing ("boleh gk?"), a denial that binds roles
// only ("bukan PNS"), quotes it stays inside, a gap it opens, and acts undone by a withdrawal.
#include <algorithm>
#include <cctype>

#include "bot/reader_people.h"

namespace netra::bot {

void PeopleReader::find_negations() {
  for (const auto& match : negation_cues_) {
    if (is_question_tag(match) || negates_permission(match)) continue;
    // "jangan lupa .. coblos", "jangan golput": a negation that is a word of an act's own phrase (not a word its gap
    // skipped, as in "harus .. memilih" over "hrs netral gk nyoblos") denies nothing after it.
    bool own_word = std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& act) {
      bool in_gap = act.gap_first <= act.gap_last && act.gap_first <= match.first_token && match.last_token <= act.gap_last;
      return overlaps(act, match) && !in_gap;
    });
    if (own_word) continue;
    // "paslon no 2": the English "no" before a number abbreviates "nomor".
    size_t next = match.last_token + 1;
    bool number_follows = next < tokens_.size() && !tokens_[next].word.empty() &&
                          std::isdigit(static_cast<unsigned char>(tokens_[next].word.front())) != 0;
    if (number_follows && word_is(knowledge::WordClass::number_abbreviation, tokens_[match.first_token].word)) continue;
    negations_.push_back(match);
  }
}

// "boleh gk", "aman ga?", "bisa tidak": a negation after a question or verdict word, or at the end of a
// clause, asks; it negates nothing.
bool PeopleReader::is_question_tag(const PhraseMatch& negation) const {
  size_t at = negation.first_token;
  if (negation.last_token + 1 >= tokens_.size() ||
      tokens_[negation.last_token + 1].clause != tokens_[negation.last_token].clause) {
    return true;
  }
  if (at == 0) return false;
  for (const auto& cue : message_cues_) {
    // Right after a question or verdict word ("boleh gk"), or part of a question phrase ("bisa tidak"); not
    // one that opens the next sentence ("boleh? tidak ada acara kampanye kok").
    bool right_after = cue.last_token + 1 == at && tokens_[cue.last_token].clause == tokens_[at].clause;
    if (right_after || (cue.first_token < at && at <= cue.last_token)) {
      auto kind = static_cast<knowledge::MessageCue>(cue.label);
      if (kind == knowledge::MessageCue::question || kind == knowledge::MessageCue::verdict) return true;
    }
  }
  return false;
}

// "gak boleh komentar di postingan capres?": a negation right before a verdict word negates the permission
// asked about, not the act after it.
bool PeopleReader::negates_permission(const PhraseMatch& negation) const {
  return std::any_of(message_cues_.begin(), message_cues_.end(), [&](const PhraseMatch& cue) {
    return cue.first_token == negation.last_token + 1 &&
           static_cast<knowledge::MessageCue>(cue.label) == knowledge::MessageCue::verdict;
  });
}

// The first token of the negation that negates `token` (for "bkn ASN": the token of "bkn"), or `token`.
size_t PeopleReader::negation_start(size_t token) const {
  for (const auto& negation : negations_) {
    if (negation.last_token < token && token - negation.last_token <= 3) return negation.first_token;
  }
  return token;
}

// True when a negation stands within three words before `token` in its clause, with no act in between.
bool PeopleReader::negated(size_t token) const {
  for (const auto& negation : negations_) {
    if (negation.last_token >= token || token - negation.last_token > 3) continue;
    // "spanduk 'Jangan Golput' dari KPU": a negation inside a quote denies nothing outside it.
    if (tokens_[negation.last_token].quote != 0 && tokens_[negation.last_token].quote != tokens_[token].quote) continue;
    // "anak sy bukan ASN jd relawan": a negation that denies a role right after it binds roles only ("bukan
    // PNS/PPPK"), not the act that follows them.
    auto role_at = [&](size_t at) {
      return std::any_of(roles_.begin(), roles_.end(), [&](const PhraseMatch& role) { return role.first_token == at; });
    };
    bool listed_role = role_at(token) && token - negation.last_token <= 2;  // "bukan PNS/PPPK", not "… jd relawan"
    if (role_at(negation.last_token + 1) && !listed_role) continue;
    if (tokens_[negation.last_token].clause != tokens_[token].clause) continue;
    // "akun fb sy ga kepake ternyata dipake org": what turned out is told, not denied; "boleh lapor ga kalau liat
    // caleg …": a condition opens a clause the negation does not reach.
    auto opens_anew = [&](const Token& t) {
      return word_is(knowledge::WordClass::realisation, t.word) || word_is(knowledge::WordClass::conditional, t.word);
    };
    bool realised_between = std::any_of(tokens_.begin() + negation.last_token + 1, tokens_.begin() + token, opens_anew);
    if (!realised_between && !act_cue_between(negation.last_token, token)) return true;
  }
  // "gak pernah komen atau share": a negation reaches across acts joined by "atau", "dan", "maupun".
  if (token >= 2 && tokens_[token - 1].clause == tokens_[token].clause &&
      word_is(knowledge::WordClass::coordinator, tokens_[token - 1].word)) {
    for (const auto& act : acts_) {
      if (act.last_token == token - 2 && act.first_token < token - 1 && negated(act.first_token)) return true;
    }
    // "gak ada calon atau tim kampanye yg datang": the same for things there are none of.
    for (const auto& target : targets_) {
      if (target.last_token == token - 2 && target.first_token < token - 1 && negated(target.first_token)) return true;
    }
  }
  return false;
}

bool PeopleReader::target_negated(const PhraseMatch& target) const {
  if (negated(target.first_token)) return true;
  size_t next = target.last_token + 1;
  if (next >= tokens_.size() || tokens_[next].clause != tokens_[target.first_token].clause) return false;
  if (!word_is(knowledge::WordClass::free_choice, tokens_[next].word)) return false;
  return std::any_of(negations_.begin(), negations_.end(), [&](const PhraseMatch& negation) {
    if (negation.last_token >= target.first_token || tokens_[negation.last_token].clause != tokens_[next].clause) {
      return false;
    }
    // "gak tau kalo dia dukung calon manapun": a negation of another act does not reach the target.
    return !act_cue_between(negation.last_token, target.first_token);
  });
}

bool PeopleReader::negated_in_gap(const PhraseMatch& match) const {
  // "ajak warga gak milih calon nomor 2" still appeals (against a candidate): only a cue opened by a word of
  // necessity ("harus .. memilih") or by a plain verb ("pakai .. atribut") is negated by its gap.
  if (static_cast<Act>(match.label) == Act::invite_to_vote &&
      !word_is(knowledge::WordClass::necessity, tokens_[match.first_token].word)) {
    return false;
  }
  return match.gap_first <= match.gap_last && std::any_of(negations_.begin(), negations_.end(), [&](const PhraseMatch& negation) {
           return negation.first_token >= match.gap_first && negation.last_token == match.gap_last;
         });
}

bool PeopleReader::undone(const PhraseMatch& match) const {
  return std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
    if (asks_if_required(other)) return false;
    // "blokir nomor caleg yg terus kirim broadcast": a clause opened inside a relative clause ("yg terus …")
    // still describes what is blocked; any other clause ("nolak jadi timses tapi pasang baliho") is a new act.
    return static_cast<Act>(other.label) == Act::withdraw && other.last_token < match.first_token &&
           match.first_token - other.last_token <= kUndoneReach &&
           (tokens_[other.last_token].clause == tokens_[match.first_token].clause ||
            relative_clause_between(other.last_token, match.first_token));
  });
}

}  // namespace netra::bot
