#include "knowledge/counterparts.h"

#include <algorithm>
#include <string>

#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

constexpr const char* kFile = "counterparts.txt";

std::optional<ArticleRef> parse_side(std::string_view text) {
  auto words = split_spaces(text);
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  return ArticleRef{words[0], words[1], words.size() == 3 ? words[2] : ""};
}

// A side without an ayat stands for every ayat of its pasal.
bool side_matches(const ArticleRef& side, const ArticleRef& article) {
  return side.source == article.source && side.pasal == article.pasal &&
         (side.ayat.empty() || side.ayat == article.ayat);
}

std::string describe(const ArticleRef& article) {
  return article.source + " pasal " + article.pasal + (article.ayat.empty() ? "" : " ayat " + article.ayat);
}

}  // namespace

ElectionCounterparts ElectionCounterparts::parse(std::string_view text, std::vector<Problem>& problems) {
  ElectionCounterparts counterparts;
  for_each_line(text, [&](int number, std::string_view content) {
    auto equals = content.find('=');
    auto left = equals == std::string_view::npos ? std::nullopt : parse_side(content.substr(0, equals));
    auto right = equals == std::string_view::npos ? std::nullopt : parse_side(content.substr(equals + 1));
    if (!left || !right) {
      problems.push_back({kFile, number, "expected `SOURCE PASAL [AYAT] = SOURCE PASAL [AYAT]`"});
      return;
    }
    if (left->source == right->source) {
      problems.push_back({kFile, number, "a counterpart must be in the other election law"});
      return;
    }
    counterparts.pairs_.push_back({*left, *right, number});
  });
  return counterparts;
}

void ElectionCounterparts::validate(const Corpus& corpus, std::vector<Problem>& problems) const {
  auto in_corpus = [&](const ArticleRef& side) {
    return std::any_of(corpus.entries.begin(), corpus.entries.end(), [&](const Entry& entry) {
      return entry.kind == EntryKind::article && side_matches(side, {entry.source, entry.pasal, entry.ayat});
    });
  };
  for (const auto& pair : pairs_) {
    for (const auto* side : {&pair.left, &pair.right}) {
      if (!in_corpus(*side)) problems.push_back({kFile, pair.line, "no corpus article " + describe(*side)});
    }
  }
}

std::optional<ArticleRef> ElectionCounterparts::in_source(const ArticleRef& article, std::string_view source) const {
  for (const auto& pair : pairs_) {
    if (side_matches(pair.left, article) && pair.right.source == source) return pair.right;
    if (side_matches(pair.right, article) && pair.left.source == source) return pair.left;
  }
  return std::nullopt;
}

}  // namespace netra::knowledge
