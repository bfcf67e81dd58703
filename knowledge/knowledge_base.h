// The opened knowledge index: entries in memory, the analyzer rebuilt from the lexicon stored in the file, term
// statistics for re-ranking, and the FTS5 query on a small pool of read-only connections. Because the lexicon
// travels inside the file, queries are always analysed as the corpus was. Built by knowledge/index_build.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "knowledge/analyzer.h"
#include "knowledge/corpus.h"
#include "knowledge/counterparts.h"
#include "knowledge/duties.h"
#include "knowledge/fts5_postings.h"
#include "knowledge/fts5_rank.h"
#include "knowledge/replies.h"
#include "knowledge/rules.h"
#include "knowledge/sqlite.h"
#include "knowledge/stemmer.h"

namespace netra::knowledge {

// One FTS5 match: which entry and its bm25 score (lower is better, as in SQLite).
struct Match {
  size_t entry = 0;  // index into KnowledgeBase::entries()
  double bm25 = 0;
};

// Terms are numbered when an index is opened, so that re-ranking compares small integers instead of hashing
// strings for every term of every candidate. Ids belong to one opened KnowledgeBase and are not stored.
using TermId = uint32_t;

// A curated question as re-ranking reads it: its distinct terms and their idf summed once at load.
struct QuestionTerms {
  std::vector<TermId> terms;  // in stored order (by text), the order the idf was summed in
  double idf_sum = 0;
};

// An opened index: entries in memory, the analyzer rebuilt from the stored lexicon, and a small pool of
// read-only connections so that concurrent requests each query on their own connection.
class KnowledgeBase {
 public:
  // Throws std::runtime_error (or SqliteError) with a clear message when the file is missing or not an index.
  static std::unique_ptr<KnowledgeBase> open(const std::string& index_path, const DictionaryPaths& dictionary);
  ~KnowledgeBase();

  const Analyzer& analyzer() const { return *analyzer_; }
  const std::vector<Entry>& entries() const { return entries_; }
  // The verdict rules (data/rules.txt) and fixed texts (data/replies.txt) the index was built with.
  const std::vector<Rule>& rules() const { return rules_; }
  const Replies& replies() const { return replies_; }
  // Where each bound role's duty of neutrality is written (data/duties.txt).
  const RoleDuties& duties() const { return duties_; }
  // The articles of the two election laws that say the same thing (data/counterparts.txt).
  const ElectionCounterparts& counterparts() const { return counterparts_; }
  // The entry with this id, or nullptr.
  const Entry* entry(const std::string& id) const;
  const std::string& fingerprint() const { return fingerprint_; }
  // The source's metadata, or nullptr for an unknown id.
  const SourceInfo* source(const std::string& id) const;
  // The article entry a citation points at: same source and pasal, preferring the same ayat. nullptr if none.
  const Entry* article(const ArticleRef& ref) const;
  // The id of an analysed term, or nullopt when no entry and no curated question uses it.
  std::optional<TermId> term_id(const std::string& term) const;
  // Distinct analysed terms of an entry (title, questions, keywords, text), sorted by id for binary search.
  const std::vector<TermId>& entry_terms(size_t entry) const { return entry_terms_[entry]; }
  // The distinct analysed terms of each curated question of an entry (empty for articles and summaries).
  const std::vector<QuestionTerms>& question_terms(size_t entry) const { return question_terms_[entry]; }
  // Inverse document frequency of a term over the entries; terms the corpus never uses get the largest value.
  double idf(const std::string& term) const;
  double idf(TermId term) const { return idf_by_id_[term]; }
  // The idf of a term that occurs in `share` (0..1) of the entries: terms below it are common.
  double idf_at_share(double share) const;

  // Runs one FTS5 query: any of `terms` (already analysed), best `limit` by weighted bm25 (knowledge/fts5_query.cpp),
  // scored from the postings read at open whenever they can (knowledge/fts5_postings.h), with the same result.
  std::vector<Match> match(const std::vector<std::string>& terms, size_t limit) const;

 private:
  KnowledgeBase() = default;
  // Loading (knowledge_base.cpp), in this order: the lexicon first, since the FTS5 vocabulary is read through
  // the tokenizer it builds.
  void load_lexicon(Database& db, const DictionaryPaths& dictionary);
  void load_sources(Database& db);
  void load_entries(Database& db);
  // The id of a term met while loading, numbering it on first sight.
  TermId intern(const std::string& term);
  // Fills idf_by_id_ from each term's document frequency (indexed by id), then each question's idf sum.
  void compute_idf(const std::vector<size_t>& document_frequency);

  // The FTS5 query (fts5_query.cpp): one pooled connection per concurrent query.
  struct Connection;
  std::unique_ptr<Connection> acquire() const;
  void release(std::unique_ptr<Connection> connection) const;
  // How many rows of the FTS5 table contain `term` as the single token its phrase is; -1 when its phrase is not
  // that (FTS5 then counts).
  int64_t rows_containing(const std::string& term) const;
  // The query run by FTS5 with netra_bm25, for phrases the postings cannot score; unsorted.
  std::vector<Match> match_fts5(const std::vector<std::string>& phrases) const;

  std::string path_;
  std::vector<Rule> rules_;
  Replies replies_;
  RoleDuties duties_;
  ElectionCounterparts counterparts_;
  std::unordered_map<std::string, size_t> entry_by_id_;
  std::shared_ptr<const Stemmer> stemmer_;
  std::unique_ptr<Analyzer> analyzer_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, TermId> term_ids_;
  std::vector<double> idf_by_id_;
  std::vector<std::vector<TermId>> entry_terms_;
  std::vector<std::vector<QuestionTerms>> question_terms_;
  double max_idf_ = 1.0;
  std::vector<SourceInfo> sources_;
  std::multimap<std::pair<std::string, std::string>, size_t> articles_;  // (source, pasal) → entry
  std::string fingerprint_;
  RowSizes row_sizes_;  // of the FTS5 table, for netra_bm25 on every pooled connection
  std::unordered_map<std::string, int64_t> term_rows_;  // FTS5 term → rows containing it, for netra_bm25
  Fts5Postings postings_;  // the FTS5 index in memory: match() scores from it
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Connection>> pool_;
};

}  // namespace netra::knowledge
