// The retrieval query — rows matching any of a few one-token phrases, each with its bm25 score — answered from
// FTS5's own index read into memory when the knowledge base opens: for every term the rows that contain it and
// how often in each column, and the table's row and token totals. FTS5 answers the same query by merging the
// terms' position lists and calling netra_bm25 for every matching row; on the real corpus that was 45 % of an
// uncached answer's instructions (callgrind, docs/benchmarks.md 2026-12-01). The scores here are the same
// doubles — the same inputs through the same operations in the same order (bm25_idf and bm25_term in
// knowledge/fts5_rank.h) — and tests/knowledge/rank_test.cpp holds them to SQLite's own bm25().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "knowledge/fts5_rank.h"
#include "knowledge/sqlite.h"

namespace netra::knowledge {

// One row an OR query matches, with bm25(table, weight...) for it (lower is better, as in SQLite).
struct RowScore {
  int64_t rowid = 0;
  double bm25 = 0;
};

// True when FTS5 reads the quoted `term` as one token equal to the term (its query tokenizer splits words): the
// phrases Fts5Postings can score, and whose row counts the index holds.
bool is_single_token(const std::string& term);

class Fts5Postings {
 public:
  // Tables with more columns than this are left to FTS5 (score() says nullopt); Netra's `docs` has four.
  static constexpr size_t kMaxColumns = 4;

  Fts5Postings() = default;

  // Reads the postings of the FTS5 table `table` (an fts5vocab `instance` table in the connection's temp schema;
  // the connection must have the table's tokenizer registered) and its totals (the averages record of %_data,
  // which FTS5's xRowCount and xColumnTotalSize read). Throws SqliteError when the table is not FTS5.
  static Fts5Postings read(Database& db, const std::string& table);

  // The rows that contain any of `phrases` (each a term for which is_single_token holds), in rowid order, scored
  // as `bm25(table, weights...)` with `sizes` the rows' token counts (read_row_sizes). nullopt when the answer
  // must come from FTS5 instead: a phrase of several tokens, a row without its size, a table too wide.
  std::optional<std::vector<RowScore>> score(const std::vector<std::string>& phrases, const std::vector<double>& weights,
                                             const RowSizes& sizes) const;

 private:
  // One row containing a term: how often it occurs in each column.
  struct Posting {
    int64_t rowid = 0;
    std::array<uint32_t, kMaxColumns> hits{};
  };
  // The weighted occurrences of one phrase in one row, added one occurrence at a time in position order (by
  // column, then offset), as netra_bm25 adds them walking FTS5's instances.
  static double frequency(const Posting& posting, const std::vector<double>& weights);
  // The rows containing any of the phrases' postings, ascending.
  static std::vector<int64_t> rows_of(const std::vector<const std::vector<Posting>*>& postings);

  std::unordered_map<std::string, std::vector<Posting>> by_term_;  // each list ascending by rowid
  int64_t rows_ = 0;    // rows of the table
  int64_t tokens_ = 0;  // tokens of the table, all columns
  bool usable_ = false;
};

}  // namespace netra::knowledge
