#include "bench/raw_fts5_query.h"

#include <algorithm>
#include <cctype>

#include "knowledge/fts5_tokenizer.h"

namespace netra::bench {
namespace {

// The column weights of knowledge/index.cpp (question, keywords, title, body).
constexpr const char* kSql =
    "SELECT rowid, bm25(docs, 2.0, 3.0, 2.5, 1.0) AS score FROM docs WHERE docs MATCH ?1 ORDER BY score LIMIT ?2";

// The MATCH text KnowledgeBase::match builds: each term with a word character, quoted, joined with OR.
std::string match_text(const std::vector<std::string>& terms) {
  std::string text;
  for (const auto& term : terms) {
    if (std::none_of(term.begin(), term.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      continue;
    }
    if (!text.empty()) text += " OR ";
    text += '"';
    for (char c : term) text += c == '"' ? std::string("\"\"") : std::string(1, c);
    text += '"';
  }
  return text;
}

knowledge::Database open_with_tokenizer(const std::string& index_path, const knowledge::Analyzer& analyzer) {
  knowledge::Database db(index_path, knowledge::Database::Mode::read_only);
  knowledge::register_tokenizer(db.handle(), analyzer);
  return db;
}

}  // namespace

RawFts5Query::RawFts5Query(const std::string& index_path, const knowledge::Analyzer& analyzer)
    : db_(open_with_tokenizer(index_path, analyzer)), query_(db_, kSql) {}

size_t RawFts5Query::run(const std::vector<std::string>& terms, size_t limit) {
  std::string text = match_text(terms);
  if (text.empty()) return 0;
  size_t rows = 0;
  query_.bind(1, text).bind(2, static_cast<int64_t>(limit));
  while (query_.step()) ++rows;
  query_.reset();
  return rows;
}

}  // namespace netra::bench
