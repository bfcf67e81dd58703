#include "bot/reader.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "bot/reader_internal.h"
#include "knowledge/text.h"

namespace netra::bot {
namespace {

// Sentence ends: . ! ? ; and line breaks, when followed by a space or the end (a dot between digits, as in
// "Rp1.000", or inside "lapor.go.id" ends nothing).
bool ends_sentence(const std::string& text, size_t i, bool in_quote) {
  char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  // "gmn?gk pake kaos": a question or exclamation mark ends its sentence even with no space after it; a full stop
  // without one may be an abbreviation or a number ("S.Pd", "1.5"). Inside a quote ("'Ayo ke TPS!Coblos no 2'")
  // the quoted words stay one.
  bool glued = i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]));
  if ((c == '?' || c == '!') && glued && !in_quote) return true;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '.' ||
         text[i + 1] == '!' || text[i + 1] == '?' || text[i + 1] == '"' || text[i + 1] == '\'' ||
         text[i + 1] == ')';
}

bool ends_clause(const std::string& text, size_t i) {
  char c = text[i];
  return c == ',' || c == ':' || c == '(' || c == ')' || (c == '-' && i > 0 && text[i - 1] == ' ');
}

// The byte ranges inside quotes; the text has straight quotes only (clean_chat_text turns curly ones straight).
std::vector<std::pair<size_t, size_t>> find_quotes(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> quotes;
  auto word_char = [&](size_t at) { return at < text.size() && std::isalnum(static_cast<unsigned char>(text[at])); };
  std::optional<std::pair<char, size_t>> open;  // the quote character and the first byte inside it
  for (size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    if (c != '\'' && c != '"') continue;
    bool inside_word = at > 0 && word_char(at - 1) && word_char(at + 1);
    if (inside_word) continue;
    if (open && c == open->first && at > 0 && text[at - 1] != ' ') {
      quotes.push_back({open->second, at});
      open.reset();
    } else if (!open && (at == 0 || !word_char(at - 1))) {
      open = std::make_pair(c, at + 1);
    }
  }
  // A quote left open runs to the end of the message ("katanya 'pilih nomor 2 ya").
  if (open) quotes.push_back({open->second, text.size()});
  return quotes;
}

std::vector<knowledge::Cue<Modifier>> negation_cues(const std::vector<knowledge::Cue<Modifier>>& cues) {
  std::vector<knowledge::Cue<Modifier>> out;
  for (const auto& cue : cues) {
    if (cue.label == Modifier::negation) out.push_back(cue);
  }
  return out;
}

// "caleg dateng bagi2 susu, trs minta sy bantu bagiin ke ibu2": the verb of an act phrase said again in a later
// clause, with nothing after it that the phrase needs, repeats that act; chat leaves out an object just named.
void add_acts_with_elided_object(const std::vector<Token>& tokens, const knowledge::Lexicon& lexicon,
                                 std::vector<PhraseMatch>& acts) {
  auto covered = [&](size_t token) {
    return std::any_of(acts.begin(), acts.end(),
                       [&](const PhraseMatch& act) { return act.first_token <= token && token <= act.last_token; });
  };
  // Only a verb that ends its clause or is followed by a preposition ("bagiin ke ibu2") or a yes/no word ("boleh ikut
  // gk?") has lost its object; "ikut nobar … lurah boleh ikut nonton?" goes on with a verb of its own.
  auto object_left_out = [&](size_t token) {
    size_t next = token + 1;
    return next >= tokens.size() || tokens[next].clause != tokens[token].clause ||
           lexicon.in(knowledge::WordClass::preposition, tokens[next].word) ||
           lexicon.in(knowledge::WordClass::yes_no_marker, tokens[next].word);
  };
  std::vector<PhraseMatch> repeated;
  for (const auto& act : acts) {
    if (act.last_token == act.first_token) continue;
    const Token& verb = tokens[act.first_token];
    for (size_t t = act.last_token + 1; t < tokens.size(); ++t) {
      if (tokens[t].clause == verb.clause || tokens[t].stem != verb.stem || covered(t) || !object_left_out(t)) continue;
      PhraseMatch again = act;
      again.first_token = again.last_token = t;
      again.gap_first = 1;
      again.gap_last = 0;
      repeated.push_back(again);
      break;
    }
  }
  for (const auto& again : repeated) {
    if (!covered(again.first_token)) acts.push_back(again);
  }
  std::sort(acts.begin(), acts.end(),
            [](const PhraseMatch& a, const PhraseMatch& b) { return a.first_token < b.first_token; });
}

}  // namespace

