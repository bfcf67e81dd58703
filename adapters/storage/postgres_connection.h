// PostgreSQL through libpq, in one place: an owning connection, prepared statements by name (prepared once per
// connection, on first use), results, and a transaction guard. Every libpq failure becomes an exception here:
// bot::StorageUnavailable when the server cannot be reached or went away (SQLSTATE class 08, 57P01-57P03,
// 53300: the caller may retry later and nothing was committed), PgError for anything else (a constraint, a bug in
// our SQL). Parameters and results travel in libpq's text format; NULL is std::nullopt.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "bot/storage_error.h"

namespace netra::adapters::storage {

// A statement the server refused for a reason other than reachability. `sqlstate()` is the five-character code
// ("23505" unique_violation; PostgreSQL manual, Appendix A).
class PgError : public std::runtime_error {
 public:
  PgError(const std::string& what, std::string sqlstate) : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

// A configuration that can never work — a malformed URL, a wrong password, a database or role that does not
// exist. Retrying does not help; `netra serve` stops with this message.
class PgConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The URL with its password replaced by "***" (postgresql://netra:***@db:5432/netra), for logs and errors. A URL
// with a `password=` query parameter has that value hidden too.
std::string redact_url(const std::string& url);

// After a failed connection attempt: true when the failure will not go away by waiting (a malformed URL, or the
// server answers but refuses us: authentication, unknown database or role), false when the server did not answer
// or is starting or stopping (PQping).
bool connect_failure_is_lasting(const std::string& url);

// True for the SQLSTATEs that mean "the server is not reachable now" rather than "this statement is wrong".
bool is_unavailable_sqlstate(const std::string& sqlstate);

using PgParam = std::optional<std::string>;

// One statement, prepared under `name` the first time a connection runs it. Define them as constants beside the
// code that uses them; names must be unique within the process.
struct PgStatement {
  const char* name;
  const char* sql;
};

// Owns a PGresult.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
  int rows() const { return PQntuples(result_.get()); }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string text(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
  std::optional<std::string> optional_text(int row, int column) const;
  int64_t integer(int row, int column) const;
  // Rows a command changed (INSERT/UPDATE/DELETE), 0 for others.
  int64_t affected() const;
  // The command tag ("INSERT 0 1", "COMMIT", "ROLLBACK").
  std::string command_tag() const { return PQcmdStatus(result_.get()); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class PgConnection {
 public:
  // Connects (libpq URL or key=value string). Throws PgConfigError when the URL is malformed, and
  // bot::StorageUnavailable for any failed connection attempt, with libpq's reason and the redacted URL (whether a
  // failure is lasting — a wrong password — or passing, only a second look tells: diagnose_connect_failure).
  explicit PgConnection(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `statement` with `params` ($1, $2, …), preparing it first on this connection if needed.
  PgResult run(const PgStatement& statement, const std::vector<PgParam>& params = {});
  // Runs SQL without parameters and without preparing it (BEGIN, COMMIT, DDL; may hold several statements).
  PgResult exec(const std::string& sql);

  // Still usable: connected and not inside a transaction left open (a pool only takes such connections back).
  bool reusable() const;
  PGconn* handle() const { return connection_.get(); }

 private:
  PgResult check(PGresult* result, const char* what);

  std::unique_ptr<PGconn, decltype(&PQfinish)> connection_;
  std::string redacted_url_;
  std::unordered_set<std::string> prepared_;
};

// BEGIN in the constructor; ROLLBACK in the destructor unless commit() ran (a failed ROLLBACK only leaves the
// connection unusable, which PgConnection::reusable() then reports).
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& connection);
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  // Throws like PgConnection::exec. A COMMIT refused by the server committed nothing; a COMMIT whose connection
  // broke may or may not have committed (the outcome is unknowable), so callers must be right either way.
  void commit();

 private:
  PgConnection& connection_;
  bool open_ = true;
};

}  // namespace netra::adapters::storage
