#include "knowledge/index_build.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "knowledge/analyzer.h"
#include "knowledge/fts5_tokenizer.h"
#include "knowledge/index_schema.h"
#include "knowledge/replies.h"
#include "knowledge/counterparts.h"
#include "knowledge/duties.h"
#include "knowledge/rules.h"
#include "knowledge/sqlite.h"
#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

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

std::string encode_cites(const std::vector<ArticleRef>& cites) {
  std::string out;
  for (const auto& cite : cites) {
    if (!out.empty()) out += '\n';
    out += cite.source + ' ' + cite.pasal + (cite.ayat.empty() ? "" : ' ' + cite.ayat);
  }
  return out;
}

// What FTS5 indexes as an entry's body: the explanation, then its sanction and region, so that either finds it.
std::string searchable_body(const Entry& entry) {
  std::string body = entry.kind == EntryKind::qa ? entry.answer : entry.text;
  if (!entry.sanction.empty()) body += ' ' + entry.sanction;
  if (!entry.region.empty()) body += ' ' + entry.region;
  return body;
}

// The distinct analysed terms of `text`, sorted and joined with spaces (how the `entries` table stores them).
std::string sorted_terms(const Analyzer& analyzer, const std::string& text) {
  auto set = analyzer.term_set(text);
  std::vector<std::string> sorted(set.begin(), set.end());
  std::sort(sorted.begin(), sorted.end());
  return join(sorted, " ");
}

void write_header(Database& db, const LexiconTexts& lexicon_texts, const std::string& fingerprint) {
  Statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
  meta.bind(1, std::string_view("schema")).bind(2, std::string_view(index_schema::kVersion)).run();
  meta.bind(1, std::string_view("fingerprint")).bind(2, std::string_view(fingerprint)).run();
  Statement lexicon_insert(db, "INSERT INTO lexicon(name, content) VALUES (?1, ?2)");
  for (const auto& [name, content] : lexicon_texts) lexicon_insert.bind(1, name).bind(2, content).run();
}

// Writes the sources; returns how many are regulations.
size_t write_sources(Database& db, const std::vector<SourceInfo>& sources) {
  size_t regulations = 0;
  Statement source_insert(db, "INSERT OR REPLACE INTO sources VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& s : sources) {
    source_insert.bind(1, s.id).bind(2, s.title).bind(3, s.short_name).bind(4, s.note);
    source_insert.bind(5, static_cast<int64_t>(s.is_regulation)).run();
    if (s.is_regulation) ++regulations;
  }
  return regulations;
}

// Writes each entry's `entries` row and its `docs` row under the same rowid; returns how many.
size_t write_entries(Database& db, const Analyzer& analyzer, const std::vector<Entry>& entries) {
  Statement entry_insert(db,
                         "INSERT INTO entries VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                         "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
  Statement doc_insert(db, "INSERT INTO docs(rowid, title, questions, keywords, body) VALUES (?1, ?2, ?3, ?4, ?5)");
  int64_t rowid = 0;
  for (const auto& e : entries) {
    ++rowid;
    std::string questions = join(e.questions, "\n");
    std::string keywords = join(e.keywords, ",");
    std::string body = searchable_body(e);
    std::string all_text = e.title + '\n' + questions + '\n' + keywords + '\n' + body;
    entry_insert.bind(1, rowid).bind(2, to_string(e.kind)).bind(3, e.id).bind(4, e.source).bind(5, e.pasal);
    entry_insert.bind(6, e.ayat).bind(7, e.huruf).bind(8, e.title).bind(9, questions);
    entry_insert.bind(10, join(e.audience, ",")).bind(11, e.verdict).bind(12, e.answer).bind(13, e.text);
    entry_insert.bind(14, e.sanction).bind(15, keywords).bind(16, encode_cites(e.cites)).bind(17, e.date);
    entry_insert.bind(18, e.region).bind(19, e.attribution).bind(20, e.file).bind(21, int64_t{e.line});
    // Each curated question's distinct terms, one line per question: how a message matches a whole question.
    std::string question_terms;
    for (const auto& question : e.questions) {
      if (!question_terms.empty()) question_terms += '\n';
      question_terms += sorted_terms(analyzer, question);
    }
    entry_insert.bind(22, sorted_terms(analyzer, all_text)).bind(23, question_terms);
    entry_insert.bind(24, e.provenance).bind(25, e.checked).run();
    doc_insert.bind(1, rowid).bind(2, e.title).bind(3, questions).bind(4, keywords).bind(5, body).run();
  }
  return static_cast<size_t>(rowid);
}

}  // namespace

std::string fingerprint_of(const KnowledgeSource& source) {
  uint64_t hash = 14695981039346656037ULL;
  fnv1a(hash, index_schema::kVersion);
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
  RoleDuties::parse(text_of("duties.txt"), problems).validate(corpus, problems);
  ElectionCounterparts::parse(text_of("counterparts.txt"), problems).validate(corpus, problems);
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
    db.exec(index_schema::kSchema);
    Transaction transaction(db);
    write_header(db, lexicon_texts, fingerprint);
    report.sources = write_sources(db, corpus.sources);
    report.entries = write_entries(db, analyzer, corpus.entries);
    transaction.commit();
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
  }
  std::filesystem::rename(temporary, out_path);
  return report;
}

}  // namespace netra::knowledge
