#include <catch2/catch.hpp>

#include <filesystem>

#include "knowledge/index.h"
#include "knowledge/retriever.h"
#include "support/test_support.h"

using namespace netra::knowledge;
using netra::testing::TempDir;
using netra::testing::shared_knowledge;

namespace {

// A copy of the repository's knowledge folder that a test may change.
void copy_knowledge(const TempDir& dir) {
  std::filesystem::copy(netra::testing::knowledge_root() + "/corpus", dir.path() / "corpus");
  std::filesystem::copy(netra::testing::knowledge_root() + "/data", dir.path() / "data");
}

}  // namespace

TEST_CASE("the index holds every corpus entry and finds them through the tokenizer", "[index]") {
  const auto& kb = shared_knowledge();
  REQUIRE(kb.entries().size() > 150);
  auto matches = kb.match({"kampanye"}, 10);
  REQUIRE_FALSE(matches.empty());
  CHECK(matches.size() <= 10);
  for (size_t i = 1; i < matches.size(); ++i) CHECK(matches[i - 1].bm25 <= matches[i].bm25);
}

TEST_CASE("FTS5 syntax in terms is quoted, never interpreted", "[index]") {
  const auto& kb = shared_knowledge();
  for (const char* hostile : {"\"", "*", "^", "NEAR(x", "AND", "OR", "NOT", "title:", "(", ")", "a\"b", "{}", ""}) {
    INFO(hostile);
    CHECK_NOTHROW(kb.match({hostile, "kampanye"}, 5));
  }
  CHECK(kb.match({}, 5).empty());
}

TEST_CASE("retrieval ranks the entry about the asked act first", "[index]") {
  const auto& kb = shared_knowledge();
  Retriever retriever(kb);
  RetrievalRequest request;
  for (auto& t : kb.analyzer().analyze("PNS like postingan caleg di instagram")) request.terms.push_back(t.text);
  auto hits = retriever.retrieve(request);
  REQUIRE_FALSE(hits.empty());
  const auto& top = kb.entries()[hits.front().entry];
  bool about_social_media = false;
  for (const auto& k : top.keywords) about_social_media |= k.find("like") != std::string::npos;
  CHECK(about_social_media);
  CHECK(hits.front().coverage > 0.5);
}

TEST_CASE("an invalid corpus builds nothing and reports file and line", "[index]") {
  TempDir dir;
  copy_knowledge(dir);
  netra::testing::write_file(dir.path() / "corpus" / "qa-rusak.txt", "source: qa\ntitle: t\n== qa x\nquestion: q\n");
  auto report = build_index(KnowledgeSource{dir.path().string()}, dir.file("out.db"), {});
  REQUIRE_FALSE(report.problems.empty());
  CHECK(report.problems.front().file.find("qa-rusak.txt") != std::string::npos);
  CHECK(report.problems.front().line == 3);
  CHECK_FALSE(std::filesystem::exists(dir.file("out.db")));
}

TEST_CASE("open_or_build rebuilds an index whose corpus changed", "[index]") {
  TempDir dir;
  copy_knowledge(dir);
  KnowledgeSource source{dir.path().string()};
  bool rebuilt = false;
  auto first = open_or_build(source, dir.file("k.db"), {}, &rebuilt);
  CHECK(rebuilt);
  size_t before = first->entries().size();
  first.reset();
  auto again = open_or_build(source, dir.file("k.db"), {}, &rebuilt);
  CHECK_FALSE(rebuilt);
  again.reset();
  netra::testing::write_file(dir.path() / "corpus" / "qa-tambahan.txt",
                             "source: qa\ntitle: t\n== qa tambahan-uji\nquestion: boleh main layangan?\n"
                             "verdict: boleh\nanswer: Warga biasa boleh.\ncite: uu-7-2017 280\n");
  auto updated = open_or_build(source, dir.file("k.db"), {}, &rebuilt);
  CHECK(rebuilt);
  CHECK(updated->entries().size() == before + 1);
}

TEST_CASE("opening a file that is not an index fails with a clear message", "[index]") {
  TempDir dir;
  netra::testing::write_file(dir.path() / "bukan.db", "ini bukan database");
  CHECK_THROWS_WITH(KnowledgeBase::open(dir.file("bukan.db"), {}), Catch::Contains("bukan.db"));
  CHECK_THROWS_WITH(KnowledgeBase::open(dir.file("tidak-ada.db"), {}), Catch::Contains("does not exist"));
}

TEST_CASE("the index keeps each article's provenance and check date", "[index][provenance]") {
  const auto& kb = shared_knowledge();
  const auto* article = kb.article({"uu-7-2017", "454", "6"});
  REQUIRE(article != nullptr);
  CHECK(article->provenance == "official");
  CHECK(article->checked.size() == 10);
  for (const auto& entry : kb.entries()) {
    if (entry.kind == EntryKind::article) CHECK_FALSE(entry.provenance.empty());
  }
}
