// Rules every answer must keep, checked by asking every curated question the corpus knows and reading only the
// public answer: no answer hedges with "from memory" or "to be checked", none states a fact the corrected fact
// sheet marks wrong, a recalled article is cited without ayat, and a sanction line names its level, its article
// and, where both laws give a figure, which election each figure belongs to.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "knowledge/index.h"
#include "legal/legal_support.h"
#include "support/test_support.h"

using netra::legal_testing::ask;
using netra::legal_testing::Reply;

namespace {

// Every curated question of the corpus, as a user would send it.
std::vector<std::string> curated_questions() {
  std::vector<std::string> questions;
  for (const auto& entry : netra::testing::shared_knowledge().entries()) {
    if (entry.kind != netra::knowledge::EntryKind::qa) continue;
    questions.insert(questions.end(), entry.questions.begin(), entry.questions.end());
  }
  return questions;
}

bool contains(const std::string& text, const char* fragment) { return text.find(fragment) != std::string::npos; }

}  // namespace

TEST_CASE("no answer tells a user a detail is recalled or still to be checked", "[legal][sweep]") {
  auto questions = curated_questions();
  REQUIRE(questions.size() > 200);
  for (const auto& question : questions) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    for (const char* hedge : {"dari ingatan", "perlu dicek", "catatan kami", "belum dicek", "dicek pada teks resmi",
                              "sebaiknya dicek"}) {
      CHECK_FALSE(reply.mentions(hedge));
    }
  }
}

TEST_CASE("no answer states a fact the corrected fact sheet marks wrong", "[legal][sweep]") {
  for (const auto& question : curated_questions()) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK_FALSE(reply.mentions("Pasal 105"));       // PP 49/2018 has 102 articles
    CHECK_FALSE(reply.mentions("24 Agustus"));      // the KASN end date is unconfirmed
    CHECK_FALSE(reply.mentions("Agustus 2024"));
    CHECK_FALSE(reply.cites("pp-49-2018", "105"));
    auto sanction = reply.sanction_line();
    CHECK_FALSE(contains(sanction, "280 ayat 4"));  // the crime for 280 (1) h is Pasal 521
    CHECK_FALSE(contains(sanction, "diberhentikan tidak atas permintaan sendiri"));  // party: without honour
  }
}

TEST_CASE("a recalled article is cited without ayat in every answer", "[legal][sweep][provenance]") {
  const auto& kb = netra::testing::shared_knowledge();
  for (const auto& question : curated_questions()) {
    auto reply = ask(question);
    for (const auto& citation : reply.answer.citations) {
      const auto* article = kb.article({citation.source, citation.pasal, citation.ayat});
      REQUIRE(article != nullptr);
      if (article->provenance != "recalled") continue;
      INFO(question << " cites " << citation.source << " " << citation.pasal << " ayat " << citation.ayat);
      CHECK(citation.ayat.empty());
    }
  }
}

TEST_CASE("every sanction line names its level, its article, and the election of each criminal figure",
          "[legal][sweep]") {
  for (const auto& question : curated_questions()) {
    auto reply = ask(question);
    auto sanction = reply.sanction_line();
    if (sanction.empty()) continue;
    INFO(question << "\n" << sanction);
    if (contains(sanction, "disiplin sedang")) {
      CHECK((contains(sanction, "pasal 13 huruf g") || contains(sanction, "skb 2022")));
    }
    // PNS discipline is levelled by PP 94/2021 (or the 2022 joint decree's table); PPPK discipline by the agency
    // under PP 49/2018, whose Pasal 53 says what a heavy one does to the contract.
    if (contains(sanction, "disiplin berat")) {
      CHECK((contains(sanction, "pasal 14 huruf i") || contains(sanction, "skb 2022") ||
             contains(sanction, "pp 49/2018 pasal 53")));
    }
    if (contains(sanction, "penjara") || contains(sanction, "kurungan")) CHECK(contains(sanction, "pasal"));
    // A line giving criminal figures from both election laws says which election each belongs to.
    if (contains(sanction, "uu 7/2017 pasal 4") || contains(sanction, "uu 7/2017 pasal 5")) {
      if (contains(sanction, "uu 10/2016 pasal 18")) {
        CHECK(contains(sanction, "pemilu"));
        CHECK(contains(sanction, "pilkada"));
      }
    }
  }
}
