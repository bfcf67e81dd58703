// The two state backends as test fixtures, so one test case runs against both (the storage contract): SQLite in a
// temporary data directory, PostgreSQL on a throwaway server (tests/support/postgres_server.h) with the schema
// migrated. open() gives a new store on the same database each time: a restarted process, or a second replica.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/state_store.h"

namespace netra::testing {

struct StateOptions {
  int64_t session_ttl_seconds = 86400;
  int64_t dedupe_ttl_seconds = 7 * 86400;
};

class StateBackend {
 public:
  virtual ~StateBackend() = default;
  virtual std::unique_ptr<adapters::storage::StateStore> open(StateOptions options = {}) = 0;
};

// "sqlite" or "postgres". Throws std::runtime_error when the PostgreSQL server programs are missing.
std::unique_ptr<StateBackend> make_state_backend(const std::string& name);

// The backends the contract runs against: both, unless NETRA_TEST_BACKENDS narrows it (e.g. "sqlite").
std::vector<std::string> state_backend_names();

}  // namespace netra::testing
