// The yardstick of the answer-time benchmark: SQLite's own FTS5 query with its built-in bm25() (the column weights
// the knowledge index uses), sorted and cut by `ORDER BY … LIMIT`, on its own connection to an index file. This is
// what a plain full-text search costs; KnowledgeBase::match answers the same query with the same scores (see
// tests/knowledge/rank_test.cpp) but faster, so timing match itself would make the yardstick move with Netra.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "knowledge/analyzer.h"
#include "knowledge/sqlite.h"

namespace netra::bench {

class RawFts5Query {
 public:
  // Opens `index_path` read-only and registers the index's tokenizer with `analyzer` (which must outlive this).
  // Throws knowledge::SqliteError when the file is not a knowledge index.
  RawFts5Query(const std::string& index_path, const knowledge::Analyzer& analyzer);

  // Runs the query for `terms` (each quoted as one phrase, joined with OR, as KnowledgeBase::match does) and
  // returns how many rows it gave (at most `limit`).
  size_t run(const std::vector<std::string>& terms, size_t limit);

 private:
  knowledge::Database db_;
  knowledge::Statement query_;
};

}  // namespace netra::bench
