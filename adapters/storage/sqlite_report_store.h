// The report storage on SQLite (NETRA_DATA_DIR/reports.db), the default for one `netra serve`: every
// interface of bot/report_storage.h in one object over one connection behind one mutex. Durability: WAL with
// synchronous=FULL, so a receipt is only given for a report whose commit is on disk (see README). Deleted rows
// are overwritten (secure_delete) and expiry truncates the WAL, so an expired report does not linger in free
// pages.
//
// Implemented by concern: sqlite_report_store.cpp (schema, filing, look-ups, status), sqlite_report_thread.cpp
// (thread and internal notes), sqlite_report_evidence.cpp, sqlite_report_audit.cpp, sqlite_reviewer_store.cpp
// (accounts, desk sessions, login throttle) and sqlite_report_retention.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/report_backend.h"
#include "knowledge/sqlite.h"

namespace netra::adapters::storage {

class SqliteReportStore final : public ReportBackend {
 public:
  // Opens or creates the database and brings its schema up to date. `busy_timeout`: how long a write waits for
  // another connection's lock before it throws knowledge::SqliteError (SQLITE_BUSY). Throws knowledge::SqliteError.
  explicit SqliteReportStore(const std::string& path,
                             std::chrono::milliseconds busy_timeout = std::chrono::milliseconds(5000));

  // bot::ReportStore
  std::string file(const bot::ReportDraft& draft, const std::vector<bot::EvidenceFile>& evidence) override;
  std::optional<std::string> filed_code(const std::string& submission_id) override;
  std::optional<bot::Report> find(const std::string& receipt_code) override;
  std::vector<bot::Report> list(const bot::ReportFilter& filter) override;
  std::map<std::string, int64_t> count_by_status(const bot::ReportFilter& filter) override;
  bot::StatusChange change_status(const std::string& receipt_code, const std::string& new_status,
                                  const std::optional<std::string>& public_note,
                                  const std::optional<std::string>& internal_note,
                                  const std::string& admin_label) override;
  int64_t count() override;

  // bot::ReportThreadStore
  bool add_question(const std::string& receipt_code, const std::string& reviewer, const std::string& text) override;
  bot::ThreadReply add_answer(const std::string& receipt_code, const std::string& text) override;
  std::vector<bot::ThreadMessage> thread(const std::string& receipt_code) override;
  std::vector<bot::ThreadMessage> open_questions(const std::string& receipt_code) override;
  bool add_internal_note(const std::string& receipt_code, const std::string& reviewer,
                         const std::string& text) override;
  std::vector<bot::InternalNote> internal_notes(const std::string& receipt_code) override;

  // bot::EvidenceStore
  std::vector<bot::EvidenceFile> evidence_files(const std::string& receipt_code) override;
  std::optional<std::pair<std::string, bot::EvidenceFile>> evidence_file(int64_t id) override;

  // bot::AuditLog
  void record(const bot::AuditEntry& entry) override;
  std::vector<bot::AuditEntry> trail(const std::string& receipt_code) override;
  std::vector<bot::AuditEntry> recent(int64_t limit) override;

  // bot::ReviewerStore
  bool add_reviewer(const std::string& name, const std::string& password_hash, const std::string& created_at) override;
  std::vector<bot::Reviewer> reviewers() override;
  bool remove_reviewer(const std::string& name) override;
  std::optional<std::string> password_hash(const std::string& name) override;
  void open_desk_session(const std::string& token_hash, const bot::DeskSession& session) override;
  std::optional<bot::DeskSession> find_desk_session(const std::string& token_hash) override;
  void touch_desk_session(const std::string& token_hash, int64_t last_seen) override;
  void close_desk_session(const std::string& token_hash) override;
  int64_t record_login_failure(const std::string& key, int64_t now, int64_t window_seconds) override;
  int64_t login_failures(const std::string& key, int64_t now, int64_t window_seconds) override;
  void clear_login_failures(const std::string& key) override;

  // bot::RetentionStore
  std::vector<std::string> expire(const bot::RetentionPolicy& policy, int64_t now) override;

 private:
  // Each of these runs under mutex_, inside the caller's transaction.
  std::string insert_report(const bot::ReportDraft& draft);
  void insert_evidence(const std::string& code, const bot::EvidenceFile& file);
  void insert_audit(const bot::AuditEntry& entry);
  bool report_exists(const std::string& receipt_code);
  // A reviewer's row (a question in the thread, an internal note) and its audit line, in one transaction.
  // `insert_sql` binds ?1 code, ?2 reviewer, ?3 text, ?4 time. False when the report does not exist.
  bool add_reviewer_entry(const char* insert_sql, const char* action, const std::string& receipt_code,
                          const std::string& reviewer, const std::string& text);

  std::mutex mutex_;
  knowledge::Database db_;
};

}  // namespace netra::adapters::storage
