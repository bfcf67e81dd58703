// The layout of a knowledge index file, shared by the code that writes it (index_build.cpp) and the code that
// reads it (knowledge_base.cpp). Private to knowledge/.
#pragma once

namespace netra::knowledge::index_schema {

// Bump when the schema or the analysis changes, so old index files are rebuilt rather than misread.
inline constexpr const char* kVersion = "5";

// `entries` holds each corpus entry as parsed, in corpus order (rowid = position + 1, the rowid of its `docs` row),
// with lists joined ('\n' for questions and citations, ',' for audience and keywords) and, precomputed at build
// time, its analysed terms (`terms`, sorted, space-separated) and each curated question's (`question_terms`, one
// line per question). `docs` is the FTS5 table the retrieval query matches, tokenized by the `netra` tokenizer.
inline constexpr const char* kSchema = R"sql(
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

// The FTS5 table's name, as the rank function's row sizes and term counts are read from it.
inline constexpr const char* kDocsTable = "docs";

}  // namespace netra::knowledge::index_schema
