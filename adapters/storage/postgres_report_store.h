// The report storage on PostgreSQL (NETRA_DATABASE_URL), shared by every replica: every interface of
// bot/report_storage.h over the connection pool, each call its own short transaction. The rules are the SQLite
// store's (the contract tests in tests/storage run both); what differs is how replicas are kept from stepping on
// each other:
//   - a receipt code is unique by constraint: INSERT … ON CONFLICT (code) DO NOTHING, and a taken code is retried
//     with a fresh one in the same transaction;
//   - a submission id is unique by constraint: two replicas filing the same submission at once both insert their
//     report, the second blocks on the submissions key until the first commits, then rolls back and returns the
//     first one's receipt;
//   - status changes and the reporter's answers lock the report row (SELECT … FOR UPDATE), so two reviewers on
//     two replicas change a report one after the other, and the answer limit holds;
//   - retention deletes with DELETE … RETURNING: two sweepers at once expire (and audit) each report once.
// Filing commits with synchronous_commit on, whatever the server's default: a receipt is shown only for a report
// whose commit reached the disk (and the synchronous standbys the operator configured). Times the store stamps
// itself (filing day, status-change day, thread and audit times) come from the database's clock, so replicas
// agree. Evidence bytes are bytea. secure_delete has no PostgreSQL equivalent: a deleted row's bytes stay in the
// table's files until VACUUM reuses the space (README, "Running several replicas").
//
// Implemented by concern: postgres_report_store.cpp (filing, look-ups, status), postgres_report_thread.cpp,
// postgres_report_evidence.cpp, postgres_report_audit.cpp, postgres_reviewer_store.cpp and
// postgres_report_retention.cpp; the tables are migration 3 in postgres_schema.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/report_backend.h"

namespace netra::adapters::storage {

class PostgresReportStore final : public ReportBackend {
 public:
  // Uses `pool`, which must outlive the store; the schema must be migrated (postgres_migrations.h). Every method
  // throws bot::StorageUnavailable when the database cannot be reached (nothing was committed) and PgError for
  // anything else.
  explicit PostgresReportStore(PgPool& pool);

  // ReportStore
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

  // ReportThreadStore
  bool add_question(const std::string& receipt_code, const std::string& reviewer, const std::string& text) override;
  bot::ThreadReply add_answer(const std::string& receipt_code, const std::string& text) override;
  std::vector<bot::ThreadMessage> thread(const std::string& receipt_code) override;
  std::vector<bot::ThreadMessage> open_questions(const std::string& receipt_code) override;
  bool add_internal_note(const std::string& receipt_code, const std::string& reviewer,
                         const std::string& text) override;
  std::vector<bot::InternalNote> internal_notes(const std::string& receipt_code) override;

  // EvidenceStore
  std::vector<bot::EvidenceFile> evidence_files(const std::string& receipt_code) override;
  std::optional<std::pair<std::string, bot::EvidenceFile>> evidence_file(int64_t id) override;

  // AuditLog
  void record(const bot::AuditEntry& entry) override;
  std::vector<bot::AuditEntry> trail(const std::string& receipt_code) override;
  std::vector<bot::AuditEntry> recent(int64_t limit) override;

  // ReviewerStore
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

  // RetentionStore
  std::vector<std::string> expire(const bot::RetentionPolicy& policy, int64_t now) override;

 private:
  PgPool& pool_;
};

// Private to the PostgreSQL report store's files.
namespace postgres_report {

// The audit line's insert, for the writes that audit themselves in their own transaction. An empty entry.at is
// stamped with the database's clock.
void insert_audit(PgConnection& connection, const bot::AuditEntry& entry);
// Locks the report's row for the rest of the transaction (FOR UPDATE with `exclusive`, else FOR KEY SHARE: enough
// to keep retention from deleting it under an insert that refers to it). False when there is no such report.
bool lock_report(PgConnection& connection, const std::string& receipt_code, bool exclusive);
// bytea in libpq's text format: "\x" and two hex digits a byte in; the bytes of the server's hex output out.
std::string bytea_param(const std::string& bytes);
std::string bytea_value(const std::string& text);

}  // namespace postgres_report

}  // namespace netra::adapters::storage
