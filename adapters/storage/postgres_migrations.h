// The PostgreSQL schema, versioned in the database itself: table schema_migrations(version, name, applied_at)
// records what has been applied. At start-up every replica runs migrate(); the missing versions are applied in
// one transaction under a transaction-scoped advisory lock, so replicas starting together apply each one once
// and a replica never sees half a schema. The migrations themselves are in postgres_schema.cpp.
#pragma once

#include <string>
#include <vector>

#include "adapters/storage/postgres_connection.h"

namespace netra::adapters::storage {

struct Migration {
  int version;       // strictly increasing
  std::string name;  // what it does, recorded beside the version
  std::string sql;   // one or more statements
};

// Every migration of Netra's schema, in order (postgres_schema.cpp). Append new ones; never edit, renumber or
// remove one that has reached main: databases out there recorded it as applied.
const std::vector<Migration>& postgres_migrations();

struct MigrationOutcome {
  std::vector<int> applied;    // versions applied by this call
  int newest_known = 0;        // the last version this binary knows
  int newest_in_database = 0;  // after the call; greater than newest_known: a newer netra migrated it
};

// Applies the migrations the database lacks, all in one transaction under pg_advisory_xact_lock. Throws PgError
// (nothing applied) or bot::StorageUnavailable.
MigrationOutcome migrate(PgConnection& connection, const std::vector<Migration>& migrations);

}  // namespace netra::adapters::storage
