#include "knowledge/fts5_rank.h"

#include <cmath>
#include <new>

namespace netra::knowledge {
namespace {

// What bm25 computes once per query: the average row size and each phrase's idf. Kept by FTS5 with the query
// (xSetAuxdata) and freed with it.
struct QueryData {
  double average_size = 0;
  std::vector<double> idf;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

// The per-query figures as bm25 takes them: rows and tokens of the whole table, the rows each phrase matches
// (from `known` where it has them, else counted by running the phrase).
int query_data(const Fts5ExtensionApi* api, Fts5Context* fts, const PhraseRows* known, QueryData** out) {
  if (auto* data = static_cast<QueryData*>(api->xGetAuxdata(fts, 0))) {
    *out = data;
    return SQLITE_OK;
  }
  auto* data = new (std::nothrow) QueryData;
  if (!data) return SQLITE_NOMEM;
  sqlite3_int64 rows = 0, tokens = 0;
  int phrases = api->xPhraseCount(fts);
  // Statistics for another query's phrases would give wrong scores: then every phrase is counted.
  if (known && known->size() != static_cast<size_t>(phrases)) known = nullptr;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) {
    data->average_size = static_cast<double>(tokens) / static_cast<double>(rows);
    data->idf.resize(static_cast<size_t>(phrases));
  }
  for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
    int64_t hits = known ? (*known)[static_cast<size_t>(i)] : -1;
    if (hits < 0) {
      hits = 0;
      rc = api->xQueryPhrase(fts, i, &hits, count_row);
    }
    data->idf[static_cast<size_t>(i)] = bm25_idf(rows, hits);
  }
  if (rc == SQLITE_OK) {
    rc = api->xSetAuxdata(fts, data, [](void* p) { delete static_cast<QueryData*>(p); });
  } else {
    delete data;
  }
  *out = rc == SQLITE_OK ? data : nullptr;
  return rc;
}

// netra_bm25(table, phrase_rows, weight...). The weighted hits of a phrase are summed over its own instances in
// position order (xPhraseFirst/xPhraseNext): the additions bm25() makes for that phrase, in the same order, read
// without building the row's merged instance list (xInstCount).
void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argument_count,
          sqlite3_value** arguments) {
  const auto& sizes = *static_cast<const RowSizes*>(api->xUserData(fts));
  const auto* known = argument_count > 0
                          ? static_cast<const PhraseRows*>(sqlite3_value_pointer(arguments[0], kPhraseRowsPointerType))
                          : nullptr;
  int weight_count = argument_count > 0 ? argument_count - 1 : 0;
  sqlite3_value** weights = arguments + (argument_count > 0 ? 1 : 0);
  QueryData* data = nullptr;
  int rc = query_data(api, fts, known, &data);
  if (rc != SQLITE_OK) return sqlite3_result_error_code(context, rc);

  double size = 0;
  sqlite3_int64 rowid = api->xRowid(fts);
  if (rowid >= 0 && static_cast<uint64_t>(rowid) < sizes.size() && sizes[static_cast<size_t>(rowid)] >= 0) {
    size = static_cast<double>(sizes[static_cast<size_t>(rowid)]);
  } else {
    int tokens = 0;
    rc = api->xColumnSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return sqlite3_result_error_code(context, rc);
    size = static_cast<double>(tokens);
  }
  // The same operations in the same order as FTS5's bm25(), so the result is the same double.
  double score = 0.0;
  for (size_t phrase = 0; phrase < data->idf.size(); ++phrase) {
    double frequency = 0.0;
    Fts5PhraseIter iterator;
    int column = 0, offset = 0;
    rc = api->xPhraseFirst(fts, static_cast<int>(phrase), &iterator, &column, &offset);
    if (rc != SQLITE_OK) return sqlite3_result_error_code(context, rc);
    for (; column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset)) {
      frequency += weight_count > column ? sqlite3_value_double(weights[column]) : 1.0;
    }
    score += bm25_term(data->idf[phrase], frequency, size, data->average_size);
  }
  sqlite3_result_double(context, -1.0 * score);
}

// One SQLite varint (big-endian groups of 7 bits, at most 9 bytes), advancing `at`; false past the end.
bool read_varint(const unsigned char* bytes, size_t size, size_t& at, uint64_t& value) {
  value = 0;
  for (int i = 0; i < 9; ++i) {
    if (at >= size) return false;
    unsigned char byte = bytes[at++];
    if (i == 8) {
      value = (value << 8) | byte;
      return true;
    }
    value = (value << 7) | (byte & 0x7f);
    if (!(byte & 0x80)) return true;
  }
  return true;
}

}  // namespace

RowSizes read_row_sizes(const Database& db, const std::string& table) {
  RowSizes sizes;
  Statement rows(db, "SELECT id, sz FROM \"" + table + "_docsize\"");
  while (rows.step()) {
    int64_t rowid = rows.column_int(0);
    if (rowid < 0) continue;
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(rows.handle(), 1));
    auto size = static_cast<size_t>(sqlite3_column_bytes(rows.handle(), 1));
    int64_t total = 0;
    uint64_t column = 0;
    for (size_t at = 0; at < size && read_varint(bytes, size, at, column);) total += static_cast<int64_t>(column);
    if (static_cast<size_t>(rowid) >= sizes.size()) sizes.resize(static_cast<size_t>(rowid) + 1, -1);
    sizes[static_cast<size_t>(rowid)] = total;
  }
  return sizes;
}

TableTotals read_table_totals(const Database& db, const std::string& table) {
  // The averages record: a varint for the rows, then one per column for its tokens (ext/fts5/fts5_storage.c).
  Statement record(db, "SELECT block FROM \"" + table + "_data\" WHERE id = 1");
  TableTotals totals;
  if (!record.step()) return totals;  // a table never written to: FTS5 reads zeros too
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(record.handle(), 0));
  auto size = static_cast<size_t>(sqlite3_column_bytes(record.handle(), 0));
  size_t at = 0;
  uint64_t value = 0;
  if (read_varint(bytes, size, at, value)) totals.rows = static_cast<int64_t>(value);
  while (at < size && read_varint(bytes, size, at, value)) totals.tokens += static_cast<int64_t>(value);
  return totals;
}

std::unordered_map<std::string, int64_t> read_term_rows(Database& db, const std::string& table) {
  std::string vocabulary = "temp.\"" + table + "_term_rows\"";
  // `row`: one row per term, `doc` the number of rows that contain it (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS " + vocabulary + " USING fts5vocab(main, \"" + table + "\", row)");
  std::unordered_map<std::string, int64_t> rows;
  Statement terms(db, "SELECT term, doc FROM " + vocabulary);
  while (terms.step()) rows.emplace(terms.column_text(0), terms.column_int(1));
  return rows;
}

void register_rank_function(sqlite3* db, const RowSizes& sizes) {
  fts5_api* api = fts5_api_of(db);
  int rc = api->xCreateFunction(api, kRankFunctionName, const_cast<RowSizes*>(&sizes), rank, nullptr);
  check(db, rc, "register rank function");
}

}  // namespace netra::knowledge
