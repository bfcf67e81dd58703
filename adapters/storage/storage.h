// Where `netra serve` keeps its state and its reports, chosen once at start-up: NETRA_DATABASE_URL set →
// PostgreSQL, shared by every replica behind the load balancer (the schema migrated first, under an advisory
// lock); unset → SQLite in NETRA_DATA_DIR (state.db, reports.db), one process, as always. The knowledge index
// stays a read-only SQLite file per replica.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/report_backend.h"
#include "adapters/storage/state_store.h"
#include "bot/outbox.h"

namespace netra::adapters::storage {

struct StorageSettings {
  std::string database_url;   // NETRA_DATABASE_URL; empty: SQLite
  std::string data_dir;       // NETRA_DATA_DIR: state.db and reports.db for SQLite
  std::string pseudonym_key;  // NETRA_SECRET: keys the delivery HMACs
  size_t pool_size = 8;       // PostgreSQL connections of this process
  // How long start-up keeps trying a PostgreSQL server that does not answer (a replica and its database booting
  // together). A wrong password or database fails at once.
  std::chrono::milliseconds connect_patience{30000};
  // SQLite: how long a write waits for another writer's lock (NETRA_SQLITE_BUSY_TIMEOUT_MS).
  std::chrono::milliseconds sqlite_busy_timeout{5000};
};

// The opened backend. The members are declared in dependency order: the stores use the pool.
struct Storage {
  std::unique_ptr<PgPool> pool;         // PostgreSQL only
  std::unique_ptr<StateStore> state;    // sessions, dedupe claims, counters, turns
  std::unique_ptr<bot::Outbox> outbox;  // PostgreSQL only: the durable outbox; null with SQLite
  std::unique_ptr<ReportBackend> reports;  // reports, thread, evidence, audit, reviewer accounts, retention
  MigrationOutcome migrations;          // PostgreSQL only: what start-up applied
  std::string description;  // for the start-up log: "sqlite var/state.db", "postgresql postgresql://…***…"

  bool shared() const { return pool != nullptr; }
};

// Opens the backend the settings name. Throws PgConfigError (a wrong URL, password or database: fix the
// configuration), bot::StorageUnavailable (the server did not answer within connect_patience),
// knowledge::SqliteError (the state file cannot be opened).
Storage open_storage(const StorageSettings& settings);

// Opens only the report side (pool, migrations and `reports`; no state store, no outbox), for the commands that
// work on reports and reviewer accounts: `netra reviewer …`, `netra reports export|expire`. Throws as
// open_storage.
Storage open_report_storage(const StorageSettings& settings);

}  // namespace netra::adapters::storage
