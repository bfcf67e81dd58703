// Loads the knowledge index for `netra serve`: at start-up and again on SIGHUP. Rebuilds the index from the corpus
// when it is missing or stale (knowledge::build_index writes a temporary file and renames it over the index), then
// opens it through a private hard link ("pin"). The pin matters for reloads: a KnowledgeBase opens more read
// connections by path as concurrency grows, and after a rebuild the index path names the new file; through its pin
// an older generation, still answering in-flight requests, keeps reading the file its entries came from.
#pragma once

#include <memory>
#include <string>

#include "bot/answerer.h"
#include "knowledge/index.h"

namespace netra::adapters {

struct LoadedKnowledge {
  // Owns the knowledge base (and its pin, removed when the last holder lets go).
  std::shared_ptr<const bot::Answerer> answerer;
  bool rebuilt = false;  // the index was (re)built from the corpus by this load
  size_t entries = 0;
  std::string fingerprint;
};

class KnowledgeLoader {
 public:
  // `source`: the corpus and lexicon (may be absent: then the index must exist). `index_path`: the index file.
  // `answer_cache_entries` as in bot::Answerer.
  KnowledgeLoader(knowledge::KnowledgeSource source, std::string index_path, size_t answer_cache_entries);

  // Loads the current corpus. Throws std::runtime_error with every `file:line: problem` when the corpus is
  // invalid, or when the index is missing and there is no corpus to build it from; nothing in use changes then.
  LoadedKnowledge load();

  // Removes pins left beside the index by netra processes that no longer run (a crash skips the clean-up).
  // Returns how many were removed.
  size_t remove_stale_pins() const;

 private:
  bool index_is_current() const;
  void build() const;
  // A hard link (or, across file systems, a copy) of the index, private to this load; empty when the index's
  // folder is not writable (the index is then read in place).
  std::string pin_index();

  knowledge::KnowledgeSource source_;
  std::string index_path_;
  size_t answer_cache_entries_;
  unsigned loads_ = 0;
};

}  // namespace netra::adapters