Reader::Reader(const knowledge::Analyzer& analyzer)
    : analyzer_(analyzer),
      message_cues_(analyzer.lexicon().message_cues, analyzer, cue_words_, true),
      role_cues_(analyzer.lexicon().role_cues, analyzer, cue_words_),
      person_cues_(encode_person_cues(analyzer.lexicon().person_cues), analyzer, cue_words_),
      act_cues_(analyzer.lexicon().act_cues, analyzer, cue_words_, true),
      target_cues_(analyzer.lexicon().target_cues, analyzer, cue_words_),
      modifier_cues_(analyzer.lexicon().modifier_cues, analyzer, cue_words_),
      negation_cues_(negation_cues(analyzer.lexicon().modifier_cues), analyzer, cue_words_) {}

void Reader::tokenize(Reading& reading) const {
  const std::string& text = reading.text;
  // Sentence and clause number of every byte offset where a boundary falls.
  std::vector<size_t> sentence_at(text.size() + 1, 0), clause_at(text.size() + 1, 0);
  size_t sentence = 0, clause = 0;
  reading.quotes = find_quotes(text);
  auto in_quote = [&](size_t at) {
    return std::any_of(reading.quotes.begin(), reading.quotes.end(),
                       [&](const auto& quote) { return quote.first <= at && at < quote.second; });
  };
  for (size_t i = 0; i < text.size(); ++i) {
    sentence_at[i] = sentence;
    clause_at[i] = clause;
    if (ends_sentence(text, i, in_quote(i))) {
      ++sentence;
      ++clause;
    } else if (ends_clause(text, i)) {
      ++clause;
    }
  }
  sentence_at[text.size()] = sentence;
  clause_at[text.size()] = clause;

  // Boundaries are counted even where no word follows, so numbers can skip; they are renumbered densely below.
  size_t last_sentence = SIZE_MAX, last_clause = SIZE_MAX;
  size_t dense_sentence = 0, dense_clause = 0;
  for (auto& word : analyzer_.normalize(text)) {
    Token token;
    token.stem = analyzer_.stem(word.text);
    token.word = std::move(word.text);
    token.start = word.start;
    token.end = word.end;
    size_t raw_sentence = sentence_at[token.start];
    size_t raw_clause = clause_at[token.start];
    if (last_sentence != SIZE_MAX && raw_sentence != last_sentence) ++dense_sentence;
    bool new_clause = last_clause != SIZE_MAX && (raw_clause != last_clause || analyzer_.lexicon().in(knowledge::WordClass::clause_word, token.word));
    if (new_clause) ++dense_clause;
    last_sentence = raw_sentence;
    last_clause = raw_clause;
    token.sentence = dense_sentence;
    token.clause = dense_clause;
    reading.tokens.push_back(std::move(token));
  }
  reading.sentence_count = reading.tokens.empty() ? 0 : reading.tokens.back().sentence + 1;
  for (auto& token : reading.tokens) {
    for (size_t q = 0; q < reading.quotes.size(); ++q) {
      if (reading.quotes[q].first <= token.start && token.start < reading.quotes[q].second) token.quote = q + 1;
    }
  }
  for (auto& token : reading.tokens) {
    token.term = analyzer_.term_of(token.word);
    if (!token.term.empty()) reading.terms.push_back(token.term);
  }
}

Reader::Cues Reader::find_cues(const Reading& reading) const {
  Cues cues;
  auto ids = token_ids(reading.tokens, cue_words_);
  cues.message = message_cues_.find(reading.tokens, ids);
  cues.roles = role_cues_.find(reading.tokens, ids);
  cues.people = person_cues_.find(reading.tokens, ids);
  cues.acts = act_cues_.find(reading.tokens, ids);
  add_acts_with_elided_object(reading.tokens, analyzer_.lexicon(), cues.acts);
  cues.targets = target_cues_.find(reading.tokens, ids);
  cues.modifiers = modifier_cues_.find(reading.tokens, ids);
  cues.negations = negation_cues_.find(reading.tokens, ids);
  return cues;
}

Reading Reader::read(std::string_view message, std::optional<Role> asker_role) const {
  Reading reading;
  reading.text = knowledge::clean_chat_text(message);
  reading.people.push_back(Person{});
  if (asker_role && *asker_role != Role::unknown) {
    reading.people[0].role = *asker_role;
    reading.role_given = true;
  }
  tokenize(reading);
  Cues cues = find_cues(reading);
  read_people_and_acts(reading, cues);
  read_speech_act(reading, cues);
  return reading;
}

std::optional<Role> Reader::role_named(std::string_view text) const {
  Reading reading = read(text);
  for (const auto& person : reading.people) {
    if (person.role != Role::unknown) return person.role;
  }
  return std::nullopt;
}

Role Reading::subject_role() const { return people[subject].role; }

std::string Reading::audience() const { return std::string(knowledge::audience_of(subject_role())); }

}  // namespace netra::bot
