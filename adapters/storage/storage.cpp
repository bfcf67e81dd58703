#include "adapters/storage/storage.h"

#include "adapters/storage/postgres_outbox.h"
#include "adapters/storage/postgres_report_store.h"
#include "adapters/storage/postgres_state_store.h"
#include "adapters/storage/sqlite_report_store.h"
#include "adapters/storage/sqlite_state_store.h"

namespace netra::adapters::storage {
namespace {

// PostgreSQL: the pool, reachable (within the start-up patience), and the schema migrated.
void open_database(Storage& storage, const StorageSettings& settings) {
  PgPoolConfig pool_config;
  pool_config.url = settings.database_url;
  pool_config.size = settings.pool_size;
  storage.pool = std::make_unique<PgPool>(pool_config);
  storage.pool->connect_at_startup(settings.connect_patience);
  storage.migrations = migrate(*storage.pool->acquire(), postgres_migrations());
  storage.description = "postgresql " + storage.pool->redacted_url();
}

std::string reports_path(const StorageSettings& settings) {
  return settings.data_dir + "/reports.db";
}

}  // namespace

Storage open_storage(const StorageSettings& settings) {
  Storage storage;
  if (settings.database_url.empty()) {
    SqliteStateConfig config;
    config.path = settings.data_dir + "/state.db";
    config.pseudonym_key = settings.pseudonym_key;
    config.busy_timeout = settings.sqlite_busy_timeout;
    storage.state = std::make_unique<SqliteStateStore>(config);
    storage.reports = std::make_unique<SqliteReportStore>(reports_path(settings), settings.sqlite_busy_timeout);
    storage.description = "sqlite " + config.path;
    return storage;
  }
  open_database(storage, settings);
  PostgresStateConfig state_config;
  state_config.pseudonym_key = settings.pseudonym_key;
  storage.state = std::make_unique<PostgresStateStore>(*storage.pool, state_config);
  storage.outbox = std::make_unique<PostgresOutbox>(*storage.pool);
  storage.reports = std::make_unique<PostgresReportStore>(*storage.pool);
  return storage;
}

Storage open_report_storage(const StorageSettings& settings) {
  Storage storage;
  if (settings.database_url.empty()) {
    storage.reports = std::make_unique<SqliteReportStore>(reports_path(settings), settings.sqlite_busy_timeout);
    storage.description = "sqlite " + reports_path(settings);
    return storage;
  }
  open_database(storage, settings);
  storage.reports = std::make_unique<PostgresReportStore>(*storage.pool);
  return storage;
}

}  // namespace netra::adapters::storage
