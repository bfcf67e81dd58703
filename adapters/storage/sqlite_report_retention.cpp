// Retention: reports are deleted a set number of days after their last status change, per status (closed
// reports after 180 days by default), with everything kept about them. The freed pages are overwritten
// (PRAGMA secure_delete, set when the store opens) and the WAL is truncated afterwards, so the deleted text is
// gone from reports.db and reports.db-wal alike, not merely unlinked from the b-tree.
#include "adapters/storage/sqlite_report_store.h"
#include "bot/clock.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::AuditEntry;
using bot::iso_time;
using bot::RetentionPolicy;
using bot::utc_day;
using knowledge::Statement;

std::vector<std::string> SqliteReportStore::expire(const RetentionPolicy& policy, int64_t now) {
  std::vector<std::string> removed;
  {
    std::lock_guard lock(mutex_);
    knowledge::Transaction transaction(db_, true);
    for (const auto& [status, days] : policy.days_by_status) {
      if (days <= 0) continue;
      // updated_at is the day of the last status change; a report closed on day D with 180 days goes once D is
      // more than 180 days back.
      std::string last_kept_day = utc_day(now - days * 86400);
      Statement select(db_, "SELECT code, updated_at FROM reports WHERE status = ?1 AND updated_at < ?2");
      select.bind(1, status).bind(2, last_kept_day);
      std::vector<std::pair<std::string, std::string>> due;
      while (select.step()) due.emplace_back(select.column_text(0), select.column_text(1));
      for (const auto& [code, updated_at] : due) {
        for (const char* sql : {"DELETE FROM evidence WHERE code = ?1", "DELETE FROM thread_messages WHERE code = ?1",
                                "DELETE FROM internal_notes WHERE code = ?1", "DELETE FROM audit WHERE code = ?1",
                                "DELETE FROM submissions WHERE code = ?1", "DELETE FROM reports WHERE code = ?1"}) {
          Statement remove(db_, sql);
          remove.bind(1, code).run();
        }
        AuditEntry entry;
        entry.at = iso_time(now);
        entry.action = "expire";
        entry.receipt_code = code;
        entry.admin_label = "retention";
        entry.from_status = status;
        entry.detail = "status " + status + " since " + updated_at + ", kept " + std::to_string(days) + " days";
        insert_audit(entry);
        removed.push_back(code);
      }
    }
    transaction.commit();
  }
  if (!removed.empty()) {
    // The old page images are still in the WAL until it is checkpointed and reset.
    std::lock_guard lock(mutex_);
    db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  return removed;
}

}  // namespace netra::adapters::storage
