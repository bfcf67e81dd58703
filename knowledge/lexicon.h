// The chat-language lexicon: slang map, stopwords, domain words and intent cues. Data lives in
// knowledge/data/*.txt (human-edited); this parses it. The index stores the same texts, so a built index always
// analyses queries with the lexicon it was built with.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "knowledge/problem.h"

namespace netra::knowledge {

// The raw contents of the lexicon files, by file name (slang.txt, stopwords.txt, domain.txt, intents.txt, roles.txt, categories.txt, unstemmed.txt).
using LexiconTexts = std::map<std::string, std::string>;

struct IntentCue {
  std::string intent;              // greeting, help, report, status, question_cue, info_cue, verdict_cue,
                                   // choice_cue, pilkada_cue, pemilu_cue
  std::vector<std::string> words;  // the cue phrase, as normalised words
};

struct Lexicon {
  // Phrase of 1..longest_phrase words (joined by one space) → replacement words (possibly none).
  std::unordered_map<std::string, std::vector<std::string>> slang;
  size_t longest_phrase = 1;
  std::unordered_set<std::string> stopwords;
  // Words that are indexed and searched as they are, never stemmed (data/unstemmed.txt).
  std::unordered_set<std::string> unstemmed;
  std::vector<std::string> domain_words;  // as written; the analyser stems them
  std::vector<IntentCue> intent_cues;
  // Role cues: the audience a phrase reveals ("guru pns" → asn). The intent field holds the role.
  std::vector<IntentCue> role_cues;
  // Report category cues ("amplop" → politik-uang). The intent field holds the category.
  std::vector<IntentCue> category_cues;
};

// The names of the files a lexicon is made of, in load order.
const std::vector<std::string>& lexicon_file_names();

// Reads the lexicon files from dir. Missing files are reported as problems.
LexiconTexts read_lexicon_texts(const std::string& dir, std::vector<Problem>& problems /* OUT: appended */);

// Parses the texts; malformed lines are reported as problems and skipped.
Lexicon parse_lexicon(const LexiconTexts& texts, std::vector<Problem>& problems /* OUT: appended */);

}  // namespace netra::knowledge
