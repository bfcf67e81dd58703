#include "adapters/storage/postgres_migrations.h"

#include <algorithm>
#include <set>

namespace netra::adapters::storage {
namespace {

// The advisory lock of schema changes. The two-key form lives in another key space than the one-key locks the
// turns take on sender keys (pg_advisory_xact_lock(bigint)), so the two can never collide. 0x6e657472 is "netr".
constexpr const char* kLockMigrations = "SELECT pg_advisory_xact_lock(1852142706, 1)";

constexpr PgStatement kRecordMigration{"netra_migration_record",
                                       "INSERT INTO schema_migrations(version, name) VALUES ($1::integer, $2)"};

}  // namespace

MigrationOutcome migrate(PgConnection& connection, const std::vector<Migration>& migrations) {
  MigrationOutcome outcome;
  for (const auto& migration : migrations) outcome.newest_known = std::max(outcome.newest_known, migration.version);
  PgTransaction transaction(connection);
  connection.exec(kLockMigrations);
  connection.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations("
      "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
  std::set<int> applied;
  PgResult rows = connection.exec("SELECT version FROM schema_migrations");
  for (int row = 0; row < rows.rows(); ++row) applied.insert(static_cast<int>(rows.integer(row, 0)));
  for (const auto& migration : migrations) {
    if (applied.count(migration.version)) continue;
    connection.exec(migration.sql);
    connection.run(kRecordMigration, {std::to_string(migration.version), migration.name});
    outcome.applied.push_back(migration.version);
    applied.insert(migration.version);
  }
  transaction.commit();
  outcome.newest_in_database = applied.empty() ? 0 : *applied.rbegin();
  return outcome;
}

}  // namespace netra::adapters::storage
