#include "knowledge/index.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "knowledge/fts5_rank.h"
#include "knowledge/fts5_tokenizer.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// Bump when the schema or the analysis changes, so old index files are rebuilt rather than misread.
constexpr const char* kSchemaVersion = "5";

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE lexicon(name TEXT PRIMARY KEY, content TEXT NOT NULL);
CREATE TABLE sources(id TEXT PRIMARY KEY, title TEXT, short_name TEXT, note TEXT, is_regulation INTEGER);
CREATE TABLE entries(
  rowid INTEGER PRIMARY KEY, kind TEXT, key TEXT UNIQUE, source TEXT, pasal TEXT, ayat TEXT, huruf TEXT,
  title TEXT, questions TEXT, audience TEXT, verdict TEXT, answer TEXT, body TEXT, sanction TEXT,
  keywords TEXT, cites TEXT, date TEXT, region TEXT, attribution TEXT, file TEXT, line INTEGER, terms TEXT,
  question_terms TEXT, provenance TEXT, checked TEXT);
CREATE VIRTUAL TABLE docs USING fts5(title, questions, keywords, body, tokenize='netra');
)sql";

// Column weights for bm25: a match in a curated question or keyword says more than one in running text.
// netra_bm25 is bm25() with the row sizes and each term's row count in memory (knowledge/fts5_rank.h); ?2 points
// at the row counts of this query's terms. No ORDER BY … LIMIT: SQLite would keep the best rows in a temporary
// b-tree opened for every query; match() sorts the few matching rows itself, in the same order (see there).
constexpr const char* kMatchSql =
    "SELECT rowid, netra_bm25(docs, ?2, 2.0, 3.0, 2.5, 1.0) FROM docs WHERE docs MATCH ?1";

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return items;
}

