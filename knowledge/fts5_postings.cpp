#include "knowledge/fts5_postings.h"

#include <algorithm>
#include <string_view>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// The columns of `table`, in declaration order (the order of bm25's weights).
std::vector<std::string> column_names(const Database& db, const std::string& table) {
  Statement columns(db, "SELECT * FROM \"" + table + "\" LIMIT 0");
  std::vector<std::string> names;
  int count = sqlite3_column_count(columns.handle());
  for (int i = 0; i < count; ++i) names.emplace_back(sqlite3_column_name(columns.handle(), i));
  return names;
}

// A text column of the current row, read in place: valid until the next step.
std::string_view column_view(const Statement& row, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row.handle(), column));
  return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(row.handle(), column))) : std::string_view();
}

}  // namespace

bool is_single_token(const std::string& term) {
  // Lowercase letters and digits are word characters, so a term of only those is one word as it is (nearly every
  // term: no need to split it).
  bool plain = !term.empty() && std::all_of(term.begin(), term.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
  if (plain) return true;
  auto words = split_words(term);
  return words.size() == 1 && words.front().text == term;
}

Fts5Postings Fts5Postings::read(Database& db, const std::string& table) {
  Fts5Postings postings;
  auto columns = column_names(db, table);
  if (columns.size() > kMaxColumns) return postings;
  std::string vocabulary = "temp.\"" + table + "_instances\"";
  // `instance`: one row per occurrence, ordered by term, row, column and offset
  // (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS " + vocabulary + " USING fts5vocab(main, \"" + table + "\", instance)");
  Statement instances(db, "SELECT term, doc, col FROM " + vocabulary);
  // Tens of thousands of occurrences on the real corpus: read in place, a string made only for each new term.
  std::vector<Posting>* list = nullptr;
  std::string term;
  while (instances.step()) {
    std::string_view next_term = column_view(instances, 0);
    if (!list || next_term != term) {
      term = next_term;
      list = &postings.by_term_[term];
    }
    int64_t rowid = instances.column_int(1);
    if (list->empty() || list->back().rowid != rowid) list->push_back({rowid, {}});
    auto column = std::find(columns.begin(), columns.end(), column_view(instances, 2));
    if (column == columns.end()) return {};  // not this table's column: leave the query to FTS5
    ++list->back().hits[static_cast<size_t>(column - columns.begin())];
  }
  TableTotals totals = read_table_totals(db, table);
  postings.rows_ = totals.rows;
  postings.tokens_ = totals.tokens;
  postings.usable_ = true;
  return postings;
}

double Fts5Postings::frequency(const Posting& posting, const std::vector<double>& weights) {
  double frequency = 0.0;
  for (size_t column = 0; column < kMaxColumns; ++column) {
    double weight = weights.size() > column ? weights[column] : 1.0;
    for (uint32_t i = 0; i < posting.hits[column]; ++i) frequency += weight;
  }
  return frequency;
}

std::vector<int64_t> Fts5Postings::rows_of(const std::vector<const std::vector<Posting>*>& postings) {
  std::vector<int64_t> rows;
  for (const auto* list : postings) {
    for (const auto& posting : *list) rows.push_back(posting.rowid);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

std::optional<std::vector<RowScore>> Fts5Postings::score(const std::vector<std::string>& phrases,
                                                         const std::vector<double>& weights,
                                                         const RowSizes& sizes) const {
  if (!usable_) return std::nullopt;
  static const std::vector<Posting> kNoPostings;
  std::vector<const std::vector<Posting>*> postings;  // by phrase, in query order
  std::vector<double> idf;
  for (const auto& phrase : phrases) {
    if (!is_single_token(phrase)) return std::nullopt;
    auto found = by_term_.find(phrase);
    postings.push_back(found == by_term_.end() ? &kNoPostings : &found->second);
    idf.push_back(bm25_idf(rows_, static_cast<int64_t>(postings.back()->size())));
  }
  double average_size = static_cast<double>(tokens_) / static_cast<double>(rows_);
  std::vector<size_t> cursors(postings.size(), 0);  // rows are visited in ascending order, as each list is
  std::vector<RowScore> scores;
  for (int64_t rowid : rows_of(postings)) {
    if (rowid < 0 || static_cast<uint64_t>(rowid) >= sizes.size() || sizes[static_cast<size_t>(rowid)] < 0) {
      return std::nullopt;
    }
    double size = static_cast<double>(sizes[static_cast<size_t>(rowid)]);
    // Every phrase in query order, those the row lacks adding bm25_term of nothing (+0.0), as bm25() does.
    double score = 0.0;
    for (size_t phrase = 0; phrase < postings.size(); ++phrase) {
      const auto& list = *postings[phrase];
      size_t& at = cursors[phrase];
      while (at < list.size() && list[at].rowid < rowid) ++at;
      double weighted = at < list.size() && list[at].rowid == rowid ? frequency(list[at], weights) : 0.0;
      score += bm25_term(idf[phrase], weighted, size, average_size);
    }
    scores.push_back({rowid, -1.0 * score});
  }
  return scores;
}

}  // namespace netra::knowledge
