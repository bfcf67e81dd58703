// KnowledgeBase::match, the retrieval query: analysed terms in, rows ranked by bm25 out — from the postings in
// memory (knowledge/fts5_postings.h), or else by FTS5 with netra_bm25, each query on a pooled read-only connection.
#include <algorithm>
#include <cctype>

#include "knowledge/fts5_query.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// An FTS5 string: the term in double quotes, a double quote inside doubled. FTS5 reads it as one phrase.
std::string quote_term(const std::string& term) {
  std::string quoted = "\"";
  for (char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

}  // namespace

std::unique_ptr<KnowledgeBase::Connection> KnowledgeBase::acquire() const {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto connection = std::move(pool_.back());
      pool_.pop_back();
      return connection;
    }
  }
  return std::make_unique<Connection>(path_, *analyzer_, row_sizes_);
}

void KnowledgeBase::release(std::unique_ptr<Connection> connection) const {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(connection));
}

std::vector<Match> KnowledgeBase::match(const std::vector<std::string>& terms, size_t limit) const {
  // User text never reaches FTS5 syntax: each analysed term with a word character is one phrase, joined with OR.
  std::vector<std::string> phrases;
  for (const auto& term : terms) {
    bool has_word_char = std::any_of(term.begin(), term.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (has_word_char) phrases.push_back(term);
  }
  if (phrases.empty()) return {};
  std::vector<Match> matches;
  if (auto scores = postings_.score(phrases, kColumnWeights, row_sizes_)) {
    for (const auto& row : *scores) {
      if (row.rowid >= 1 && static_cast<size_t>(row.rowid) <= entries_.size()) {
        matches.push_back({static_cast<size_t>(row.rowid - 1), row.bm25});
      }
    }
  } else {
    matches = match_fts5(phrases);
  }
  // Best score first and, among equal scores, by rowid; the first `limit`. That is the order `ORDER BY score
  // LIMIT n` gave: FTS5 yields rows by rowid and SQLite numbers the rows it sorts, so its sort is stable.
  auto better = [](const Match& a, const Match& b) { return a.bm25 < b.bm25 || (a.bm25 == b.bm25 && a.entry < b.entry); };
  size_t kept = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<long>(kept), matches.end(), better);
  matches.resize(kept);
  return matches;
}

std::vector<Match> KnowledgeBase::match_fts5(const std::vector<std::string>& phrases) const {
  std::vector<Match> matches;
  std::string query;
  PhraseRows phrase_rows;
  for (const auto& phrase : phrases) {
    if (!query.empty()) query += " OR ";
    query += quote_term(phrase);
    phrase_rows.push_back(rows_containing(phrase));
  }
  auto connection = acquire();
  try {
    connection->match.bind(1, query).bind_pointer(2, &phrase_rows, kPhraseRowsPointerType);
    while (connection->match.step()) {
      auto rowid = connection->match.column_int(0);
      if (rowid >= 1 && static_cast<size_t>(rowid) <= entries_.size()) {
        matches.push_back({static_cast<size_t>(rowid - 1), connection->match.column_double(1)});
      }
    }
    connection->match.reset();
  } catch (...) {
    connection->match.reset();
    release(std::move(connection));
    throw;
  }
  release(std::move(connection));
  return matches;
}

int64_t KnowledgeBase::rows_containing(const std::string& term) const {
  // The phrase FTS5 makes of a quoted term is the term's words as the tokenizer splits them in a query. A term
  // that stays one word is one token, in as many rows as the index says (none when it has no such term);
  // anything else is left to FTS5 to count.
  if (!is_single_token(term)) return -1;
  auto found = term_rows_.find(term);
  return found == term_rows_.end() ? 0 : found->second;
}

}  // namespace netra::knowledge
