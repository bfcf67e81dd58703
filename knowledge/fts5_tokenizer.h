// Registers the `netra` FTS5 tokenizer on a SQLite connection. Documents go through the Analyzer; query strings
// are already analysed terms (the retriever builds them with the same Analyzer), so in query mode the tokenizer
// only splits them. Must be registered on every connection that reads or writes the index.
#pragma once

#include <sqlite3.h>

#include "knowledge/analyzer.h"

namespace netra::knowledge {

inline constexpr const char* kTokenizerName = "netra";

// The analyzer must outlive the connection. Throws SqliteError when FTS5 is unavailable.
void register_tokenizer(sqlite3* db, const Analyzer& analyzer);

}  // namespace netra::knowledge
