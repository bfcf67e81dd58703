#include "knowledge/analyzer.h"

#include <cctype>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// "bagi2" → "bagi", "staf2nya" → "stafnya": chat writes reduplication with a 2, before a suffix too.
std::string strip_reduplication_digit(const std::string& word) {
  size_t two = word.find('2');
  if (two == std::string::npos || two < 3 || two + 1 != word.find_last_of("0123456789") + 1) return word;
  if (word[two - 1] < 'a' || word[two - 1] > 'z') return word;
  std::string rest = word.substr(two + 1);
  if (!rest.empty() && rest != "nya" && rest != "mu" && rest != "ku" && rest != "an" && rest != "in") return word;
  return word.substr(0, two) + rest;
}

// "50rb", "100k", "2jt", "rp20rb": an amount of money written with a chat unit is the word "uang" to every cue
// ("kasih 50rb ke tetangga biar nyoblos" gives money). Plain figures ("Rp24.000.000" in the corpus's sanction
// lines, "rp50.000") stay as they are, so the corpus's terms do not change.
bool is_money_amount(const std::string& word) {
  std::string_view rest(word);
  if (rest.size() > 2 && rest.substr(0, 2) == "rp") rest.remove_prefix(2);
  size_t digits = 0;
  while (digits < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[digits])) || rest[digits] == '.' ||
                                  rest[digits] == ',')) {
    ++digits;
  }
  if (digits == 0 || !std::isdigit(static_cast<unsigned char>(rest[0]))) return false;
  std::string_view unit = rest.substr(digits);
  return unit == "rb" || unit == "ribu" || unit == "rebu" || unit == "k" || unit == "jt" || unit == "juta";
}

// "kadesnya" → "kades"; a word too short to carry a suffix comes back empty so it matches nothing ("tanya").
std::string without_possessive(const std::string& word) {
  constexpr std::string_view kSuffix = "nya";
  if (word.size() < kSuffix.size() + 3 || word.compare(word.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return {};
  }
  return word.substr(0, word.size() - kSuffix.size());
}

// The word with every run of three or more equal letters cut to `keep` letters ("bolehhh" → "boleh" with 1).
std::string squeeze_runs(const std::string& word, size_t keep) {
  std::string out;
  for (size_t i = 0; i < word.size();) {
    size_t run = 1;
    while (i + run < word.size() && word[i + run] == word[i]) ++run;
    bool letter = word[i] >= 'a' && word[i] <= 'z';
    out.append(letter && run >= 3 ? keep : run, word[i]);
    i += run;
  }
  return out;
}

// Chat laughter written as a repeated syllable ("wkwkwkwk", "kwkwkw", "hehehe", "xixixi", "awokwokwok"): any
// length of it is the one laugh the intent cues know as "haha".
bool is_laughter(std::string_view word) {
  static constexpr std::string_view kUnits[] = {"wk", "kw", "ha", "he", "hi", "hu", "xi", "ck", "wok"};
  if (word.size() > 3 && word[0] == 'a' && word[1] == 'w') word.remove_prefix(1);  // "awokwok"
  for (std::string_view unit : kUnits) {
    size_t at = 0;
    while (at + unit.size() <= word.size() && word.substr(at, unit.size()) == unit) at += unit.size();
    std::string_view rest = word.substr(at);
    if (at >= 2 * unit.size() && rest.size() < unit.size() && unit.substr(0, rest.size()) == rest) return true;
  }
  return false;
}

bool has_long_run(const std::string& word) {
  for (size_t i = 0; i + 2 < word.size(); ++i) {
    if (word[i] >= 'a' && word[i] <= 'z' && word[i] == word[i + 1] && word[i] == word[i + 2]) return true;
  }
  return false;
}

}  // namespace

std::string Analyzer::unstretch(const std::string& word) const {
  if (!has_long_run(word) || formal_words_.count(word)) return word;
  // Chat stretches words for emphasis ("bolehhh", "kampanyeee", "maaaf"): one letter is meant, unless only the
  // doubled form is a word ("maaf").
  auto is_word = [&](const std::string& candidate) {
    return lexicon_.slang.count(candidate) || lexicon_.stopwords.count(candidate) ||
           lexicon_.unstemmed.count(candidate) || stemmer_->known(candidate);
  };
  std::string single = squeeze_runs(word, 1);
  if (is_word(single)) return single;
  std::string doubled = squeeze_runs(word, 2);
  return is_word(doubled) ? doubled : single;
}

