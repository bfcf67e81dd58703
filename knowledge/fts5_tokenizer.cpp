#include "knowledge/fts5_tokenizer.h"

#include <new>

#include "knowledge/sqlite.h"
#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// FTS5 creates one tokenizer instance per table; ours only needs to know the analyzer.
struct TokenizerInstance {
  const Analyzer* analyzer;
};

int create_tokenizer(void* context, const char** /*args*/, int /*arg_count*/, Fts5Tokenizer** out) {
  auto* instance = new (std::nothrow) TokenizerInstance{static_cast<const Analyzer*>(context)};
  if (!instance) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(instance);
  return SQLITE_OK;
}

void delete_tokenizer(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<TokenizerInstance*>(tokenizer); }

int tokenize(Fts5Tokenizer* tokenizer, void* fts_context, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto* instance = reinterpret_cast<TokenizerInstance*>(tokenizer);
  std::string_view input(text, length > 0 ? static_cast<size_t>(length) : 0);
  try {
    if (flags & FTS5_TOKENIZE_QUERY) {
      for (const auto& word : split_words(input)) {
        int rc = emit(fts_context, 0, word.text.data(), static_cast<int>(word.text.size()),
                      static_cast<int>(word.start), static_cast<int>(word.end));
        if (rc != SQLITE_OK) return rc;
      }
      return SQLITE_OK;
    }
    for (const auto& term : instance->analyzer->analyze(input)) {
      int rc = emit(fts_context, 0, term.text.data(), static_cast<int>(term.text.size()),
                    static_cast<int>(term.start), static_cast<int>(term.end));
      if (rc != SQLITE_OK) return rc;
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

}  // namespace

void register_tokenizer(sqlite3* db, const Analyzer& analyzer) {
  fts5_api* api = fts5_api_of(db);
  static fts5_tokenizer methods = {create_tokenizer, delete_tokenizer, tokenize};
  int rc = api->xCreateTokenizer(api, kTokenizerName, const_cast<Analyzer*>(&analyzer), &methods, nullptr);
  check(db, rc, "register tokenizer");
}

}  // namespace netra::knowledge
