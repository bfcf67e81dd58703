// The corpus parser: knowledge::parse_corpus_file (and validate_corpus on its result) over arbitrary file
// contents. Problems are expected; crashes, UB, leaks, exceptions and hangs are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "knowledge/corpus.h"
#include "fuzz/fuzz_support.h"

namespace {
using netra::fuzz::check;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string name = "corpus/uu-7-2017.txt";
  std::string_view content(reinterpret_cast<const char*>(data), size);
  std::vector<netra::knowledge::Problem> problems;
  auto corpus = netra::knowledge::parse_corpus_file(name, content, problems);
  check(corpus.sources.size() == 1);
  for (const auto& entry : corpus.entries) {
    check(entry.file == name);
    check(entry.kind == netra::knowledge::EntryKind::qa || !entry.verdict.empty());
  }
  netra::knowledge::validate_corpus(corpus, problems);
  for (const auto& problem : problems) check(!problem.message.empty());
  netra::knowledge::ArticleRef ref;
  netra::knowledge::parse_article_ref(content, ref);
  return 0;
}
