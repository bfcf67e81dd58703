#include "knowledge/corpus.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "knowledge/corpus_syntax.h"
#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

using corpus_syntax::Block;
using corpus_syntax::Field;

const std::set<std::string> kVerdicts = {"dilarang", "boleh", "hati-hati", "info"};
const std::set<std::string> kAudiences = {"asn", "pppk", "kades", "perangkat", "citizen", "all"};
const std::set<std::string, std::less<>> kProvenances = {std::string(kProvenanceOfficial),
                                                         std::string(kProvenanceSecondary),
                                                         std::string(kProvenanceRecalled)};

// Appends problems of one file.
struct ProblemSink {
  const std::string& file;
  std::vector<Problem>& problems;
  void operator()(int line, std::string message) const { problems.push_back({file, line, std::move(message)}); }
};

// What a field's value goes into: the header's source, or the entry of the block.
struct FieldTarget {
  SourceInfo& source;
  Entry& entry;
  const ProblemSink& problem;
};

using ReadField = void (*)(const Field& field, FieldTarget& target);

// YYYY-MM-DD with digits where digits belong (a check that the field is a date, not that the day exists).
bool is_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

template <std::string SourceInfo::*member>
void read_source_text(const Field& field, FieldTarget& target) {
  target.source.*member = field.values.front();
}

template <std::string Entry::*member>
void read_text(const Field& field, FieldTarget& target) {
  target.entry.*member = field.values.front();
}

void read_questions(const Field& field, FieldTarget& target) { target.entry.questions = field.values; }

void read_keywords(const Field& field, FieldTarget& target) {
  target.entry.keywords = split_trimmed(field.values.front(), ',');
}

void read_audience(const Field& field, FieldTarget& target) {
  target.entry.audience = split_trimmed(field.values.front(), ',');
  for (const auto& who : target.entry.audience) {
    if (!kAudiences.count(who)) target.problem(field.line, "unknown audience `" + who + "`");
  }
}

void read_verdict(const Field& field, FieldTarget& target) {
  const std::string& value = field.values.front();
  target.entry.verdict = value;
  if (!kVerdicts.count(value)) {
    target.problem(field.line, "verdict `" + value + "` is not one of dilarang, boleh, hati-hati, info");
  }
}

void read_provenance(const Field& field, FieldTarget& target) {
  const std::string& value = field.values.front();
  target.entry.provenance = value;
  if (!kProvenances.count(value)) {
    target.problem(field.line, "provenance `" + value + "` is not one of official, secondary, recalled");
  }
}

void read_checked(const Field& field, FieldTarget& target) {
  const std::string& value = field.values.front();
  target.entry.checked = value;
  if (!is_iso_date(value)) target.problem(field.line, "checked `" + value + "` is not YYYY-MM-DD");
}

void read_cites(const Field& field, FieldTarget& target) {
  for (const auto& line_value : field.values) {
    for (const auto& item : split_trimmed(line_value, ';')) {
      ArticleRef ref;
      if (!parse_article_ref(item, ref)) {
        target.problem(field.line, "citation `" + item + "` is not `SOURCE PASAL [AYAT]`");
      } else {
        target.entry.cites.push_back(ref);
      }
    }
  }
}

// One key in one kind of block: whether it is required, whether it may repeat, and how its value is read.
struct FieldRow {
  CorpusBlock block;
  std::string_view key;
  FieldRequirement requirement;
  bool repeatable;
  ReadField read;
};

constexpr auto kOptional = FieldRequirement::optional;
constexpr auto kRequired = FieldRequirement::required;

