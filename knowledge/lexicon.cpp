#include "knowledge/lexicon.h"

#include <fstream>
#include <sstream>

#include "knowledge/strings.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// Splits a phrase into folded words; returns false when it holds anything but words.
bool phrase_words(std::string_view phrase, std::vector<std::string>& words /* OUT */) {
  words.clear();
  for (auto& word : split_words(phrase)) words.push_back(word.text);
  return !words.empty();
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
    auto key = join(left, " ");
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

// Lines `label: phrase` whose label `parse` turns into a typed value; `=phrase` marks an exact-match phrase.
// `class: word word …`, one class per line, a class on as many lines as it needs.
void parse_word_classes(const std::string& file, const std::string& text, Lexicon& lexicon,
                        std::vector<Problem>& problems) {
  for_each_line(text, [&](int number, std::string_view line) {
    auto colon = line.find(':');
    auto word_class = colon == std::string_view::npos ? std::nullopt : parse_word_class(trim(line.substr(0, colon)));
    if (!word_class) {
      problems.push_back({file, number, "expected `class: word …` with a known class"});
      return;
    }
    std::vector<std::string> words;
    if (!phrase_words(line.substr(colon + 1), words)) {
      problems.push_back({file, number, "no words after the class"});
      return;
    }
    lexicon.word_classes[static_cast<size_t>(*word_class)].insert(words.begin(), words.end());
  });
}

// Reads the words of a cue phrase (after `label:` and an optional `=`) into `phrase`: `..` between words is a gap
// (kGapWord), a word in double quotes is exact; each piece is folded apart. Returns false for an unclosed quote.
bool parse_cue_words(std::string_view text, CuePhrase& phrase /* OUT */) {
  size_t at = 0;
  while (at < text.size()) {
    if (text[at] == ' ') {
      ++at;
      continue;
    }
    if (text.compare(at, 2, "..") == 0) {
      phrase.words.push_back(kGapWord);
      phrase.exact_words.push_back(false);
      at += 2;
      continue;
    }
    bool quoted = text[at] == '"';
    size_t end = quoted ? text.find('"', at + 1) : text.find_first_of(" .\"", at);
    if (quoted && end == std::string_view::npos) return false;
    if (end == std::string_view::npos) end = text.size();
    // A dot that is not part of `..` stays inside the word ("lapor.go.id" folds to words).
    while (!quoted && end < text.size() && text[end] == '.' && text.compare(end, 2, "..") != 0) {
      end = text.find_first_of(" \"", end + 1);
      if (end == std::string_view::npos) end = text.size();
    }
    std::vector<std::string> part;
    auto piece = quoted ? text.substr(at + 1, end - at - 1) : text.substr(at, end - at);
    if (phrase_words(piece, part)) {
      for (auto& word : part) {
        phrase.words.push_back(std::move(word));
        phrase.exact_words.push_back(phrase.exact || quoted);
      }
    }
    at = quoted ? end + 1 : end;
  }
  return true;
}

template <typename Label, typename Parse>
void parse_typed_cues(const std::string& file, const std::string& text, Parse parse, std::vector<Cue<Label>>& cues,
                      std::vector<Problem>& problems) {
  for_each_line(text, [&](int number, std::string_view line) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      problems.push_back({file, number, "expected `label: phrase`"});
      return;
    }
    auto label_text = trim(line.substr(0, colon));
    std::optional<Label> label = parse(label_text);
    if (!label) {
      problems.push_back({file, number, "unknown label `" + std::string(label_text) + "`"});
      return;
    }
    Cue<Label> cue{*label, {}};
    auto phrase = trim(line.substr(colon + 1));
    if (!phrase.empty() && phrase.front() == '=') {
      cue.phrase.exact = true;
      phrase.remove_prefix(1);
    }
    cue.phrase.line = number;
    bool ok = parse_cue_words(phrase, cue.phrase);
    bool gaps_ok = !cue.phrase.words.empty() && cue.phrase.words.front() != kGapWord &&
                   cue.phrase.words.back() != kGapWord;
    if (!ok || !gaps_ok) {
      problems.push_back({file, number, "empty cue phrase, an unclosed quote, or `..` at an end"});
      return;
    }
    cues.push_back(std::move(cue));
  });
}

}  // namespace

std::string_view to_string(MessageCue cue) {
  switch (cue) {
    case MessageCue::greeting: return "greeting";
    case MessageCue::help: return "help";
    case MessageCue::thanks: return "thanks";
    case MessageCue::acknowledgement: return "acknowledgement";
    case MessageCue::small_talk: return "small_talk";
    case MessageCue::report: return "report";
    case MessageCue::status: return "status";
    case MessageCue::question: return "question";
    case MessageCue::verdict: return "verdict";
    case MessageCue::sanction: return "sanction";
    case MessageCue::procedure: return "procedure";
    case MessageCue::deadline: return "deadline";
    case MessageCue::definition: return "definition";
    case MessageCue::choice: return "choice";
    case MessageCue::off_topic: return "off_topic";
    case MessageCue::pilkada: return "pilkada";
    case MessageCue::pemilu: return "pemilu";
    case MessageCue::menu_question: return "menu_question";
    case MessageCue::menu_report: return "menu_report";
    case MessageCue::menu_status: return "menu_status";
    case MessageCue::menu: return "menu";
    case MessageCue::cancel: return "cancel";
    case MessageCue::topic: return "topic";
    case MessageCue::report_wish: return "report_wish";
    case MessageCue::announcement: return "announcement";
    case MessageCue::pilkades: return "pilkades";
    case MessageCue::anonymity: return "anonymity";
  }
  return "question";
}

