// The message normaliser and tokenizer: knowledge::split_words, fold, valid_utf8, utf8_to_latin1 and
// Analyzer::normalize/analyze over arbitrary bytes, with the real lexicon (knowledge/data/*.txt) and the
// hunspell-id stemmer, built once in LLVMFuzzerInitialize. Besides crashes and UB it checks the documented
// shape of the output: words are non-empty lowercase ASCII letters, digits and inner hyphens, with byte ranges
// inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "knowledge/analyzer.h"
#include "knowledge/text.h"
#include "fuzz/fuzz_support.h"

namespace {

using namespace netra::knowledge;

const Analyzer* analyzer = nullptr;

using netra::fuzz::check;

bool word_shaped(const std::string& text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return text.find("--") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* dir = std::getenv("NETRA_KNOWLEDGE_DIR");
  std::string knowledge = dir ? dir : NETRA_SOURCE_DIR "/knowledge";
  std::vector<Problem> problems;
  auto texts = read_lexicon_texts(knowledge + "/data", problems);
  Lexicon lexicon = parse_lexicon(texts, problems);
  if (!problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    std::abort();
  }
  static Analyzer instance(std::move(lexicon), std::make_shared<Stemmer>(DictionaryPaths{}));
  analyzer = &instance;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  size_t previous_end = 0;
  for (const auto& word : split_words(text)) {
    check(word_shaped(word.text));
    check(word.start < word.end && word.end <= size && word.start >= previous_end);
    previous_end = word.end;
  }
  std::string folded = fold(text);
  if (valid_utf8(text)) {
    check(valid_utf8(folded));
    std::string latin1;
    if (utf8_to_latin1(text, latin1)) check(latin1_to_utf8(latin1) == text);
  }
  auto trimmed = trim(text);
  check(trimmed.size() <= size);

  for (const auto& term : analyzer->normalize(text)) {
    check(term.start <= term.end && term.end <= size);
  }
  for (const auto& term : analyzer->analyze(text)) {
    check(!term.text.empty() && term.start <= term.end && term.end <= size);
  }
  analyzer->mentions_domain(analyzer->analyze(text));
  return 0;
}
