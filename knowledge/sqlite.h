// Tiny owning wrappers around SQLite handles and prepared statements.
// Every SQLite error becomes a netra::knowledge::SqliteError here, in one place, so callers never check return codes.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace netra::knowledge {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Owns one sqlite3 connection. Move-only.
class Database {
 public:
  // read_only_immutable: read-only, and the file is promised never to change while any connection has it open
  // (SQLite's `immutable=1` URI parameter): no file locks and no check for other writers at the start of each
  // read, and the page cache stays valid from one query to the next. For the knowledge index, which is written
  // to a temporary file and renamed into place, so an opened file is never written again.
  enum class Mode { read_only, read_only_immutable, read_write_create };

  // Opens (and with read_write_create, creates) the file. Throws SqliteError with the path on failure.
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
  void exec(std::string_view sql);
  sqlite3* handle() const { return db_; }
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Owns one prepared statement. Bind indexes are 1-based as in SQLite; column indexes are 0-based.
class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  // A pointer for an SQL function of this program (sqlite3_bind_pointer): `type` names what it points at, and
  // only a function asking for that type sees it. The pointee must outlive the statement's current run.
  Statement& bind_pointer(int index, const void* pointer, const char* type);
  Statement& bind(int index, const std::optional<std::string>& value);

  // Advances: true while a row is available, false when done. Throws on error.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  // Clears bindings and rewinds, ready to be bound again.
  void reset();

  std::string column_text(int index) const;
  int64_t column_int(int index) const;
  double column_double(int index) const;
  bool column_is_null(int index) const;
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

// Commits on commit(), rolls back when destroyed without it (an exception unwound through the scope).
class Transaction {
 public:
  explicit Transaction(Database& db, bool immediate = false);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  bool done_ = false;
};

// The connection's FTS5 API, to register tokenizers and auxiliary functions. Throws SqliteError without FTS5.
fts5_api* fts5_api_of(sqlite3* db);

// Throws SqliteError when rc is not one of the success codes, naming the context.
void check(sqlite3* db, int rc, std::string_view context);

}  // namespace netra::knowledge
