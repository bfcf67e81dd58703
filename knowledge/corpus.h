// The knowledge corpus: human-edited text files in knowledge/corpus/ (format: docs/corpus-format.md), parsed
// into typed entries and validated. Nothing reaches the index unless the whole corpus validates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "knowledge/problem.h"

namespace netra::knowledge {

enum class EntryKind { article, qa, summary };
std::string_view to_string(EntryKind kind);

// How sure the corpus is of an article, as graded in the legal fact sheet (shared/regulations.md):
// `official` read in the government text (salinan or a faithful scan of it), `secondary` read in pages of
// Bawaslu, KPU, BKN or news that quote the text, `recalled` not confirmed. A recalled article is cited without
// ayat or huruf and never carries a curated verdict on its own (validate_corpus enforces both).
inline constexpr std::string_view kProvenanceOfficial = "official";
inline constexpr std::string_view kProvenanceSecondary = "secondary";
inline constexpr std::string_view kProvenanceRecalled = "recalled";

// A reference to an article: source id, pasal, optional ayat.
struct ArticleRef {
  std::string source;
  std::string pasal;
  std::string ayat;
};

// Whether `ref` names `article`: same source and pasal, and the same ayat unless `ref` leaves the ayat out (a
// reference without an ayat stands for every ayat of its pasal).
bool covers(const ArticleRef& ref, const ArticleRef& article);
// "uu-7-2017 pasal 280 ayat 2", or without " ayat …" when the reference has none: a reference as problems name it.
std::string describe(const ArticleRef& ref);

struct Entry {
  EntryKind kind = EntryKind::article;
  std::string id;      // unique: `source/id` for articles, the qa or summary id otherwise
  std::string source;  // the file's source id (a regulation id, `qa` or `sosialisasi`)
  std::string pasal, ayat, huruf;
  std::string title;
  std::vector<std::string> questions;  // qa only
  std::vector<std::string> audience;
  std::string verdict;  // dilarang | boleh | hati-hati | info
  std::string answer;   // qa only
  std::string text;     // article and summary body
  std::string sanction;
  std::vector<std::string> keywords;
  std::vector<ArticleRef> cites;  // qa and summary; an article cites itself
  std::string date, region, attribution;  // summary only
  std::string provenance;  // article only: official | secondary | recalled
  std::string checked;     // article only: YYYY-MM-DD, the last check of the article against its source
  std::string file;
  int line = 0;
};

struct SourceInfo {
  std::string id;
  std::string title;
  std::string short_name;  // how replies name it: "UU 7/2017"
  std::string note;
  bool is_regulation = false;
};

struct Corpus {
  std::vector<SourceInfo> sources;
  std::vector<Entry> entries;
};

// Where a key of a corpus file may stand: the file header or an entry of one kind.
enum class CorpusBlock { header, article, qa, summary };
std::string_view to_string(CorpusBlock block);

enum class FieldRequirement {
  optional,
  required,     // must be there with a non-empty value
  regulations,  // required in the header of a regulation's file only (`short`)
};

// One key the parser knows in one kind of block. docs/corpus-format.md documents exactly these, each with its
// requirement (tests/knowledge/corpus_test.cpp holds the two together).
struct CorpusField {
  std::string_view key;
  CorpusBlock block = CorpusBlock::header;
  FieldRequirement requirement = FieldRequirement::optional;
  bool repeatable = false;  // each occurrence adds a value (`question`, `cite`); otherwise a repeat is an error
};

// Every key of the corpus format, as the parser reads them (the parser is driven by this table).
std::vector<CorpusField> corpus_fields();

// Parses one file's content. `name` is used in problems and to check that a regulation's source id matches
// its file name. Problems are appended; entries with problems are still returned when their key fields parse.
Corpus parse_corpus_file(const std::string& name, std::string_view content, std::vector<Problem>& problems /* OUT */);

// Checks what only the whole corpus can tell: unique ids, every citation pointing at an existing article,
// no ayat given for an article known only as recalled, and no curated answer whose verdict rests only on
// recalled articles (the fact sheet's rule: a recalled article never carries a verdict alone).
void validate_corpus(const Corpus& corpus, std::vector<Problem>& problems /* OUT */);

// Reads every *.txt under dir (sorted by name), parses and validates. Problems name the file as given by dir.
Corpus load_corpus(const std::string& dir, std::vector<Problem>& problems /* OUT */);

// Parses `SOURCE PASAL [AYAT]`; returns false when malformed.
bool parse_article_ref(std::string_view text, ArticleRef& ref /* OUT */);

}  // namespace netra::knowledge
