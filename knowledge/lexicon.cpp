#include "knowledge/lexicon.h"

#include <fstream>
#include <sstream>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// Splits a phrase into folded words; returns false when it holds anything but words.
bool phrase_words(std::string_view phrase, std::vector<std::string>& words /* OUT */) {
  words.clear();
  for (auto& word : split_words(phrase)) words.push_back(word.text);
  return !words.empty();
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

template <typename LineHandler>
void for_each_line(const std::string& text, LineHandler handle) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    auto content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    handle(number, content);
  }
}

void parse_slang(const std::string& file, const std::string& text, Lexicon& lexicon, std::vector<Problem>& problems) {
  for_each_line(text, [&](int number, std::string_view line) {
    auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      problems.push_back({file, number, "expected `left = right`"});
      return;
    }
    std::vector<std::string> left;
    std::vector<std::string> right;
    if (!phrase_words(line.substr(0, equals), left)) {
      problems.push_back({file, number, "empty left side"});
      return;
    }
    phrase_words(line.substr(equals + 1), right);
    auto key = join(left);
    if (lexicon.slang.count(key)) {
      problems.push_back({file, number, "duplicate left side `" + key + "`"});
      return;
    }
    lexicon.longest_phrase = std::max(lexicon.longest_phrase, left.size());
    lexicon.slang.emplace(key, std::move(right));
  });
}

void parse_word_list(const std::string& file, const std::string& text, std::vector<std::string>& out,
                     std::vector<Problem>& problems) {
  for_each_line(text, [&](int number, std::string_view line) {
    std::vector<std::string> words;
    if (!phrase_words(line, words) || words.size() != 1) {
      problems.push_back({file, number, "expected one word per line"});
      return;
    }
    out.push_back(words.front());
  });
}

// Lines `label: phrase`, where label must be one of `known`.
void parse_cues(const std::string& file, const std::string& text, const std::unordered_set<std::string>& known,
                std::vector<IntentCue>& cues, std::vector<Problem>& problems) {
  for_each_line(text, [&](int number, std::string_view line) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      problems.push_back({file, number, "expected `label: phrase`"});
      return;
    }
    std::string intent(trim(line.substr(0, colon)));
    if (!known.count(intent)) {
      problems.push_back({file, number, "unknown label `" + intent + "`"});
      return;
    }
    IntentCue cue{intent, {}};
    if (!phrase_words(line.substr(colon + 1), cue.words)) {
      problems.push_back({file, number, "empty cue phrase"});
      return;
    }
    cues.push_back(std::move(cue));
  });
}

}  // namespace

const std::vector<std::string>& lexicon_file_names() {
  static const std::vector<std::string> names = {"slang.txt", "stopwords.txt", "domain.txt", "intents.txt",
                                                 "roles.txt", "categories.txt",
                                                 "unstemmed.txt"};
  return names;
}

LexiconTexts read_lexicon_texts(const std::string& dir, std::vector<Problem>& problems) {
  LexiconTexts texts;
  for (const auto& name : lexicon_file_names()) {
    std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      problems.push_back({path, 0, "cannot read lexicon file"});
      continue;
    }
    std::ostringstream content;
    content << in.rdbuf();
    texts[name] = content.str();
  }
  return texts;
}

Lexicon parse_lexicon(const LexiconTexts& texts, std::vector<Problem>& problems) {
  Lexicon lexicon;
  auto text_of = [&](const std::string& name) -> const std::string& {
    static const std::string empty;
    auto found = texts.find(name);
    return found == texts.end() ? empty : found->second;
  };
  parse_slang("slang.txt", text_of("slang.txt"), lexicon, problems);
  std::vector<std::string> stopwords;
  parse_word_list("stopwords.txt", text_of("stopwords.txt"), stopwords, problems);
  lexicon.stopwords.insert(stopwords.begin(), stopwords.end());
  std::vector<std::string> unstemmed;
  parse_word_list("unstemmed.txt", text_of("unstemmed.txt"), unstemmed, problems);
  lexicon.unstemmed.insert(unstemmed.begin(), unstemmed.end());
  parse_word_list("domain.txt", text_of("domain.txt"), lexicon.domain_words, problems);
  parse_cues("intents.txt", text_of("intents.txt"), {"greeting", "help", "report", "status", "question_cue", "info_cue",
                                              "verdict_cue", "choice_cue", "pilkada_cue", "pemilu_cue"},
             lexicon.intent_cues, problems);
  parse_cues("roles.txt", text_of("roles.txt"), {"asn", "pppk", "kades", "perangkat", "citizen", "negation"}, lexicon.role_cues,
             problems);
  parse_cues("categories.txt", text_of("categories.txt"),
             {"medsos", "kampanye", "politik-uang", "fasilitas-negara", "keputusan", "lainnya"}, lexicon.category_cues,
             problems);
  return lexicon;
}

}  // namespace netra::knowledge
