#include "knowledge/counterparts.h"

#include <algorithm>
#include <string>
#include <utility>

#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

constexpr const char* kFile = "counterparts.txt";

std::optional<ArticleRef> parse_side(std::string_view text) {
  auto words = split_spaces(text);
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  return ArticleRef{words[0], words[1], words.size() == 3 ? words[2] : ""};
}

bool is_election_law(const std::string& source) { return source == "uu-7-2017" || source == "uu-10-2016"; }

}  // namespace

ElectionCounterparts ElectionCounterparts::parse(std::string_view text, std::vector<Problem>& problems) {
  ElectionCounterparts counterparts;
  for_each_line(text, [&](int number, std::string_view content) {
    auto arrow = content.find("=>");
    bool both_ways = arrow == std::string_view::npos;
    auto split = both_ways ? content.find('=') : arrow;
    size_t width = both_ways ? 1 : 2;
    auto left = split == std::string_view::npos ? std::nullopt : parse_side(content.substr(0, split));
    auto right = split == std::string_view::npos ? std::nullopt : parse_side(content.substr(split + width));
    if (!left || !right) {
      problems.push_back({kFile, number, "expected `SOURCE PASAL [AYAT] = SOURCE PASAL [AYAT]` (or `=>`)"});
      return;
    }
    if (!is_election_law(left->source) || !is_election_law(right->source) || left->source == right->source) {
      problems.push_back({kFile, number, "one side must be in uu-7-2017 and the other in uu-10-2016"});
      return;
    }
    counterparts.pairs_.push_back({*left, *right, both_ways, number});
  });
  return counterparts;
}

void ElectionCounterparts::validate(const Corpus& corpus, std::vector<Problem>& problems) const {
  auto in_corpus = [&](const ArticleRef& side) {
    return std::any_of(corpus.entries.begin(), corpus.entries.end(), [&](const Entry& entry) {
      return entry.kind == EntryKind::article && covers(side, {entry.source, entry.pasal, entry.ayat});
    });
  };
  // Each (from, to-law) once: an article leading to two counterparts would be cited as the first one only.
  std::vector<std::pair<std::string, std::string>> sources;
  auto unique_source = [&](const ArticleRef& from, const std::string& to, int line) {
    std::pair<std::string, std::string> key{describe(from), to};
    if (std::find(sources.begin(), sources.end(), key) != sources.end()) {
      problems.push_back({kFile, line, describe(from) + " already has a counterpart in " + to});
    }
    sources.push_back(key);
  };
  for (const auto& pair : pairs_) {
    for (const auto* side : {&pair.left, &pair.right}) {
      if (!in_corpus(*side)) problems.push_back({kFile, pair.line, "no corpus article " + describe(*side)});
    }
    unique_source(pair.left, pair.right.source, pair.line);
    if (pair.both_ways) unique_source(pair.right, pair.left.source, pair.line);
  }
}

std::optional<ArticleRef> ElectionCounterparts::in_source(const ArticleRef& article, std::string_view source) const {
  for (const auto& pair : pairs_) {
    if (covers(pair.left, article) && pair.right.source == source) return pair.right;
    if (pair.both_ways && covers(pair.right, article) && pair.left.source == source) return pair.left;
  }
  return std::nullopt;
}

}  // namespace netra::knowledge
