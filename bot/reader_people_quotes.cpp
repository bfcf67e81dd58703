// Quotes in a message: whether a word stands inside one, and what a quoted vote or choice says — said to others,
// it is an appeal ("bilang ke jamaah 'pilih pak H ya'", "sy jawab 'nomor 2 aja mbah'"), not the speaker's own vote.
#include <algorithm>
#include <cctype>

#include "bot/reader_people.h"

namespace netra::bot {

namespace {

bool is_number(const std::string& word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

bool PeopleReader::names_choice_after(size_t token, bool until_negation) const {
  for (size_t t = token + 1; t < tokens_.size() && t <= token + kChoiceReach; ++t) {
    if (tokens_[t].clause != tokens_[token].clause) break;
    if (until_negation && std::any_of(negations_.begin(), negations_.end(),
                                      [&](const PhraseMatch& negation) { return negation.first_token == t; })) {
      break;
    }
    const std::string& word = tokens_[t].word;
    if ((is_number(word) && !beside_date_word(t)) || word_is(knowledge::WordClass::choice_marker, word)) return true;
    // "ngajak coblos yg baju merah, ga nyebut nama calon": a description of whom, before the denial.
    if (until_negation && word_is(knowledge::WordClass::relativizer, word)) return true;
    // "'pilih yg sudah terbukti kerjanya'": a candidate named by a hint (targets.txt).
    bool hint = std::any_of(targets_.begin(), targets_.end(), [&](const PhraseMatch& target) {
      return target.first_token == t && static_cast<Target>(target.label) == Target::candidate;
    });
    if (hint) return true;
  }
  return false;
}

bool PeopleReader::beside_date_word(size_t token) const {
  bool before = token > 0 && word_is(knowledge::WordClass::date_word, tokens_[token - 1].word);
  bool after = token + 1 < tokens_.size() && word_is(knowledge::WordClass::date_word, tokens_[token + 1].word);
  return before || after;
}

bool PeopleReader::quoted(size_t token) const {
  // "ngasih 'arahan' supaya kita milih …": a quote closed before the word does not hold it.
  if (tokens_[token].quote == 0) return false;
  size_t first = token >= kQuoteReach ? token - kQuoteReach : 0;
  for (size_t t = first; t <= token; ++t) {
    if (t < token && tokens_[t].clause != tokens_[token].clause) continue;
    if (quote_opens_at(t)) return true;
  }
  return false;
}

bool PeopleReader::quote_opens_at(size_t token) const {
  // The reader found the quotes once (Reading::quotes): the first word inside one opens it.
  size_t quote = tokens_[token].quote;
  return quote != 0 && (token == 0 || tokens_[token - 1].quote != quote);
}

// "sy jawab 'nomor 2 aja mbah'", "'paslon 1 dong bu'": a quote that opens with whom to choose is an appeal to vote
// for them, said by whoever says the quote, even without a word for voting. "'nanti pilih no 3 ya'": a time word
// or a verb of choosing may come first.
void PeopleReader::read_quoted_choices() {
  auto opens_quote = [&](size_t t) {
    size_t opening = t;
    while (opening > 0 && opening + 2 > t && !quote_opens_at(opening)) --opening;
    if (!quote_opens_at(opening)) return false;
    for (size_t lead = opening; lead < t; ++lead) {
      const std::string& word = tokens_[lead].word;
      if (!word_is(knowledge::WordClass::time_word, word) && !word_is(knowledge::WordClass::choosing_verb, word) &&
          !word_is(knowledge::WordClass::rallying_word, word)) {
        return false;
      }
    }
    return true;
  };
  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (tokens_[t].quote == 0 || !opens_quote(t) || !word_is(knowledge::WordClass::choice_marker, tokens_[t].word)) {
      continue;
    }
    size_t number = t + 1;
    while (number < tokens_.size() && number <= t + 2 && !is_number(tokens_[number].word)) ++number;
    if (number >= tokens_.size() || number > t + 2 || tokens_[number].clause != tokens_[t].clause) continue;
    if (beside_date_word(number)) continue;  // "'ayo pak 5 hari lagi nyoblos'": a date, not whom
    bool covered = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return act.first_token >= t && act.first_token <= number;  // an act inside the quote already reads it
    });
    if (covered) continue;
    ActMention appeal;
    appeal.act = Act::invite_to_vote;
    appeal.first_token = t;
    appeal.last_token = number;
    appeal.sentence = tokens_[t].sentence;
    appeal.negated = negated(t);
    reading_.acts.push_back(appeal);
  }
}

bool PeopleReader::says_i(size_t token) const {
  return std::any_of(people_.begin(), people_.end(), [&](const PhraseMatch& match) {
    return match.label == kSelfLabel && match.first_token <= token && token <= match.last_token;
  });
}

}  // namespace netra::bot
