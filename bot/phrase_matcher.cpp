#include "bot/phrase_matcher.h"

#include <algorithm>

namespace netra::bot {

uint32_t CueWords::add(const std::string& word) {
  return ids_.try_emplace(word, static_cast<uint32_t>(ids_.size() + 1)).first->second;
}

uint32_t CueWords::id(const std::string& word) const {
  auto found = ids_.find(word);
  return found == ids_.end() ? kNone : found->second;
}

std::vector<TokenIds> token_ids(const std::vector<Token>& tokens, const CueWords& words) {
  std::vector<TokenIds> ids;
  ids.reserve(tokens.size());
  for (const auto& token : tokens) ids.push_back({words.id(token.word), words.id(token.stem)});
  return ids;
}

void PhraseMatcher::add(int label, const knowledge::CuePhrase& cue, const knowledge::Analyzer& analyzer,
                        CueWords& words) {
  Phrase phrase{label, {}, {}, phrases_.size(), 0};
  // Consecutive words of the same exactness are normalised together, as a message would be ("kades" becomes
  // "kepala desa", "terima kasih" one word); a gap ends a run.
  std::string run;
  bool run_exact = false;
  auto flush = [&] {
    for (auto& word : analyzer.normalize(run)) {
      phrase.words.push_back(words.add(run_exact ? word.text : analyzer.stem(word.text)));
      phrase.exact.push_back(run_exact);
      ++phrase.length;
    }
    run.clear();
  };
  for (size_t i = 0; i < cue.words.size(); ++i) {
    const auto& word = cue.words[i];
    bool exact = i < cue.exact_words.size() ? cue.exact_words[i] : cue.exact;
    if (word == knowledge::kGapWord) {
      flush();
      if (!phrase.words.empty() && phrase.words.back() != kGap) {
        phrase.words.push_back(kGap);
        phrase.exact.push_back(false);
      }
      continue;
    }
    if (!run.empty() && exact != run_exact) flush();
    run_exact = exact;
    run += word + " ";
  }
  flush();
  while (!phrase.words.empty() && phrase.words.back() == kGap) {
    phrase.words.pop_back();
    phrase.exact.pop_back();
  }
  // A phrase made only of words the map deletes ("dll") can never match.
  if (phrase.words.empty()) return;
  (phrase.exact.front() ? by_first_word_ : by_first_stem_)[phrase.words.front()].push_back(phrases_.size());
  phrases_.push_back(std::move(phrase));
}

long PhraseMatcher::match_at(const Phrase& phrase, const std::vector<Token>& tokens, const std::vector<TokenIds>& ids,
                             size_t start, PhraseMatch& match) const {
  auto same = [&](size_t k, size_t at) { return (phrase.exact[k] ? ids[at].word : ids[at].stem) == phrase.words[k]; };
  size_t next = start;
  bool gap = false;
  size_t clause = tokens[start].clause;
  size_t last = start;
  for (size_t k = 0; k < phrase.words.size(); ++k) {
    if (phrase.words[k] == kGap) {
      gap = true;
      continue;
    }
    size_t limit = gap ? next + knowledge::kMaxGapWords : next;
    bool found = false;
    for (size_t at = next; at <= limit && at < tokens.size(); ++at) {
      if (gap && tokens[at].clause != clause) break;
      if (same(k, at)) {
        if (gap && at > next && match.gap_first > match.gap_last) {
          match.gap_first = next;
          match.gap_last = at - 1;
        }
        last = at;
        next = at + 1;
        found = true;
        break;
      }
      if (gap && gap_stops_ && gap_stops_->count(tokens[at].word)) break;
    }
    if (!found) return -1;
    gap = false;
  }
  return static_cast<long>(last);
}

void PhraseMatcher::keep_longest(const Phrase& phrase, const PhraseMatch& match, std::vector<PhraseMatch>& at_start,
                                 size_t& best_length, size_t& best_order) const {
  if (phrase.length < best_length) return;
  if (phrase.length > best_length) {
    at_start.clear();
    best_length = phrase.length;
    best_order = SIZE_MAX;
  }
  if (every_label_) {
    bool seen = std::any_of(at_start.begin(), at_start.end(), [&](const PhraseMatch& m) { return m.label == phrase.label; });
    if (!seen) at_start.push_back(match);
  } else if (phrase.order < best_order) {
    best_order = phrase.order;
    at_start.assign(1, match);
  }
}

std::vector<PhraseMatch> PhraseMatcher::find(const std::vector<Token>& tokens, const std::vector<TokenIds>& ids) const {
  std::vector<PhraseMatch> matches;
  std::vector<PhraseMatch> at_start;
  for (size_t start = 0; start < tokens.size(); ++start) {
    at_start.clear();
    size_t best_length = 0;
    size_t best_order = SIZE_MAX;
    for (const auto& [by_first, key] : {std::pair{&by_first_word_, ids[start].word},
                                        std::pair{&by_first_stem_, ids[start].stem}}) {
      if (key == CueWords::kNone) continue;
      auto found = by_first->find(key);
      if (found == by_first->end()) continue;
      for (size_t index : found->second) {
        const Phrase& phrase = phrases_[index];
        PhraseMatch match{phrase.label, start, start, phrase.length};
        long last = match_at(phrase, tokens, ids, start, match);
        if (last < 0) continue;
        match.last_token = static_cast<size_t>(last);
        keep_longest(phrase, match, at_start, best_length, best_order);
      }
    }
    matches.insert(matches.end(), at_start.begin(), at_start.end());
  }
  // Drop matches inside a longer one — but not one inside the gap of a gapped phrase ("daftar relawan capres"
  // for "daftar .. calon"): the reader decides which of the two the words name.
  std::vector<PhraseMatch> kept;
  for (const auto& match : matches) {
    bool inside = std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& other) {
      return &other != &match && other.words > match.words && other.first_token <= match.first_token &&
             other.last_token >= match.last_token && !other.gap_holds(match);
    });
    if (!inside) kept.push_back(match);
  }
  return kept;
}

}  // namespace netra::bot
