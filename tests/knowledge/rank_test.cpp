// KnowledgeBase::match ranks from FTS5's postings read into memory (Fts5Postings), or else with netra_bm25
// (FTS5's bm25 with the row sizes in memory), and sorts in C++; these tests hold it to what it replaced — SQLite's own bm25() under `ORDER BY score LIMIT n` — on the real corpus,
// to the last bit of every score, so that retrieval and every answer stay exactly as they were.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "bot/evaluation.h"
#include "knowledge/fts5_postings.h"
#include "knowledge/fts5_rank.h"
#include "knowledge/fts5_tokenizer.h"
#include "knowledge/index.h"
#include "knowledge/sqlite.h"
#include "support/test_support.h"

using namespace netra::knowledge;
using netra::testing::TempDir;

namespace {

// The query before netra_bm25: FTS5's built-in bm25() with the same column weights, sorted and cut by SQLite.
constexpr const char* kReferenceSql =
    "SELECT rowid, bm25(docs, 2.0, 3.0, 2.5, 1.0) AS score FROM docs WHERE docs MATCH ?1 ORDER BY score LIMIT ?2";

// The MATCH text KnowledgeBase::match builds: each term with a word character, quoted, joined with OR.
std::string match_text(const std::vector<std::string>& terms) {
  std::string query;
  for (const auto& term : terms) {
    if (std::none_of(term.begin(), term.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      continue;
    }
    if (!query.empty()) query += " OR ";
    query += '"';
    for (char c : term) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += '"';
  }
  return query;
}

// Queries as retrieval makes them: the distinct analysed terms of every eval message, all of them and the first
// eight (the retriever's most), plus single common and rare terms.
std::vector<std::vector<std::string>> eval_queries(const KnowledgeBase& kb) {
  std::vector<std::vector<std::string>> queries = {{"kampanye"}, {"asn"}, {"calon"}, {"sanksi"}, {"netral"}};
  // A phrase of two words is left to FTS5 (Fts5Postings scores one-token phrases only): the same ranking.
  queries.push_back({"uang", "politik uang", "kampanye"});
  queries.push_back({"kepala desa", "netral"});
  std::vector<std::string> errors;
  for (const char* file : {"dev.jsonl", "dev2.jsonl", "labelled.jsonl", "blind3.jsonl", "heldout.jsonl"}) {
    for (const auto& item : netra::bot::read_eval_file(netra::testing::test_data_dir() + "/" + file, errors)) {
      std::vector<std::string> terms;
      std::unordered_set<std::string> seen;
      for (auto& term : kb.analyzer().analyze(item.question)) {
        if (seen.insert(term.text).second) terms.push_back(term.text);
      }
      if (terms.empty()) continue;
      queries.push_back(terms);
      if (terms.size() > 8) queries.emplace_back(terms.begin(), terms.begin() + 8);
    }
  }
  REQUIRE(errors.empty());
  return queries;
}

}  // namespace

TEST_CASE("match ranks exactly as FTS5's bm25 with ORDER BY and LIMIT did", "[index][rank]") {
  TempDir dir;
  auto report = build_index(KnowledgeSource{netra::testing::knowledge_root()}, dir.file("k.db"), {});
  REQUIRE(report.problems.empty());
  auto kb = KnowledgeBase::open(dir.file("k.db"), {});

  Database reference_db(dir.file("k.db"), Database::Mode::read_only);
  register_tokenizer(reference_db.handle(), kb->analyzer());
  Statement reference(reference_db, kReferenceSql);

  auto queries = eval_queries(*kb);
  REQUIRE(queries.size() > 300);
  size_t rows = 0, ties = 0;
  for (const auto& terms : queries) {
    for (size_t limit : {size_t{5}, size_t{40}, size_t{1000}}) {
      std::vector<Match> expected;
      reference.bind(1, match_text(terms)).bind(2, static_cast<int64_t>(limit));
      while (reference.step()) {
        expected.push_back({static_cast<size_t>(reference.column_int(0) - 1), reference.column_double(1)});
      }
      reference.reset();
      auto actual = kb->match(terms, limit);
      INFO(match_text(terms) << " LIMIT " << limit);
      REQUIRE(actual.size() == expected.size());
      for (size_t i = 0; i < actual.size(); ++i) {
        CHECK(actual[i].entry == expected[i].entry);
        CHECK(actual[i].bm25 == expected[i].bm25);  // the same double, not merely a close one
        if (i > 0 && expected[i].bm25 == expected[i - 1].bm25) ++ties;
      }
      rows += actual.size();
    }
  }
  CHECK(rows > 10000);
  // Equal scores occur on the real corpus, so the order among them (rowid order, as SQLite's sort) is tested too.
  CHECK(ties > 0);
}

TEST_CASE("the row sizes netra_bm25 uses are FTS5's own", "[index][rank]") {
  TempDir dir;
  Database db(dir.file("t.db"), Database::Mode::read_write_create);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(a, b)");
  // A column of 300 tokens: the size takes a two-byte varint in %_docsize.
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "w" + std::to_string(i) + " ";
  Statement insert(db, "INSERT INTO t(rowid, a, b) VALUES (?1, ?2, ?3)");
  insert.bind(1, int64_t{1}).bind(2, "satu dua tiga").bind(3, "empat").run();
  insert.bind(1, int64_t{3}).bind(2, long_text).bind(3, "lima enam").run();
  auto sizes = read_row_sizes(db, "t");
  REQUIRE(sizes.size() == 4);
  CHECK(sizes[0] == -1);  // no such row: netra_bm25 asks FTS5
  CHECK(sizes[1] == 4);
  CHECK(sizes[2] == -1);
  CHECK(sizes[3] == 302);

  register_rank_function(db.handle(), sizes);
  // The phrases' row counts as read from the index, and left for the function to count (NULL), give bm25()'s
  // scores alike; so does a list that does not fit the query (it is ignored).
  auto term_rows = read_term_rows(db, "t");
  CHECK(term_rows.at("satu") == 1);
  CHECK(term_rows.at("w7") == 1);
  CHECK(term_rows.count("tujuh") == 0);
  PhraseRows known = {term_rows.at("satu"), term_rows.at("lima"), term_rows.at("w7"), 0};
  PhraseRows wrong_size = {1};
  for (const PhraseRows* rows : std::vector<const PhraseRows*>{nullptr, &known, &wrong_size}) {
    Statement both(db, "SELECT bm25(t, 2.0, 1.0), netra_bm25(t, ?1, 2.0, 1.0), bm25(t), netra_bm25(t, ?1) FROM t "
                       "WHERE t MATCH 'satu OR lima OR w7 OR tujuh'");
    if (rows) both.bind_pointer(1, rows, kPhraseRowsPointerType);
    size_t matched = 0;
    while (both.step()) {
      ++matched;
      CHECK(both.column_double(0) == both.column_double(1));
      CHECK(both.column_double(2) == both.column_double(3));
    }
    CHECK(matched == 2);
  }
}

TEST_CASE("the postings score an OR query as FTS5's bm25 does and leave phrases of several words to it",
          "[index][rank]") {
  TempDir dir;
  Database db(dir.file("t.db"), Database::Mode::read_write_create);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(a, b, c)");
  Statement insert(db, "INSERT INTO t(rowid, a, b, c) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, int64_t{1}).bind(2, "satu dua satu").bind(3, "satu").bind(4, "tiga empat").run();
  insert.bind(1, int64_t{2}).bind(2, "lima").bind(3, "enam tujuh delapan").bind(4, "satu lima lima").run();
  insert.bind(1, int64_t{5}).bind(2, "sembilan").bind(3, "").bind(4, "dua tiga").run();
  auto postings = Fts5Postings::read(db, "t");
  auto sizes = read_row_sizes(db, "t");
  auto totals = read_table_totals(db, "t");
  CHECK(totals.rows == 3);
  CHECK(totals.tokens == 16);

  // Repeats in one column and across columns, a weight missing for the third column (1.0, as in bm25()), an
  // unknown term, and a term given twice: every score the same double as bm25()'s, rows in rowid order.
  std::vector<double> weights = {2.0, 0.5};
  auto scores = postings.score({"satu", "lima", "dua", "nol", "satu"}, weights, sizes);
  REQUIRE(scores);
  Statement reference(db, "SELECT rowid, bm25(t, 2.0, 0.5) FROM t WHERE t MATCH '\"satu\" OR \"lima\" OR \"dua\" OR "
                          "\"nol\" OR \"satu\"' ORDER BY rowid");
  size_t row = 0;
  while (reference.step()) {
    REQUIRE(row < scores->size());
    CHECK((*scores)[row].rowid == reference.column_int(0));
    CHECK((*scores)[row].bm25 == reference.column_double(1));
    ++row;
  }
  CHECK(row == scores->size());
  CHECK(row == 3);

  CHECK_FALSE(postings.score({"satu", "dua tiga"}, weights, sizes));  // a phrase: FTS5 answers it
  CHECK_FALSE(postings.score({"satu"}, weights, RowSizes{}));          // rows without their sizes: FTS5 too
  CHECK(postings.score({"nol"}, weights, sizes)->empty());
}
