#include "knowledge/knowledge_base.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "knowledge/fts5_query.h"
#include "knowledge/fts5_tokenizer.h"
#include "knowledge/index_schema.h"
#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

constexpr const char* kEntryColumns =
    "SELECT kind, key, source, pasal, ayat, huruf, title, questions, audience, verdict, answer, body, "
    "sanction, keywords, cites, date, region, attribution, file, line, terms, question_terms, "
    "provenance, checked FROM entries ORDER BY rowid";
// Where kEntryColumns puts the precomputed terms, which are not part of an Entry.
constexpr int kTermsColumn = 20;
constexpr int kQuestionTermsColumn = 21;

// Throws unless the file is an index of this schema version.
void check_schema(Database& db, const std::string& index_path) {
  try {
    Statement schema(db, "SELECT value FROM meta WHERE key = 'schema'");
    if (!schema.step() || schema.column_text(0) != index_schema::kVersion) {
      throw std::runtime_error("knowledge index " + index_path + " was built by another version: rebuild it");
    }
  } catch (const SqliteError&) {
    throw std::runtime_error(index_path + " is not a Netra knowledge index");
  }
}

// The entry of the current row of kEntryColumns.
Entry entry_from_row(Statement& row) {
  Entry e;
  auto kind = row.column_text(0);
  e.kind = kind == "qa" ? EntryKind::qa : kind == "summary" ? EntryKind::summary : EntryKind::article;
  e.id = row.column_text(1);
  e.source = row.column_text(2);
  e.pasal = row.column_text(3);
  e.ayat = row.column_text(4);
  e.huruf = row.column_text(5);
  e.title = row.column_text(6);
  e.questions = split(row.column_text(7), '\n');
  e.audience = split(row.column_text(8), ',');
  e.verdict = row.column_text(9);
  e.answer = row.column_text(10);
  e.text = row.column_text(11);
  e.sanction = row.column_text(12);
  e.keywords = split(row.column_text(13), ',');
  for (const auto& line : split(row.column_text(14), '\n')) {
    ArticleRef ref;
    if (parse_article_ref(line, ref)) e.cites.push_back(ref);
  }
  e.date = row.column_text(15);
  e.region = row.column_text(16);
  e.attribution = row.column_text(17);
  e.file = row.column_text(18);
  e.line = static_cast<int>(row.column_int(19));
  e.provenance = row.column_text(22);
  e.checked = row.column_text(23);
  return e;
}

}  // namespace

KnowledgeBase::~KnowledgeBase() = default;

std::unique_ptr<KnowledgeBase> KnowledgeBase::open(const std::string& index_path, const DictionaryPaths& dictionary) {
  if (!std::filesystem::exists(index_path)) {
    throw std::runtime_error("knowledge index " + index_path + " does not exist (run `netra index`)");
  }
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  kb->path_ = index_path;
  Database db(index_path, Database::Mode::read_only);
  check_schema(db, index_path);
  Statement fingerprint(db, "SELECT value FROM meta WHERE key = 'fingerprint'");
  if (fingerprint.step()) kb->fingerprint_ = fingerprint.column_text(0);
  kb->row_sizes_ = read_row_sizes(db, index_schema::kDocsTable);
  kb->load_lexicon(db, dictionary);
  // The tokenizer first: the vocabulary of an FTS5 table is read through the table.
  register_tokenizer(db.handle(), *kb->analyzer_);
  kb->term_rows_ = read_term_rows(db, index_schema::kDocsTable);
  kb->postings_ = Fts5Postings::read(db, index_schema::kDocsTable);
  kb->load_sources(db);
  kb->load_entries(db);
  return kb;
}

void KnowledgeBase::load_lexicon(Database& db, const DictionaryPaths& dictionary) {
  LexiconTexts texts;
  Statement lexicon(db, "SELECT name, content FROM lexicon");
  while (lexicon.step()) texts[lexicon.column_text(0)] = lexicon.column_text(1);
  // The stored texts validated when the index was built; problems here cannot arise and are not reported.
  std::vector<Problem> problems;
  auto parsed = parse_lexicon(texts, problems);
  rules_ = parse_rules(texts["rules.txt"], problems);
  replies_ = Replies::parse(texts["replies.txt"], problems);
  duties_ = RoleDuties::parse(texts["duties.txt"], problems);
  counterparts_ = ElectionCounterparts::parse(texts["counterparts.txt"], problems);
  stemmer_ = std::make_shared<Stemmer>(dictionary);
  analyzer_ = std::make_unique<Analyzer>(std::move(parsed), stemmer_);
}

