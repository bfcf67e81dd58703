#include <catch2/catch.hpp>

#include <cctype>

#include "bot/answer_cache.h"
#include "bot/answerer.h"
#include "bot/evaluation.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::shared_knowledge;

namespace {

Answer answer_with_text(const std::string& text) {
  Answer answer;
  answer.text = text;
  return answer;
}

}  // namespace

TEST_CASE("the answer cache returns what was stored and counts hits and misses", "[answer_cache]") {
  AnswerCache cache(4);
  CHECK_FALSE(cache.find("asn boleh like").has_value());
  cache.store("asn boleh like", answer_with_text("Dilarang."));
  auto found = cache.find("asn boleh like");
  REQUIRE(found.has_value());
  CHECK(found->text == "Dilarang.");
  auto stats = cache.stats();
  CHECK(stats.hits == 1);
  CHECK(stats.misses == 1);
  CHECK(stats.size == 1);
}

TEST_CASE("the answer cache evicts the least recently used answer when full", "[answer_cache]") {
  AnswerCache cache(2);
  cache.store("a", answer_with_text("A"));
  cache.store("b", answer_with_text("B"));
  REQUIRE(cache.find("a").has_value());  // "a" is now the most recent, "b" the least
  cache.store("c", answer_with_text("C"));
  CHECK(cache.find("a").has_value());
  CHECK_FALSE(cache.find("b").has_value());
  CHECK(cache.find("c").has_value());
  CHECK(cache.stats().size == 2);
}

TEST_CASE("an answer cache of capacity 0 stores nothing", "[answer_cache]") {
  AnswerCache cache(0);
  cache.store("a", answer_with_text("A"));
  CHECK_FALSE(cache.find("a").has_value());
  CHECK(cache.stats().size == 0);
}

// The cache is only correct if an answer depends on nothing but its key: every eval question, answered twice by a
// caching answerer, must equal the answer of one that never caches, in every field a user or the JSON sees.
TEST_CASE("a caching answerer answers every eval question exactly as an uncached one", "[answer_cache]") {
  Answerer uncached(shared_knowledge());
  Answerer cached(shared_knowledge(), 1024);
  std::vector<std::string> questions;
  for (const char* file : {"dev.jsonl", "labelled.jsonl", "blind.jsonl"}) {
    std::vector<std::string> errors;
    auto items = read_eval_file(netra::testing::test_data_dir() + "/" + file, errors);
    REQUIRE(errors.empty());
    for (const auto& item : items) {
      questions.push_back(item.question);
      // The same question in capitals and with other punctuation, with and without a question mark: each must
      // get exactly the answer an uncached answerer gives it.
      std::string shouted = item.question;
      for (auto& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      questions.push_back(shouted + "!!");
      std::string unmarked = item.question;
      std::erase(unmarked, '?');
      questions.push_back(unmarked);
      questions.push_back(unmarked + " ?");
    }
  }
  REQUIRE(questions.size() > 100);
  for (int round = 0; round < 2; ++round) {
    for (const auto& question : questions) {
      for (const auto& role : {std::optional<std::string>{}, std::optional<std::string>{"kades"}}) {
        INFO(question << " / role " << role.value_or("-") << " / round " << round);
        auto expected = uncached.answer(question, role);
        auto actual = cached.answer(question, role);
        CHECK(actual.text == expected.text);
        CHECK(actual.verdict == expected.verdict);
        CHECK(actual.intent == expected.intent);
        CHECK(actual.entry_id == expected.entry_id);
        CHECK(actual.audience == expected.audience);
        CHECK(actual.confidence == expected.confidence);
        REQUIRE(actual.citations.size() == expected.citations.size());
        for (size_t i = 0; i < actual.citations.size(); ++i) CHECK(actual.citations[i].title == expected.citations[i].title);
      }
    }
  }
  auto stats = cached.cache_stats();
  CHECK(stats.hits > 0);
  CHECK(stats.size <= 1024);
}
