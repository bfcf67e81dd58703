// Building the knowledge index: the corpus and the lexicon read, validated and written into one SQLite file
// (layout: knowledge/index_schema.h) with an FTS5 table over every entry, tokenized by the `netra` tokenizer.
// `netra index` builds it; knowledge/knowledge_base.h opens it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "knowledge/corpus.h"
#include "knowledge/lexicon.h"
#include "knowledge/problem.h"
#include "knowledge/stemmer.h"

namespace netra::knowledge {

// Where the corpus and lexicon live: knowledge/corpus and knowledge/data under one root.
struct KnowledgeSource {
  std::string root;  // e.g. "knowledge"
  std::string corpus_dir() const { return root + "/corpus"; }
  std::string data_dir() const { return root + "/data"; }
};

struct BuildReport {
  std::vector<Problem> problems;  // non-empty: nothing was written
  size_t entries = 0;
  size_t sources = 0;
  std::string fingerprint;
};

// Reads, validates and indexes the corpus into out_path (written to a temporary file, then renamed, so a
// running reader never sees half an index). Returns the problems instead of writing when validation fails.
BuildReport build_index(const KnowledgeSource& source, const std::string& out_path, const DictionaryPaths& dictionary);

// Checks the data files that refer to the corpus: every rule's entries exist and agree with its verdict
// (rules.txt), and every fixed text is there with its placeholders (replies.txt). Problems are appended.
void validate_knowledge_data(const Corpus& corpus, const LexiconTexts& texts, std::vector<Problem>& problems /* OUT */);

// Builds from an already parsed corpus (the benchmark's synthetic corpora use this).
BuildReport build_index_from(const Corpus& corpus, const LexiconTexts& lexicon_texts, const std::string& out_path,
                             const DictionaryPaths& dictionary, const std::string& fingerprint);

// A fingerprint of every corpus and lexicon file (names and bytes), to tell a stale index from a fresh one.
std::string fingerprint_of(const KnowledgeSource& source);

}  // namespace netra::knowledge
