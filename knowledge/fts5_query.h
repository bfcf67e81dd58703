// The retrieval query's connection (KnowledgeBase::match in knowledge/fts5_query.cpp), shared with
// knowledge_base.cpp, which owns the pool. Private to knowledge/.
#pragma once

#include <string>
#include <vector>

#include "knowledge/fts5_rank.h"
#include "knowledge/fts5_tokenizer.h"
#include "knowledge/knowledge_base.h"

namespace netra::knowledge {

// Column weights for bm25: a match in a curated question or keyword says more than one in running text.
// netra_bm25 is bm25() with the row sizes and each term's row count in memory (knowledge/fts5_rank.h); ?2 points
// at the row counts of this query's terms. No ORDER BY … LIMIT: SQLite would keep the best rows in a temporary
// b-tree opened for every query; match() sorts the few matching rows itself, in the same order (see there).
inline constexpr const char* kMatchSql =
    "SELECT rowid, netra_bm25(docs, ?2, 2.0, 3.0, 2.5, 1.0) FROM docs WHERE docs MATCH ?1";
// The same weights for Fts5Postings, which answers the query from memory whenever it can (knowledge/fts5_postings.h).
inline const std::vector<double> kColumnWeights = {2.0, 3.0, 2.5, 1.0};

// One pooled read connection with its prepared query. Immutable: the index file is renamed into place whole and
// never written again, so SQLite takes no file lock and re-reads nothing at the start of each query.
struct KnowledgeBase::Connection {
  Database db;
  Statement match;
  Connection(const std::string& path, const Analyzer& analyzer, const RowSizes& row_sizes)
      : db(path, Database::Mode::read_only_immutable), match(prepare(db, analyzer, row_sizes)) {}

  static Statement prepare(const Database& db, const Analyzer& analyzer, const RowSizes& row_sizes) {
    register_tokenizer(db.handle(), analyzer);
    register_rank_function(db.handle(), row_sizes);
    return Statement(db, kMatchSql);
  }
};

}  // namespace netra::knowledge
