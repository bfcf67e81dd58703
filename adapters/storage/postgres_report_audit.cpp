// The audit trail on PostgreSQL. Times are text, as the API shows them: ISO 8601 to the second for reviewers'
// actions, the day alone for the reporter's ("answer_received"), which a timestamp column would give a time of
// day it must not have.
#include "adapters/storage/postgres_report_store.h"

namespace netra::adapters::storage {

using bot::AuditEntry;

namespace {

constexpr PgStatement kInsertAudit{
    "netra_audit_insert",
    "INSERT INTO audit(at, from_status, to_status, admin_label, public_note, internal_note, action, code, detail) "
    "VALUES (coalesce($1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')), "
    "$2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr PgStatement kSelectTrail{
    "netra_audit_trail",
    "SELECT at, from_status, to_status, admin_label, public_note, internal_note, action, code, detail FROM audit "
    "WHERE code = $1 ORDER BY id"};
constexpr PgStatement kSelectRecent{
    "netra_audit_recent",
    "SELECT at, from_status, to_status, admin_label, public_note, internal_note, action, code, detail FROM audit "
    "ORDER BY id DESC LIMIT $1::bigint"};

std::vector<AuditEntry> read_entries(const PgResult& rows) {
  std::vector<AuditEntry> entries;
  for (int row = 0; row < rows.rows(); ++row) {
    AuditEntry entry;
    entry.at = rows.text(row, 0);
    entry.from_status = rows.text(row, 1);
    entry.to_status = rows.text(row, 2);
    entry.admin_label = rows.text(row, 3);
    entry.public_note = rows.text(row, 4);
    entry.internal_note = rows.text(row, 5);
    entry.action = rows.text(row, 6);
    entry.receipt_code = rows.text(row, 7);
    entry.detail = rows.text(row, 8);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

namespace postgres_report {

void insert_audit(PgConnection& connection, const AuditEntry& entry) {
  connection.run(kInsertAudit, {entry.at.empty() ? std::nullopt : PgParam(entry.at), entry.from_status, entry.to_status,
                                entry.admin_label, entry.public_note, entry.internal_note, entry.action,
                                entry.receipt_code, entry.detail});
}

}  // namespace postgres_report

void PostgresReportStore::record(const AuditEntry& entry) {
  auto connection = pool_.acquire();
  postgres_report::insert_audit(*connection, entry);
}

std::vector<AuditEntry> PostgresReportStore::trail(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  return read_entries(connection->run(kSelectTrail, {receipt_code}));
}

std::vector<AuditEntry> PostgresReportStore::recent(int64_t limit) {
  auto connection = pool_.acquire();
  return read_entries(connection->run(kSelectRecent, {std::to_string(limit)}));
}

}  // namespace netra::adapters::storage