Analyzer::Analyzer(Lexicon lexicon, std::shared_ptr<const Stemmer> stemmer)
    : lexicon_(std::move(lexicon)), stemmer_(std::move(stemmer)) {
  for (const auto& [chat, formal] : lexicon_.slang) {
    formal_words_.insert(formal.begin(), formal.end());
    if (auto space = chat.find(' '); space != std::string::npos) phrase_starts_.insert(chat.substr(0, space));
  }
  for (const auto& word : lexicon_.domain_words) {
    // Domain words go through the same normalisation, so `kades` in the list means what `kades` in a message does.
    for (const auto& term : analyze(word)) domain_terms_.insert(term.text);
  }
}

std::vector<Term> Analyzer::normalize(std::string_view text) const {
  // First pass: words, with hyphenated forms either known to the slang map or split into parts.
  std::vector<Term> words;
  for (auto& word : split_words(text)) {
    word.text = unstretch(word.text);
    if (is_laughter(word.text)) word.text = "haha";
    if (is_money_amount(word.text)) word.text = "uang";
    if (word.text.find('-') == std::string::npos || lexicon_.slang.count(word.text)) {
      // "dimana2" (everywhere) is a word of its own in the slang map, not "dimana" said twice.
      bool known = lexicon_.slang.count(word.text) > 0;
      words.push_back({known ? word.text : strip_reduplication_digit(word.text), word.start, word.end});
      continue;
    }
    std::string previous;
    size_t part_start = 0;
    while (part_start <= word.text.size()) {
      size_t dash = word.text.find('-', part_start);
      if (dash == std::string::npos) dash = word.text.size();
      std::string part = word.text.substr(part_start, dash - part_start);
      // "bagi-bagi" is one word said twice; keep it once.
      if (!part.empty() && part != previous) words.push_back({part, word.start, word.end});
      previous = part;
      part_start = dash + 1;
    }
  }

  // Second pass: the longest slang phrase starting at each word replaces it.
  std::vector<Term> out;
  out.reserve(words.size());
  size_t i = 0;
  while (i < words.size()) {
    bool replaced = false;
    size_t longest = phrase_starts_.count(words[i].text) ? std::min(lexicon_.longest_phrase, words.size() - i) : 1;
    for (size_t length = longest; length >= 1 && !replaced; --length) {
      std::string phrase = words[i].text;
      for (size_t k = 1; k < length; ++k) phrase += ' ' + words[i + k].text;
      auto found = lexicon_.slang.find(phrase);
      // "kadesnya", "calegnya": chat adds the possessive to a word the map knows; one pass of the map would
      // otherwise never see the word ("kades" stems out of "kadesnya" only after mapping, as a bare term).
      if (found == lexicon_.slang.end() && length == 1) found = lexicon_.slang.find(without_possessive(phrase));
      if (found == lexicon_.slang.end()) continue;
      size_t start = words[i].start;
      size_t end = words[i + length - 1].end;
      for (const auto& replacement : found->second) out.push_back({replacement, start, end});
      i += length;
      replaced = true;
    }
    if (!replaced) {
      out.push_back(std::move(words[i]));
      ++i;
    }
  }
  return out;
}

std::string Analyzer::term_of(const std::string& word) const {
  if (lexicon_.stopwords.count(word)) return {};
  if (lexicon_.unstemmed.count(word)) return word;
  std::string stem = stemmer_->stem(word);
  if (lexicon_.stopwords.count(stem)) return {};
  return stem;
}

std::vector<Term> Analyzer::analyze(std::string_view text) const {
  std::vector<Term> terms;
  for (auto& word : normalize(text)) {
    std::string term = term_of(word.text);
    if (!term.empty()) terms.push_back({std::move(term), word.start, word.end});
  }
  return terms;
}

std::unordered_set<std::string> Analyzer::term_set(std::string_view text) const {
  std::unordered_set<std::string> set;
  for (auto& term : analyze(text)) set.insert(std::move(term.text));
  return set;
}

bool Analyzer::mentions_domain(const std::vector<Term>& terms) const {
  for (const auto& term : terms) {
    if (domain_terms_.count(term.text)) return true;
  }
  return false;
}

}  // namespace netra::knowledge

namespace netra::knowledge {

bool Analyzer::mentions_domain(const std::vector<std::string>& terms) const {
  for (const auto& term : terms) {
    if (domain_terms_.count(term)) return true;
  }
  return false;
}

}  // namespace netra::knowledge
