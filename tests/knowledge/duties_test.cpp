#include <catch2/catch.hpp>

#include "knowledge/corpus.h"
#include "knowledge/duties.h"

using namespace netra::knowledge;

TEST_CASE("duties.txt names, per role and best first, the articles that bind it", "[duties]") {
  std::vector<Problem> problems;
  auto duties = RoleDuties::parse(
      "# comment\n"
      "kades: uu-6-2014 29\n"
      "asn: uu-20-2023 9 2\n"
      "asn: pp-94-2021 5\n",
      problems);
  CHECK(problems.empty());
  auto asn = duties.of(Role::asn);
  REQUIRE(asn.size() == 2);
  CHECK(asn[0].source == "uu-20-2023");
  CHECK(asn[0].pasal == "9");
  CHECK(asn[0].ayat == "2");
  CHECK(asn[1].ayat.empty());
  CHECK(duties.of(Role::kades).size() == 1);
  CHECK(duties.of(Role::citizen).empty());
}

TEST_CASE("a malformed duty line or one naming no corpus article is reported with its line", "[duties]") {
  std::vector<Problem> problems;
  auto duties = RoleDuties::parse(
      "lurah: uu-6-2014 29\n"      // not a role
      "kades uu-6-2014 29\n"       // no colon
      "kades: uu-6-2014\n"         // no pasal
      "perangkat: uu-6-2014 99\n",  // parses, but no such article
      problems);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].line == 1);
  CHECK(problems[1].line == 2);
  CHECK(problems[2].line == 3);
  Corpus corpus;
  Entry article;
  article.kind = EntryKind::article;
  article.source = "uu-6-2014";
  article.pasal = "51";
  corpus.entries.push_back(article);
  std::vector<Problem> missing;
  duties.validate(corpus, missing);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].file == "duties.txt");
  CHECK(missing[0].line == 4);
  CHECK(missing[0].message.find("pasal 99") != std::string::npos);
}