std::optional<MessageCue> parse_message_cue(std::string_view label) {
  for (size_t value = 0; value < kMessageCueCount; ++value) {
    if (to_string(static_cast<MessageCue>(value)) == label) return static_cast<MessageCue>(value);
  }
  return std::nullopt;
}

std::string_view to_string(WordClass word_class) {
  switch (word_class) {
    case WordClass::object_marker: return "object_marker";
    case WordClass::description_filler: return "description_filler";
    case WordClass::passive_verb: return "passive_verb";
    case WordClass::asking_verb: return "asking_verb";
    case WordClass::actor_introducer: return "actor_introducer";
    case WordClass::time_word: return "time_word";
    case WordClass::purpose: return "purpose";
    case WordClass::venue_marker: return "venue_marker";
    case WordClass::clause_word: return "clause_word";
    case WordClass::relativizer: return "relativizer";
    case WordClass::honorific: return "honorific";
    case WordClass::coordinator: return "coordinator";
    case WordClass::owned_thing: return "owned_thing";
    case WordClass::choice_marker: return "choice_marker";
    case WordClass::perception_verb: return "perception_verb";
    case WordClass::safety_word: return "safety_word";
    case WordClass::necessity: return "necessity";
    case WordClass::saying_verb: return "saying_verb";
    case WordClass::appeal_link: return "appeal_link";
    case WordClass::date_word: return "date_word";
    case WordClass::free_choice: return "free_choice";
    case WordClass::active_attendance: return "active_attendance";
    case WordClass::content_question: return "content_question";
    case WordClass::yes_no_marker: return "yes_no_marker";
    case WordClass::conditional: return "conditional";
    case WordClass::realisation: return "realisation";
    case WordClass::criminal_penalty: return "criminal_penalty";
    case WordClass::pending_marker: return "pending_marker";
    case WordClass::pointer: return "pointer";
    case WordClass::movable_property: return "movable_property";
    case WordClass::passive_report: return "passive_report";
    case WordClass::passive_post: return "passive_post";
    case WordClass::preposition: return "preposition";
    case WordClass::narrowing: return "narrowing";
    case WordClass::support_word: return "support_word";
    case WordClass::number_abbreviation: return "number_abbreviation";
    case WordClass::existential: return "existential";
    case WordClass::coming_verb: return "coming_verb";
    case WordClass::accepting_verb: return "accepting_verb";
    case WordClass::choosing_verb: return "choosing_verb";
    case WordClass::source_marker: return "source_marker";
    case WordClass::doerless_passive: return "doerless_passive";
    case WordClass::classifier: return "classifier";
    case WordClass::group_word: return "group_word";
    case WordClass::permission_verb: return "permission_verb";
    case WordClass::agent_marker: return "agent_marker";
    case WordClass::post_place: return "post_place";
    case WordClass::role_introducer: return "role_introducer";
    case WordClass::now_marker: return "now_marker";
    case WordClass::likeness: return "likeness";
    case WordClass::stream_word: return "stream_word";
    case WordClass::manner_word: return "manner_word";
    case WordClass::own_channel: return "own_channel";
    case WordClass::rallying_word: return "rallying_word";
    case WordClass::possessive_determiner: return "possessive_determiner";
    case WordClass::violation_word: return "violation_word";
  }
  return "object_marker";
}

std::optional<WordClass> parse_word_class(std::string_view label) {
  for (size_t value = 0; value < kWordClassCount; ++value) {
    if (to_string(static_cast<WordClass>(value)) == label) return static_cast<WordClass>(value);
  }
  return std::nullopt;
}

std::optional<PersonCue> parse_person_cue(std::string_view label) {
  if (label == "self") return PersonCue{PersonCue::Kind::self, {}};
  if (label == "third_person") return PersonCue{PersonCue::Kind::third_person, {}};
  if (label == "vocative") return PersonCue{PersonCue::Kind::vocative, {}};
  if (auto relation = parse_relation(label)) return PersonCue{PersonCue::Kind::relation, *relation};
  return std::nullopt;
}

const std::vector<std::string>& lexicon_file_names() {
  static const std::vector<std::string> names = {
      "slang.txt",  "stopwords.txt", "domain.txt",    "intents.txt",    "roles.txt",   "people.txt",
      "acts.txt",   "targets.txt",   "modifiers.txt", "categories.txt", "unstemmed.txt", "rules.txt",
      "replies.txt", "grammar.txt",  "duties.txt",    "counterparts.txt"};
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
  parse_typed_cues("intents.txt", text_of("intents.txt"), parse_message_cue, lexicon.message_cues, problems);
  parse_typed_cues("roles.txt", text_of("roles.txt"), parse_role, lexicon.role_cues, problems);
  parse_typed_cues("people.txt", text_of("people.txt"), parse_person_cue, lexicon.person_cues, problems);
  parse_typed_cues("acts.txt", text_of("acts.txt"), parse_act, lexicon.act_cues, problems);
  parse_typed_cues("targets.txt", text_of("targets.txt"), parse_target, lexicon.target_cues, problems);
  parse_typed_cues("modifiers.txt", text_of("modifiers.txt"), parse_modifier, lexicon.modifier_cues, problems);
  parse_cues("categories.txt", text_of("categories.txt"),
             {"medsos", "kampanye", "politik-uang", "fasilitas-negara", "keputusan", "lainnya"}, lexicon.category_cues,
             problems);
  parse_word_classes("grammar.txt", text_of("grammar.txt"), lexicon, problems);
  return lexicon;
}

}  // namespace netra::knowledge
