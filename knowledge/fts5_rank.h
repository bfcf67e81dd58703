// `netra_bm25`: FTS5's own bm25() ranking, computed the same way to the last bit, with two of its inputs taken
// from memory instead of from the index on every query. bm25() needs, for every matching row, the row's size in
// tokens, which FTS5 reads with a nested SQL statement per row (%_docsize), and, once per query, the number of
// rows each phrase matches, which FTS5 counts by running each phrase as a query of its own (xQueryPhrase). On
// the real corpus those two were most of the cost of a retrieval query (perf and callgrind, docs/benchmarks.md).
// Both are facts of the index file, fixed once it is built: the knowledge base reads them when it opens it.
// Everything else — the weighted hits of each phrase per column, the row count, the average row size, the
// formula and its order of operations — is FTS5's bm25() (ext/fts5/fts5_aux.c, SQLite 3.40), so scores and their
// ties are identical; tests/knowledge/rank_test.cpp checks that against bm25() itself.
#pragma once

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "knowledge/sqlite.h"

namespace netra::knowledge {

inline constexpr const char* kRankFunctionName = "netra_bm25";
// The pointer type (sqlite3_bind_pointer) of netra_bm25's second argument, a `const PhraseRows*`.
inline constexpr const char* kPhraseRowsPointerType = "netra_phrase_rows";

// Total tokens of each row of an FTS5 table over all its columns (FTS5's xColumnSize(-1)), indexed by rowid; -1
// for a rowid the table does not have. For a row not found here the function asks FTS5.
using RowSizes = std::vector<int64_t>;

// For each phrase of one MATCH query, in query order: how many rows of the table contain it, or -1 when not known
// (the function then counts them as bm25() does).
using PhraseRows = std::vector<int64_t>;

// bm25's constants, as in FTS5.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

// A phrase's idf as FTS5's bm25() computes it from the table's rows and the rows containing the phrase: the
// integers subtracted first, then doubles; floored, since a phrase in more than half of the rows would get a
// negative idf. netra_bm25 and Fts5Postings both call this, so their scores are the same double.
inline double bm25_idf(int64_t rows, int64_t hits) {
  double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

// One phrase's share of a row's bm25 score: `frequency` its weighted occurrences in the row, `size` the row's
// tokens, `average_size` the table's tokens per row. FTS5's expression, operation for operation.
inline double bm25_term(double idf, double frequency, double size, double average_size) {
  return idf * ((frequency * (kBm25K1 + 1.0)) / (frequency + kBm25K1 * (1 - kBm25B + kBm25B * size / average_size)));
}

// Reads the row sizes of the FTS5 table `table` from its %_docsize shadow table (one varint per column, the
// format FTS5 writes). Throws SqliteError when the table has no such shadow table.
RowSizes read_row_sizes(const Database& db, const std::string& table);

// The totals FTS5 keeps in the averages record of the table's %_data (rowid 1): its rows, and its tokens over all
// columns — what xRowCount and xColumnTotalSize(-1) return (zeros for a table never written to). Throws
// SqliteError when `table` has no %_data table.
struct TableTotals {
  int64_t rows = 0;
  int64_t tokens = 0;
};
TableTotals read_table_totals(const Database& db, const std::string& table);

// How many rows contain each term of the FTS5 table `table`, from FTS5's own index (an fts5vocab table in the
// connection's temp schema). The connection must have the table's tokenizer registered.
std::unordered_map<std::string, int64_t> read_term_rows(Database& db, const std::string& table);

// Registers netra_bm25(table, phrase_rows, weight...) on the connection: bm25(table, weight...) — the same
// result, lower is better — with `phrase_rows` a pointer bound as kPhraseRowsPointerType, or NULL to count every
// phrase's rows. `sizes` must outlive the connection and belong to the table it ranks.
void register_rank_function(sqlite3* db, const RowSizes& sizes);

}  // namespace netra::knowledge