std::string encode_cites(const std::vector<ArticleRef>& cites) {
  std::string out;
  for (const auto& cite : cites) {
    if (!out.empty()) out += '\n';
    out += cite.source + ' ' + cite.pasal + (cite.ayat.empty() ? "" : ' ' + cite.ayat);
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// FNV-1a: stable across runs and builds, which std::hash is not.
void fnv1a(uint64_t& hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
}

std::string searchable_body(const Entry& entry) {
  std::string body = entry.kind == EntryKind::qa ? entry.answer : entry.text;
  if (!entry.sanction.empty()) body += ' ' + entry.sanction;
  if (!entry.region.empty()) body += ' ' + entry.region;
  return body;
}

std::string quote_term(const std::string& term) {
  std::string quoted = "\"";
  for (char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

}  // namespace

std::string fingerprint_of(const KnowledgeSource& source) {
  uint64_t hash = 14695981039346656037ULL;
  fnv1a(hash, kSchemaVersion);
  for (const auto& dir : {source.corpus_dir(), source.data_dir()}) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& item : std::filesystem::directory_iterator(dir, error)) {
      if (item.is_regular_file() && item.path().extension() == ".txt") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      fnv1a(hash, file.filename().string());
      fnv1a(hash, read_file(file));
    }
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

BuildReport build_index(const KnowledgeSource& source, const std::string& out_path, const DictionaryPaths& dictionary) {
  BuildReport report;
  auto texts = read_lexicon_texts(source.data_dir(), report.problems);
  parse_lexicon(texts, report.problems);
  auto corpus = load_corpus(source.corpus_dir(), report.problems);
  if (!report.problems.empty()) return report;
  validate_knowledge_data(corpus, texts, report.problems);
  if (!report.problems.empty()) return report;
  return build_index_from(corpus, texts, out_path, dictionary, fingerprint_of(source));
}

void validate_knowledge_data(const Corpus& corpus, const LexiconTexts& texts, std::vector<Problem>& problems) {
  auto text_of = [&](const char* name) {
    auto found = texts.find(name);
    return found == texts.end() ? std::string() : found->second;
  };
  auto rules = parse_rules(text_of("rules.txt"), problems);
  validate_rules(rules, corpus, problems);
  Replies::parse(text_of("replies.txt"), problems);
}

BuildReport build_index_from(const Corpus& corpus, const LexiconTexts& lexicon_texts, const std::string& out_path,
                             const DictionaryPaths& dictionary, const std::string& fingerprint) {
  BuildReport report;
  report.fingerprint = fingerprint;
  auto lexicon = parse_lexicon(lexicon_texts, report.problems);
  if (!report.problems.empty()) return report;
  Analyzer analyzer(std::move(lexicon), std::make_shared<Stemmer>(dictionary));

  auto parent = std::filesystem::path(out_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  std::string temporary = out_path + ".tmp." + std::to_string(::getpid());
  std::filesystem::remove(temporary);
  {
    Database db(temporary, Database::Mode::read_write_create);
    register_tokenizer(db.handle(), analyzer);
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    db.exec(kSchema);
    Transaction transaction(db);
    Statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
    meta.bind(1, std::string_view("schema")).bind(2, std::string_view(kSchemaVersion)).run();
    meta.bind(1, std::string_view("fingerprint")).bind(2, std::string_view(fingerprint)).run();
    Statement lexicon_insert(db, "INSERT INTO lexicon(name, content) VALUES (?1, ?2)");
    for (const auto& [name, content] : lexicon_texts) lexicon_insert.bind(1, name).bind(2, content).run();
    Statement source_insert(db, "INSERT OR REPLACE INTO sources VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& s : corpus.sources) {
      source_insert.bind(1, s.id).bind(2, s.title).bind(3, s.short_name).bind(4, s.note);
      source_insert.bind(5, static_cast<int64_t>(s.is_regulation)).run();
      if (s.is_regulation) ++report.sources;
    }
    Statement entry_insert(db,
                           "INSERT INTO entries VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                           "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
    Statement doc_insert(db, "INSERT INTO docs(rowid, title, questions, keywords, body) VALUES (?1, ?2, ?3, ?4, ?5)");
    int64_t rowid = 0;
    for (const auto& e : corpus.entries) {
      ++rowid;
      std::string questions = join(e.questions, '\n');
      std::string keywords = join(e.keywords, ',');
      std::string body = searchable_body(e);
      std::string all_text = e.title + '\n' + questions + '\n' + keywords + '\n' + body;
      auto terms = analyzer.term_set(all_text);
      std::vector<std::string> sorted_terms(terms.begin(), terms.end());
      std::sort(sorted_terms.begin(), sorted_terms.end());
      entry_insert.bind(1, rowid).bind(2, to_string(e.kind)).bind(3, e.id).bind(4, e.source).bind(5, e.pasal);
      entry_insert.bind(6, e.ayat).bind(7, e.huruf).bind(8, e.title).bind(9, questions);
      entry_insert.bind(10, join(e.audience, ',')).bind(11, e.verdict).bind(12, e.answer).bind(13, e.text);
      entry_insert.bind(14, e.sanction).bind(15, keywords).bind(16, encode_cites(e.cites)).bind(17, e.date);
      entry_insert.bind(18, e.region).bind(19, e.attribution).bind(20, e.file).bind(21, int64_t{e.line});
      // Each curated question's distinct terms, one line per question: how a message matches a whole question.
      std::string question_terms;
      for (const auto& question : e.questions) {
        auto set = analyzer.term_set(question);
        std::vector<std::string> sorted(set.begin(), set.end());
        std::sort(sorted.begin(), sorted.end());
        if (!question_terms.empty()) question_terms += '\n';
        question_terms += join(sorted, ' ');
      }
      entry_insert.bind(22, join(sorted_terms, ' ')).bind(23, question_terms);
      entry_insert.bind(24, e.provenance).bind(25, e.checked).run();
      doc_insert.bind(1, rowid).bind(2, e.title).bind(3, questions).bind(4, keywords).bind(5, body).run();
      ++report.entries;
    }
    transaction.commit();
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
  }
  std::filesystem::rename(temporary, out_path);
  return report;
}

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

KnowledgeBase::~KnowledgeBase() = default;

std::unique_ptr<KnowledgeBase> KnowledgeBase::open(const std::string& index_path, const DictionaryPaths& dictionary) {
  if (!std::filesystem::exists(index_path)) {
    throw std::runtime_error("knowledge index " + index_path + " does not exist (run `netra index`)");
  }
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  kb->path_ = index_path;
  Database db(index_path, Database::Mode::read_only);
  try {
    Statement schema(db, "SELECT value FROM meta WHERE key = 'schema'");
    if (!schema.step() || schema.column_text(0) != kSchemaVersion) {
      throw std::runtime_error("knowledge index " + index_path + " was built by another version: rebuild it");
    }
  } catch (const SqliteError&) {
    throw std::runtime_error(index_path + " is not a Netra knowledge index");
  }
  Statement fingerprint(db, "SELECT value FROM meta WHERE key = 'fingerprint'");
  if (fingerprint.step()) kb->fingerprint_ = fingerprint.column_text(0);
  kb->row_sizes_ = read_row_sizes(db, "docs");

  LexiconTexts texts;
  Statement lexicon(db, "SELECT name, content FROM lexicon");
  while (lexicon.step()) texts[lexicon.column_text(0)] = lexicon.column_text(1);
  std::vector<Problem> problems;
  auto parsed = parse_lexicon(texts, problems);
  kb->rules_ = parse_rules(texts["rules.txt"], problems);
  kb->replies_ = Replies::parse(texts["replies.txt"], problems);
  kb->stemmer_ = std::make_shared<Stemmer>(dictionary);
  kb->analyzer_ = std::make_unique<Analyzer>(std::move(parsed), kb->stemmer_);
  // The tokenizer first: the vocabulary of an FTS5 table is read through the table.
  register_tokenizer(db.handle(), *kb->analyzer_);
  kb->term_rows_ = read_term_rows(db, "docs");

  Statement sources(db, "SELECT id, title, short_name, note, is_regulation FROM sources");
  while (sources.step()) {
    kb->sources_.push_back({sources.column_text(0), sources.column_text(1), sources.column_text(2),
                            sources.column_text(3), sources.column_int(4) != 0});
  }
  Statement entries(db,
                    "SELECT kind, key, source, pasal, ayat, huruf, title, questions, audience, verdict, answer, body, "
                    "sanction, keywords, cites, date, region, attribution, file, line, terms, question_terms, "
                    "provenance, checked FROM entries ORDER BY rowid");
  std::vector<size_t> document_frequency;  // by term id
  while (entries.step()) {
    Entry e;
    auto kind = entries.column_text(0);
    e.kind = kind == "qa" ? EntryKind::qa : kind == "summary" ? EntryKind::summary : EntryKind::article;
    e.id = entries.column_text(1);
    e.source = entries.column_text(2);
    e.pasal = entries.column_text(3);
    e.ayat = entries.column_text(4);
    e.huruf = entries.column_text(5);
    e.title = entries.column_text(6);
    e.questions = split(entries.column_text(7), '\n');
    e.audience = split(entries.column_text(8), ',');
    e.verdict = entries.column_text(9);
    e.answer = entries.column_text(10);
    e.text = entries.column_text(11);
    e.sanction = entries.column_text(12);
    e.keywords = split(entries.column_text(13), ',');
    for (const auto& line : split(entries.column_text(14), '\n')) {
      ArticleRef ref;
      if (parse_article_ref(line, ref)) e.cites.push_back(ref);
    }
    e.date = entries.column_text(15);
    e.region = entries.column_text(16);
    e.attribution = entries.column_text(17);
    e.file = entries.column_text(18);
    e.line = static_cast<int>(entries.column_int(19));
    e.provenance = entries.column_text(22);
    e.checked = entries.column_text(23);
    std::vector<TermId> terms;
    for (const auto& term : split(entries.column_text(20), ' ')) {
      TermId id = kb->intern(term);
      if (id >= document_frequency.size()) document_frequency.resize(id + 1, 0);
      ++document_frequency[id];
      terms.push_back(id);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (e.kind == EntryKind::article) kb->articles_.emplace(std::make_pair(e.source, e.pasal), kb->entries_.size());
    kb->entry_by_id_.emplace(e.id, kb->entries_.size());
    kb->entries_.push_back(std::move(e));
    kb->entry_terms_.push_back(std::move(terms));
    std::vector<QuestionTerms> questions;
    for (const auto& line : split(entries.column_text(21), '\n')) {
      QuestionTerms question;
      for (const auto& term : split(line, ' ')) question.terms.push_back(kb->intern(term));
      questions.push_back(std::move(question));
    }
    kb->question_terms_.push_back(std::move(questions));
  }
  kb->compute_idf(document_frequency);
  return kb;
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

std::unique_ptr<KnowledgeBase> open_or_build(const KnowledgeSource& source, const std::string& index_path,
                                             const DictionaryPaths& dictionary, bool* rebuilt) {
  if (rebuilt) *rebuilt = false;
  bool have_source = std::filesystem::is_directory(source.corpus_dir());
  if (std::filesystem::exists(index_path)) {
    try {
      auto kb = KnowledgeBase::open(index_path, dictionary);
      if (!have_source || kb->fingerprint() == fingerprint_of(source)) return kb;
    } catch (const std::exception&) {
      if (!have_source) throw;
    }
  } else if (!have_source) {
    throw std::runtime_error("knowledge index " + index_path + " is missing and no corpus at " + source.corpus_dir());
  }
  auto report = build_index(source, index_path, dictionary);
  if (!report.problems.empty()) {
    std::string message = "the knowledge corpus is invalid:";
    for (const auto& problem : report.problems) message += "\n" + problem.to_string();
    throw std::runtime_error(message);
  }
  if (rebuilt) *rebuilt = true;
  return KnowledgeBase::open(index_path, dictionary);
}

}  // namespace netra::knowledge
