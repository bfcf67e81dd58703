#include "storage/state_backends.h"

#include <cstdlib>
#include <sstream>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_state_store.h"
#include "adapters/storage/sqlite_state_store.h"
#include "support/postgres_server.h"
#include "support/test_support.h"

namespace netra::testing {
namespace {

using namespace adapters::storage;

constexpr const char* kPseudonymKey = "test-key";

class SqliteBackend : public StateBackend {
 public:
  std::unique_ptr<StateStore> open(StateOptions options) override {
    return std::make_unique<SqliteStateStore>(SqliteStateConfig{dir_.file("state.db"), options.session_ttl_seconds,
                                                                options.dedupe_ttl_seconds, kPseudonymKey, 0});
  }

 private:
  TempDir dir_;
};

class PostgresBackend : public StateBackend {
 public:
  PostgresBackend() : pool_(PgPoolConfig{server_.url(), 4}) {
    auto connection = pool_.acquire();
    migrate(*connection, postgres_migrations());
  }
  std::unique_ptr<StateStore> open(StateOptions options) override {
    return std::make_unique<PostgresStateStore>(
        pool_, PostgresStateConfig{options.session_ttl_seconds, options.dedupe_ttl_seconds, kPseudonymKey});
  }

 private:
  PostgresServer server_;
  PgPool pool_;  // after server_: closed before the server stops
};

}  // namespace

std::unique_ptr<StateBackend> make_state_backend(const std::string& name) {
  if (name == "sqlite") return std::make_unique<SqliteBackend>();
  if (name == "postgres") return std::make_unique<PostgresBackend>();
  throw std::runtime_error("unknown state backend " + name);
}

std::vector<std::string> state_backend_names() {
  const char* narrowed = std::getenv("NETRA_TEST_BACKENDS");
  if (!narrowed || !*narrowed) return {"sqlite", "postgres"};
  std::vector<std::string> names;
  std::istringstream list(narrowed);
  for (std::string name; std::getline(list, name, ',');) names.push_back(name);
  return names;
}

}  // namespace netra::testing