// The corpus format, key by key: docs/corpus-format.md documents each row (tests/knowledge/corpus_test.cpp).
// clang-format off
constexpr FieldRow kFields[] = {
    {CorpusBlock::header,  "source",      kRequired, false, read_source_text<&SourceInfo::id>},
    {CorpusBlock::header,  "title",       kRequired, false, read_source_text<&SourceInfo::title>},
    {CorpusBlock::header,  "short",       FieldRequirement::regulations, false, read_source_text<&SourceInfo::short_name>},
    {CorpusBlock::header,  "note",        kOptional, false, read_source_text<&SourceInfo::note>},

    {CorpusBlock::article, "pasal",       kRequired, false, read_text<&Entry::pasal>},
    {CorpusBlock::article, "ayat",        kOptional, false, read_text<&Entry::ayat>},
    {CorpusBlock::article, "huruf",       kOptional, false, read_text<&Entry::huruf>},
    {CorpusBlock::article, "title",       kRequired, false, read_text<&Entry::title>},
    {CorpusBlock::article, "audience",    kOptional, false, read_audience},
    {CorpusBlock::article, "verdict",     kOptional, false, read_verdict},
    {CorpusBlock::article, "sanction",    kOptional, false, read_text<&Entry::sanction>},
    {CorpusBlock::article, "keywords",    kOptional, false, read_keywords},
    {CorpusBlock::article, "text",        kRequired, false, read_text<&Entry::text>},
    {CorpusBlock::article, "provenance",  kRequired, false, read_provenance},
    {CorpusBlock::article, "checked",     kRequired, false, read_checked},

    {CorpusBlock::qa,      "question",    kRequired, true,  read_questions},
    {CorpusBlock::qa,      "audience",    kOptional, false, read_audience},
    {CorpusBlock::qa,      "verdict",     kRequired, false, read_verdict},
    {CorpusBlock::qa,      "answer",      kRequired, false, read_text<&Entry::answer>},
    {CorpusBlock::qa,      "cite",        kRequired, true,  read_cites},
    {CorpusBlock::qa,      "sanction",    kOptional, false, read_text<&Entry::sanction>},
    {CorpusBlock::qa,      "keywords",    kOptional, false, read_keywords},
    {CorpusBlock::qa,      "title",       kOptional, false, read_text<&Entry::title>},

    {CorpusBlock::summary, "title",       kRequired, false, read_text<&Entry::title>},
    {CorpusBlock::summary, "date",        kRequired, false, read_text<&Entry::date>},
    {CorpusBlock::summary, "region",      kRequired, false, read_text<&Entry::region>},
    {CorpusBlock::summary, "attribution", kRequired, false, read_text<&Entry::attribution>},
    {CorpusBlock::summary, "text",        kRequired, false, read_text<&Entry::text>},
    {CorpusBlock::summary, "cite",        kOptional, true,  read_cites},
    {CorpusBlock::summary, "keywords",    kOptional, false, read_keywords},
    {CorpusBlock::summary, "audience",    kOptional, false, read_audience},
};
// clang-format on

const FieldRow* find_field(CorpusBlock block, std::string_view key) {
  for (const auto& row : kFields) {
    if (row.block == block && row.key == key) return &row;
  }
  return nullptr;
}

// A key repeats in whatever block it stands (a repeated unknown key is reported as unknown, not as a repeat).
bool is_repeatable(const std::string& key) {
  return std::any_of(std::begin(kFields), std::end(kFields),
                     [&](const FieldRow& row) { return row.repeatable && row.key == key; });
}

// The block's keys of one requirement, sorted (problems come in key order).
std::set<std::string_view> keys_of(CorpusBlock block, FieldRequirement requirement) {
  std::set<std::string_view> keys;
  for (const auto& row : kFields) {
    if (row.block == block && row.requirement == requirement) keys.insert(row.key);
  }
  return keys;
}

bool has_value(const Block& block, std::string_view key) {
  auto found = block.fields.find(std::string(key));
  return found != block.fields.end() && !found->second.values.front().empty();
}

CorpusBlock block_of(EntryKind kind) {
  switch (kind) {
    case EntryKind::article: return CorpusBlock::article;
    case EntryKind::qa: return CorpusBlock::qa;
    case EntryKind::summary: return CorpusBlock::summary;
  }
  return CorpusBlock::article;
}

std::string file_stem(const std::string& name) {
  return std::filesystem::path(name).stem().string();
}

// The file header: the source every entry of the file belongs to.
SourceInfo read_header(const std::string& name, const Block& header, const ProblemSink& problem) {
  SourceInfo source;
  Entry unused;
  FieldTarget target{source, unused, problem};
  for (const auto& [key, field] : header.fields) {
    if (const FieldRow* row = find_field(CorpusBlock::header, key)) row->read(field, target);
  }
  for (auto key : keys_of(CorpusBlock::header, kRequired)) {
    if (!has_value(header, key)) problem(1, "header needs `" + std::string(key) + ":`");
  }
  source.is_regulation = !source.id.empty() && source.id != "qa" && source.id != "sosialisasi";
  if (source.is_regulation) {
    for (auto key : keys_of(CorpusBlock::header, FieldRequirement::regulations)) {
      if (!has_value(header, key)) problem(1, "a regulation header needs `" + std::string(key) + ":`");
    }
    if (source.id != file_stem(name)) {
      problem(header.fields.count("source") ? header.fields.at("source").line : 1,
              "source `" + source.id + "` does not match the file name `" + file_stem(name) + "`");
    }
  }
  for (const auto& [key, field] : header.fields) {
    if (!find_field(CorpusBlock::header, key)) problem(field.line, "unknown header key `" + key + "`");
  }
  return source;
}

