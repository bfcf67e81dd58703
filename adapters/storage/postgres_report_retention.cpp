// Retention on PostgreSQL: DELETE … RETURNING per status, the report's evidence, thread, notes and submission id
// going with it (ON DELETE CASCADE), its audit lines deleted, and one "expire" line written per report — all in
// one transaction. Two replicas sweeping at once: the second waits on the first's row locks and then finds the
// rows gone, so each report is expired, and audited, once.
//
// Unlike SQLite's secure_delete, PostgreSQL does not overwrite a deleted row: its bytes stay in the table's files
// (and the WAL) until VACUUM reclaims the space and later writes reuse it. autovacuum does this on its own
// schedule; encrypting the disk that holds the database is the operator's (README, "Running several replicas").
#include "adapters/storage/postgres_report_store.h"
#include "bot/clock.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

namespace {

constexpr PgStatement kExpire{"netra_retention_expire",
                              "DELETE FROM reports WHERE status = $1 AND updated_at < $2::date "
                              "RETURNING code, to_char(updated_at, 'YYYY-MM-DD')"};
constexpr PgStatement kDeleteAudit{"netra_retention_delete_audit", "DELETE FROM audit WHERE code = $1"};

}  // namespace

std::vector<std::string> PostgresReportStore::expire(const bot::RetentionPolicy& policy, int64_t now) {
  std::vector<std::string> removed;
  auto connection = pool_.acquire();
  PgTransaction transaction(*connection);
  for (const auto& [status, days] : policy.days_by_status) {
    if (days <= 0) continue;
    // updated_at is the day of the last status change; a report closed on day D with 180 days goes once D is
    // more than 180 days back.
    auto due = connection->run(kExpire, {status, bot::utc_day(now - days * 86400)});
    for (int row = 0; row < due.rows(); ++row) {
      std::string code = due.text(row, 0);
      connection->run(kDeleteAudit, {code});
      bot::AuditEntry entry;
      entry.at = bot::iso_time(now);
      entry.action = "expire";
      entry.receipt_code = code;
      entry.admin_label = "retention";
      entry.from_status = status;
      entry.detail = "status " + status + " since " + due.text(row, 1) + ", kept " + std::to_string(days) + " days";
      postgres_report::insert_audit(*connection, entry);
      removed.push_back(code);
    }
  }
  transaction.commit();
  return removed;
}

}  // namespace netra::adapters::storage