void KnowledgeBase::load_sources(Database& db) {
  Statement sources(db, "SELECT id, title, short_name, note, is_regulation FROM sources");
  while (sources.step()) {
    sources_.push_back({sources.column_text(0), sources.column_text(1), sources.column_text(2),
                        sources.column_text(3), sources.column_int(4) != 0});
  }
}

void KnowledgeBase::load_entries(Database& db) {
  Statement entries(db, kEntryColumns);
  std::vector<size_t> document_frequency;  // by term id
  while (entries.step()) {
    Entry e = entry_from_row(entries);
    std::vector<TermId> terms;
    for (const auto& term : split(entries.column_text(kTermsColumn), ' ')) {
      TermId id = intern(term);
      if (id >= document_frequency.size()) document_frequency.resize(id + 1, 0);
      ++document_frequency[id];
      terms.push_back(id);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (e.kind == EntryKind::article) articles_.emplace(std::make_pair(e.source, e.pasal), entries_.size());
    entry_by_id_.emplace(e.id, entries_.size());
    entries_.push_back(std::move(e));
    entry_terms_.push_back(std::move(terms));
    std::vector<QuestionTerms> questions;
    for (const auto& line : split(entries.column_text(kQuestionTermsColumn), '\n')) {
      QuestionTerms question;
      for (const auto& term : split(line, ' ')) question.terms.push_back(intern(term));
      questions.push_back(std::move(question));
    }
    question_terms_.push_back(std::move(questions));
  }
  compute_idf(document_frequency);
}

TermId KnowledgeBase::intern(const std::string& term) {
  return term_ids_.try_emplace(term, static_cast<TermId>(term_ids_.size())).first->second;
}

void KnowledgeBase::compute_idf(const std::vector<size_t>& document_frequency) {
  double total = static_cast<double>(entries_.size()) + 1.0;
  max_idf_ = std::log(total + 1.0);
  // Terms only a curated question uses (its analysis alone can differ from the whole entry's) have no document
  // frequency: like any term the corpus never uses, they get the largest idf.
  idf_by_id_.assign(term_ids_.size(), max_idf_);
  for (size_t id = 0; id < document_frequency.size(); ++id) {
    size_t count = document_frequency[id];
    if (count > 0) idf_by_id_[id] = std::log(total / (static_cast<double>(count) + 0.5) + 1.0);
  }
  // Summed in each question's stored order, term by term from zero: the same additions in the same order as
  // summing at query time, so question-match scores (and ties between entries) do not move by a rounding bit.
  for (auto& questions : question_terms_) {
    for (auto& question : questions) {
      question.idf_sum = 0;
      for (TermId term : question.terms) question.idf_sum += idf_by_id_[term];
    }
  }
}

const SourceInfo* KnowledgeBase::source(const std::string& id) const {
  for (const auto& s : sources_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Entry* KnowledgeBase::entry(const std::string& id) const {
  auto found = entry_by_id_.find(id);
  return found == entry_by_id_.end() ? nullptr : &entries_[found->second];
}

const Entry* KnowledgeBase::article(const ArticleRef& ref) const {
  auto [first, last] = articles_.equal_range({ref.source, ref.pasal});
  const Entry* best = nullptr;
  for (auto it = first; it != last; ++it) {
    const Entry& candidate = entries_[it->second];
    if (!best || (!ref.ayat.empty() && candidate.ayat == ref.ayat && best->ayat != ref.ayat)) best = &candidate;
  }
  return best;
}

std::optional<TermId> KnowledgeBase::term_id(const std::string& term) const {
  auto found = term_ids_.find(term);
  if (found == term_ids_.end()) return std::nullopt;
  return found->second;
}

double KnowledgeBase::idf(const std::string& term) const {
  auto id = term_id(term);
  return id ? idf_by_id_[*id] : max_idf_;
}

double KnowledgeBase::idf_at_share(double share) const {
  double total = static_cast<double>(entries_.size()) + 1.0;
  return std::log(total / (share * static_cast<double>(entries_.size()) + 0.5) + 1.0);
}

}  // namespace netra::knowledge
