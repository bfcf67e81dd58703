// KnowledgeBase::match, the retrieval query: analysed terms in, FTS5 matches ranked by netra_bm25 out, each query
// on a pooled read-only connection of its own.
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
  std::vector<Match> matches;
  // User text never reaches FTS5 syntax: each analysed term is a quoted string (one phrase), joined with OR.
  std::string query;
  PhraseRows phrase_rows;
  for (const auto& term : terms) {
    bool has_word_char = std::any_of(term.begin(), term.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (!has_word_char) continue;
    if (!query.empty()) query += " OR ";
    query += quote_term(term);
    phrase_rows.push_back(rows_containing(term));
  }
  if (query.empty()) return matches;
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
  // Best score first and, among equal scores, by rowid; the first `limit`. That is the order `ORDER BY score
  // LIMIT n` gave: FTS5 yields rows by rowid and SQLite numbers the rows it sorts, so its sort is stable.
  auto better = [](const Match& a, const Match& b) { return a.bm25 < b.bm25 || (a.bm25 == b.bm25 && a.entry < b.entry); };
  size_t kept = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<long>(kept), matches.end(), better);
  matches.resize(kept);
  return matches;
}

int64_t KnowledgeBase::rows_containing(const std::string& term) const {
  // The phrase FTS5 makes of a quoted term is the term's words as the tokenizer splits them in a query. A term
  // that stays one word is one token, in as many rows as the index says (none when it has no such term);
  // anything else is left to FTS5 to count. Lowercase letters and digits are word characters, so a term of
  // only those is one word as it is (nearly every term: no need to split it).
  bool plain = !term.empty() && std::all_of(term.begin(), term.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
  if (!plain) {
    auto words = split_words(term);
    if (words.size() != 1 || words.front().text != term) return -1;
  }
  auto found = term_rows_.find(term);
  return found == term_rows_.end() ? 0 : found->second;
}

}  // namespace netra::knowledge
