// Private to the SQLite report store's files (sqlite_report*.cpp, sqlite_reviewer_store.cpp): the few SQLite
// helpers they share. Not part of any interface.
#pragma once

#include <string>
#include <string_view>

#include "knowledge/sqlite.h"

namespace netra::adapters::storage::report_sql {

// Binds bytes as a BLOB (knowledge::Statement binds text). The bytes are copied.
inline void bind_blob(knowledge::Statement& statement, int index, std::string_view bytes) {
  knowledge::check(sqlite3_db_handle(statement.handle()),
                   sqlite3_bind_blob64(statement.handle(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
                   "bind blob");
}

// A BLOB column's bytes (empty for NULL).
inline std::string column_blob(const knowledge::Statement& statement, int index) {
  const void* data = sqlite3_column_blob(statement.handle(), index);
  int size = sqlite3_column_bytes(statement.handle(), index);
  return data ? std::string(static_cast<const char*>(data), static_cast<size_t>(size)) : std::string();
}

}  // namespace netra::adapters::storage::report_sql
