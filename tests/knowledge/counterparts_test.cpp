#include <catch2/catch.hpp>

#include "knowledge/corpus.h"
#include "knowledge/counterparts.h"

using namespace netra::knowledge;

namespace {

Entry article_entry(const std::string& source, const std::string& pasal, const std::string& ayat) {
  Entry article;
  article.kind = EntryKind::article;
  article.source = source;
  article.pasal = pasal;
  article.ayat = ayat;
  return article;
}

}  // namespace

TEST_CASE("counterparts.txt pairs an article of one election law with the other's, both ways", "[counterparts]") {
  std::vector<Problem> problems;
  auto counterparts = ElectionCounterparts::parse(
      "# comment\n"
      "uu-7-2017 282 = uu-10-2016 71 1\n"
      "uu-7-2017 454 6 = uu-10-2016 134 4\n",
      problems);
  CHECK(problems.empty());
  auto pilkada = counterparts.in_source({"uu-7-2017", "282", ""}, "uu-10-2016");
  REQUIRE(pilkada);
  CHECK(pilkada->pasal == "71");
  CHECK(pilkada->ayat == "1");
  auto pemilu = counterparts.in_source({"uu-10-2016", "71", "1"}, "uu-7-2017");
  REQUIRE(pemilu);
  CHECK(pemilu->pasal == "282");
  // A side without an ayat stands for every ayat; a side with one only for it.
  CHECK(counterparts.in_source({"uu-7-2017", "282", "2"}, "uu-10-2016"));
  CHECK_FALSE(counterparts.in_source({"uu-7-2017", "454", "4"}, "uu-10-2016"));
  CHECK_FALSE(counterparts.in_source({"uu-10-2016", "71", "2"}, "uu-7-2017"));
  // Asked for the law the article is already in, there is nothing to trade.
  CHECK_FALSE(counterparts.in_source({"uu-7-2017", "282", ""}, "uu-7-2017"));
}

TEST_CASE("a malformed counterpart line or one naming no corpus article is reported with its line",
          "[counterparts]") {
  std::vector<Problem> problems;
  auto counterparts = ElectionCounterparts::parse(
      "uu-7-2017 282 uu-10-2016 71 1\n"     // no '='
      "uu-7-2017 = uu-10-2016 71 1\n"       // no pasal on the left
      "uu-7-2017 282 = uu-7-2017 283\n"     // one law on both sides
      "pp-94-2021 5 = uu-7-2017 282\n"      // not an election law
      "uu-7-2017 490 = uu-10-2016 999\n"    // parses, but no such article
      "uu-7-2017 490 => uu-10-2016 188\n",  // a second counterpart for 490 in the Pilkada law
      problems);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].line == 1);
  CHECK(problems[1].line == 2);
  CHECK(problems[2].line == 3);
  CHECK(problems[3].line == 4);
  Corpus corpus;
  corpus.entries.push_back(article_entry("uu-7-2017", "490", ""));
  corpus.entries.push_back(article_entry("uu-10-2016", "188", ""));
  std::vector<Problem> missing;
  counterparts.validate(corpus, missing);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].file == "counterparts.txt");
  CHECK(missing[0].line == 5);
  CHECK(missing[0].message.find("pasal 999") != std::string::npos);
  CHECK(missing[1].line == 6);
  CHECK(missing[1].message.find("already has a counterpart") != std::string::npos);
}

TEST_CASE("a one-way counterpart (=>) trades only from left to right", "[counterparts]") {
  std::vector<Problem> problems;
  auto counterparts = ElectionCounterparts::parse("uu-7-2017 490 => uu-10-2016 188\n", problems);
  CHECK(problems.empty());
  // A kades's crime (490) is 188 in a Pilkada; 188, which also binds ASN officials, is no 490 in a Pemilu.
  auto pilkada = counterparts.in_source({"uu-7-2017", "490", ""}, "uu-10-2016");
  REQUIRE(pilkada);
  CHECK(pilkada->pasal == "188");
  CHECK_FALSE(counterparts.in_source({"uu-10-2016", "188", ""}, "uu-7-2017"));
}
