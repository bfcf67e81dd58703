// Reviewer accounts, desk sessions and login throttling on PostgreSQL. Only hashes arrive here
// (bot/reviewer_accounts.cpp makes them): crypto_pwhash_str strings and SHA-256 of session tokens. Sessions and
// failures are shared by the replicas, so a login on one is a session on all and the throttle counts every try.
#include "adapters/storage/postgres_report_store.h"

namespace netra::adapters::storage {

using bot::DeskSession;
using bot::Reviewer;

namespace {

constexpr PgStatement kInsertReviewer{
    "netra_reviewer_insert",
    "INSERT INTO reviewers(name, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING"};
constexpr PgStatement kSelectReviewers{"netra_reviewer_list",
                                       "SELECT name, created_at FROM reviewers ORDER BY name COLLATE \"C\""};
constexpr PgStatement kDeleteReviewer{"netra_reviewer_delete", "DELETE FROM reviewers WHERE name = $1"};
constexpr PgStatement kDeleteReviewerSessions{"netra_reviewer_sessions_delete",
                                              "DELETE FROM desk_sessions WHERE reviewer = $1"};
constexpr PgStatement kSelectHash{"netra_reviewer_hash", "SELECT password_hash FROM reviewers WHERE name = $1"};
constexpr PgStatement kInsertSession{
    "netra_desk_session_insert",
    "INSERT INTO desk_sessions(token_hash, reviewer, csrf_token, created_at, last_seen) "
    "VALUES ($1, $2, $3, $4::bigint, $5::bigint)"};
constexpr PgStatement kSelectSession{"netra_desk_session_select",
                                     "SELECT s.reviewer, s.csrf_token, s.created_at, s.last_seen FROM desk_sessions s "
                                     "JOIN reviewers r ON r.name = s.reviewer WHERE s.token_hash = $1"};
constexpr PgStatement kTouchSession{"netra_desk_session_touch",
                                    "UPDATE desk_sessions SET last_seen = $2::bigint WHERE token_hash = $1"};
constexpr PgStatement kDeleteSession{"netra_desk_session_delete", "DELETE FROM desk_sessions WHERE token_hash = $1"};
constexpr PgStatement kForgetFailures{"netra_login_failures_forget",
                                      "DELETE FROM login_failures WHERE at <= $1::bigint"};
constexpr PgStatement kInsertFailure{"netra_login_failure_insert",
                                     "INSERT INTO login_failures(key, at) VALUES ($1, $2::bigint)"};
constexpr PgStatement kCountFailures{"netra_login_failures_count",
                                     "SELECT count(*) FROM login_failures WHERE key = $1 AND at > $2::bigint"};
constexpr PgStatement kClearFailures{"netra_login_failures_clear", "DELETE FROM login_failures WHERE key = $1"};

}  // namespace

bool PostgresReportStore::add_reviewer(const std::string& name, const std::string& password_hash,
                                       const std::string& created_at) {
  auto connection = pool_.acquire();
  return connection->run(kInsertReviewer, {name, password_hash, created_at}).affected() > 0;
}

std::vector<Reviewer> PostgresReportStore::reviewers() {
  auto connection = pool_.acquire();
  auto rows = connection->run(kSelectReviewers);
  std::vector<Reviewer> accounts;
  for (int row = 0; row < rows.rows(); ++row) accounts.push_back({rows.text(row, 0), rows.text(row, 1)});
  return accounts;
}

bool PostgresReportStore::remove_reviewer(const std::string& name) {
  auto connection = pool_.acquire();
  PgTransaction transaction(*connection);
  bool removed = connection->run(kDeleteReviewer, {name}).affected() > 0;
  connection->run(kDeleteReviewerSessions, {name});
  transaction.commit();
  return removed;
}

std::optional<std::string> PostgresReportStore::password_hash(const std::string& name) {
  auto connection = pool_.acquire();
  auto row = connection->run(kSelectHash, {name});
  if (row.rows() == 0) return std::nullopt;
  return row.text(0, 0);
}

void PostgresReportStore::open_desk_session(const std::string& token_hash, const DeskSession& session) {
  auto connection = pool_.acquire();
  connection->run(kInsertSession, {token_hash, session.reviewer, session.csrf_token, std::to_string(session.created_at),
                                   std::to_string(session.last_seen)});
}

std::optional<DeskSession> PostgresReportStore::find_desk_session(const std::string& token_hash) {
  auto connection = pool_.acquire();
  auto row = connection->run(kSelectSession, {token_hash});
  if (row.rows() == 0) return std::nullopt;
  return DeskSession{row.text(0, 0), row.text(0, 1), row.integer(0, 2), row.integer(0, 3)};
}

void PostgresReportStore::touch_desk_session(const std::string& token_hash, int64_t last_seen) {
  auto connection = pool_.acquire();
  connection->run(kTouchSession, {token_hash, std::to_string(last_seen)});
}

void PostgresReportStore::close_desk_session(const std::string& token_hash) {
  auto connection = pool_.acquire();
  connection->run(kDeleteSession, {token_hash});
}

int64_t PostgresReportStore::record_login_failure(const std::string& key, int64_t now, int64_t window_seconds) {
  std::string window_start = std::to_string(now - window_seconds);
  auto connection = pool_.acquire();
  PgTransaction transaction(*connection);
  connection->run(kForgetFailures, {window_start});
  connection->run(kInsertFailure, {key, std::to_string(now)});
  int64_t failures = connection->run(kCountFailures, {key, window_start}).integer(0, 0);
  transaction.commit();
  return failures;
}

int64_t PostgresReportStore::login_failures(const std::string& key, int64_t now, int64_t window_seconds) {
  auto connection = pool_.acquire();
  return connection->run(kCountFailures, {key, std::to_string(now - window_seconds)}).integer(0, 0);
}

void PostgresReportStore::clear_login_failures(const std::string& key) {
  auto connection = pool_.acquire();
  connection->run(kClearFailures, {key});
}

}  // namespace netra::adapters::storage
