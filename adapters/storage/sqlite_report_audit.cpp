// The report store's audit trail: who did what to which report, and when. Every reviewer action at the desk
// and through the API is one line; so is each expiry.
#include "adapters/storage/sqlite_report_store.h"
#include "bot/clock.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::AuditEntry;
using bot::iso_time;
using bot::unix_now;
namespace {

using knowledge::Statement;

constexpr const char* kAuditColumns =
    "at, from_status, to_status, admin_label, public_note, internal_note, action, code, detail";

AuditEntry read_audit(const Statement& row) {
  AuditEntry entry;
  entry.at = row.column_text(0);
  entry.from_status = row.column_text(1);
  entry.to_status = row.column_text(2);
  entry.admin_label = row.column_text(3);
  entry.public_note = row.column_text(4);
  entry.internal_note = row.column_text(5);
  entry.action = row.column_text(6);
  entry.receipt_code = row.column_text(7);
  entry.detail = row.column_text(8);
  return entry;
}

}  // namespace

void SqliteReportStore::insert_audit(const AuditEntry& entry) {
  Statement insert(db_,
                   std::string("INSERT INTO audit(") + kAuditColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, entry.at.empty() ? iso_time(unix_now()) : entry.at).bind(2, entry.from_status);
  insert.bind(3, entry.to_status).bind(4, entry.admin_label).bind(5, entry.public_note);
  insert.bind(6, entry.internal_note).bind(7, entry.action).bind(8, entry.receipt_code).bind(9, entry.detail);
  insert.run();
}

void SqliteReportStore::record(const AuditEntry& entry) {
  std::lock_guard lock(mutex_);
  insert_audit(entry);
}

std::vector<AuditEntry> SqliteReportStore::trail(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kAuditColumns + " FROM audit WHERE code = ?1 ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<AuditEntry> entries;
  while (select.step()) entries.push_back(read_audit(select));
  return entries;
}

std::vector<AuditEntry> SqliteReportStore::recent(int64_t limit) {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kAuditColumns + " FROM audit ORDER BY id DESC LIMIT ?1");
  select.bind(1, limit);
  std::vector<AuditEntry> entries;
  while (select.step()) entries.push_back(read_audit(select));
  return entries;
}

}  // namespace netra::adapters::storage
