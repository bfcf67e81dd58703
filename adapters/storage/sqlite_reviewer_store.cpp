// Reviewer accounts, desk sessions and login throttling in reports.db. Only hashes arrive here
// (bot/reviewer_accounts.cpp makes them): crypto_pwhash_str strings and SHA-256 of session tokens.
#include "adapters/storage/sqlite_report_store.h"

namespace netra::adapters::storage {

using bot::DeskSession;
using bot::Reviewer;
using knowledge::Statement;

bool SqliteReportStore::add_reviewer(const std::string& name, const std::string& password_hash,
                                     const std::string& created_at) {
  std::lock_guard lock(mutex_);
  Statement insert(db_,
                   "INSERT INTO reviewers(name, password_hash, created_at) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT(name) DO NOTHING");
  insert.bind(1, name).bind(2, password_hash).bind(3, created_at).run();
  return db_.changes() > 0;
}

std::vector<Reviewer> SqliteReportStore::reviewers() {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT name, created_at FROM reviewers ORDER BY name");
  std::vector<Reviewer> accounts;
  while (select.step()) accounts.push_back({select.column_text(0), select.column_text(1)});
  return accounts;
}

bool SqliteReportStore::remove_reviewer(const std::string& name) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  Statement remove(db_, "DELETE FROM reviewers WHERE name = ?1");
  remove.bind(1, name).run();
  bool removed = db_.changes() > 0;
  Statement sessions(db_, "DELETE FROM desk_sessions WHERE reviewer = ?1");
  sessions.bind(1, name).run();
  transaction.commit();
  return removed;
}

std::optional<std::string> SqliteReportStore::password_hash(const std::string& name) {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT password_hash FROM reviewers WHERE name = ?1");
  if (!select.bind(1, name).step()) return std::nullopt;
  return select.column_text(0);
}

void SqliteReportStore::open_desk_session(const std::string& token_hash, const DeskSession& session) {
  std::lock_guard lock(mutex_);
  Statement insert(db_,
                   "INSERT INTO desk_sessions(token_hash, reviewer, csrf_token, created_at, last_seen) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, token_hash).bind(2, session.reviewer).bind(3, session.csrf_token);
  insert.bind(4, session.created_at).bind(5, session.last_seen).run();
}

std::optional<DeskSession> SqliteReportStore::find_desk_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT s.reviewer, s.csrf_token, s.created_at, s.last_seen FROM desk_sessions s "
                   "JOIN reviewers r ON r.name = s.reviewer WHERE s.token_hash = ?1");
  if (!select.bind(1, token_hash).step()) return std::nullopt;
  return DeskSession{select.column_text(0), select.column_text(1), select.column_int(2), select.column_int(3)};
}

void SqliteReportStore::touch_desk_session(const std::string& token_hash, int64_t last_seen) {
  std::lock_guard lock(mutex_);
  Statement touch(db_, "UPDATE desk_sessions SET last_seen = ?2 WHERE token_hash = ?1");
  touch.bind(1, token_hash).bind(2, last_seen).run();
}

void SqliteReportStore::close_desk_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Statement remove(db_, "DELETE FROM desk_sessions WHERE token_hash = ?1");
  remove.bind(1, token_hash).run();
}

int64_t SqliteReportStore::record_login_failure(const std::string& key, int64_t now, int64_t window_seconds) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  Statement forget(db_, "DELETE FROM login_failures WHERE at <= ?1");
  forget.bind(1, now - window_seconds).run();
  Statement insert(db_, "INSERT INTO login_failures(key, at) VALUES (?1, ?2)");
  insert.bind(1, key).bind(2, now).run();
  Statement count(db_, "SELECT count(*) FROM login_failures WHERE key = ?1 AND at > ?2");
  count.bind(1, key).bind(2, now - window_seconds).step();
  int64_t failures = count.column_int(0);
  count.reset();
  transaction.commit();
  return failures;
}

int64_t SqliteReportStore::login_failures(const std::string& key, int64_t now, int64_t window_seconds) {
  std::lock_guard lock(mutex_);
  Statement count(db_, "SELECT count(*) FROM login_failures WHERE key = ?1 AND at > ?2");
  count.bind(1, key).bind(2, now - window_seconds).step();
  return count.column_int(0);
}

void SqliteReportStore::clear_login_failures(const std::string& key) {
  std::lock_guard lock(mutex_);
  Statement remove(db_, "DELETE FROM login_failures WHERE key = ?1");
  remove.bind(1, key).run();
}

}  // namespace netra::adapters::storage