// What an entry is once all its fields are read: defaults, the rules that span fields, an article's own citation.
void finish_entry(Entry& entry, const Block& block, const SourceInfo& source, const ProblemSink& problem) {
  if (entry.kind == EntryKind::article) {
    if (entry.verdict.empty()) entry.verdict = "info";
    // The fact sheet's rule: what was not confirmed is cited by article number only.
    if (entry.provenance == kProvenanceRecalled) {
      for (const char* part : {"ayat", "huruf"}) {
        if (auto found = block.fields.find(part); found != block.fields.end()) {
          problem(found->second.line, std::string("a recalled article is cited without ayat or huruf: drop `") +
                                          part + ":` or confirm the article");
        }
      }
    }
    entry.cites.push_back({source.id, entry.pasal, entry.ayat});
  }
  if (entry.kind == EntryKind::summary) {
    if (entry.verdict.empty()) entry.verdict = "info";
    if (!entry.date.empty() && !is_iso_date(entry.date)) {
      problem(block.fields.at("date").line, "date `" + entry.date + "` is not YYYY-MM-DD");
    }
  }
  if (entry.kind == EntryKind::qa && entry.title.empty() && !entry.questions.empty()) {
    entry.title = entry.questions.front();
  }
  // The reply's heading already says the verdict ("✅ Boleh."); an answer that repeats it reads "Boleh. Boleh.".
  if (entry.kind == EntryKind::qa && !entry.verdict.empty() &&
      ascii_lower(entry.answer).rfind(entry.verdict + ".", 0) == 0) {
    problem(block.fields.at("answer").line, "the answer repeats its verdict `" + entry.verdict +
                                                "` as its first word: the reply's heading already says it");
  }
}

// One `== KIND ID` block as an entry of `source`.
Entry read_entry(const std::string& name, const Block& block, SourceInfo& source, const ProblemSink& problem) {
  Entry entry;
  entry.file = name;
  entry.line = block.line;
  entry.source = source.id;
  entry.kind = block.kind == "qa" ? EntryKind::qa : block.kind == "summary" ? EntryKind::summary : EntryKind::article;
  entry.id = entry.kind == EntryKind::article ? source.id + "/" + block.id : block.id;
  CorpusBlock kind = block_of(entry.kind);
  if (entry.kind == EntryKind::article && !source.is_regulation) {
    problem(block.line, "an article belongs in a regulation file");
  }
  for (auto key : keys_of(kind, kRequired)) {
    if (!has_value(block, key)) {
      problem(block.line, std::string(to_string(entry.kind)) + " `" + block.id + "` needs `" + std::string(key) + ":`");
    }
  }
  FieldTarget target{source, entry, problem};
  for (const auto& [key, field] : block.fields) {
    const FieldRow* row = find_field(kind, key);
    if (!row) {
      problem(field.line, "unknown key `" + key + "` in " + std::string(to_string(entry.kind)));
      continue;
    }
    row->read(field, target);
  }
  finish_entry(entry, block, source, problem);
  return entry;
}

}  // namespace

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::article: return "article";
    case EntryKind::qa: return "qa";
    case EntryKind::summary: return "summary";
  }
  return "article";
}

std::string_view to_string(CorpusBlock block) {
  switch (block) {
    case CorpusBlock::header: return "header";
    case CorpusBlock::article: return "article";
    case CorpusBlock::qa: return "qa";
    case CorpusBlock::summary: return "summary";
  }
  return "header";
}

std::vector<CorpusField> corpus_fields() {
  std::vector<CorpusField> fields;
  for (const auto& row : kFields) fields.push_back({row.key, row.block, row.requirement, row.repeatable});
  return fields;
}

bool parse_article_ref(std::string_view text, ArticleRef& ref) {
  auto parts = split_trimmed(text, ' ');
  if (parts.size() < 2 || parts.size() > 3) return false;
  ref.source = parts[0];
  ref.pasal = parts[1];
  ref.ayat = parts.size() == 3 ? parts[2] : "";
  return true;
}

Corpus parse_corpus_file(const std::string& name, std::string_view content, std::vector<Problem>& problems) {
  ProblemSink problem{name, problems};
  auto blocks = corpus_syntax::read_blocks(name, content, is_repeatable, problems);
  Corpus corpus;
  SourceInfo source = read_header(name, blocks.front(), problem);
  for (size_t b = 1; b < blocks.size(); ++b) {
    if (blocks[b].kind.empty()) continue;  // the `==` line itself was reported
    corpus.entries.push_back(read_entry(name, blocks[b], source, problem));
  }
  corpus.sources.push_back(std::move(source));
  return corpus;
}

bool covers(const ArticleRef& ref, const ArticleRef& article) {
  return ref.source == article.source && ref.pasal == article.pasal && (ref.ayat.empty() || ref.ayat == article.ayat);
}

std::string describe(const ArticleRef& ref) {
  return ref.source + " pasal " + ref.pasal + (ref.ayat.empty() ? "" : " ayat " + ref.ayat);
}

}  // namespace netra::knowledge
