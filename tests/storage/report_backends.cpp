#include "storage/report_backends.h"

#include <optional>
#include <stdexcept>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_report_store.h"
#include "adapters/storage/sqlite_report_store.h"
#include "storage/state_backends.h"
#include "support/postgres_server.h"
#include "support/test_support.h"

namespace netra::testing {
namespace {

class SqliteBackend final : public ReportBackendUnderTest {
 public:
  SqliteBackend() : store_(std::in_place, dir_.file("reports.db")) {}
  std::string name() const override { return "sqlite"; }
  bot::ReportStorage storage() override { return store_->storage(); }
  void reopen() override {
    store_.reset();
    store_.emplace(dir_.file("reports.db"));
  }
  std::string stored_bytes() override {
    std::string bytes = read_file(dir_.file("reports.db"));
    if (std::filesystem::exists(dir_.file("reports.db-wal"))) bytes += read_file(dir_.file("reports.db-wal"));
    return bytes;
  }

 private:
  TempDir dir_;
  std::optional<adapters::storage::SqliteReportStore> store_;
};

using adapters::storage::PgConnection;
using adapters::storage::PgPool;
using adapters::storage::PgPoolConfig;
using adapters::storage::PgResult;
using adapters::storage::PostgresReportStore;

// A throwaway server of its own (tests/support/postgres_server.h) with Netra's schema migrated.
class PostgresBackend final : public ReportBackendUnderTest {
 public:
  PostgresBackend() {
    open();
    auto connection = pool_->acquire();
    adapters::storage::migrate(*connection, adapters::storage::postgres_migrations());
  }
  std::string name() const override { return "postgres"; }
  bot::ReportStorage storage() override { return store_->storage(); }
  void reopen() override {
    store_.reset();
    pool_.reset();
    open();
  }
  // Every row of every table as text (bytea as hex), then the bytea values decoded: what a copy of the
  // database's tables would show.
  std::string stored_bytes() override {
    PgConnection connection(server_.url());
    std::string bytes;
    PgResult tables = connection.exec(
        "SELECT quote_ident(table_name) FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    for (int t = 0; t < tables.rows(); ++t) {
      PgResult rows = connection.exec("SELECT t::text FROM " + tables.text(t, 0) + " t");
      for (int row = 0; row < rows.rows(); ++row) bytes += rows.text(row, 0) + "\n";
    }
    PgResult columns = connection.exec(
        "SELECT quote_ident(table_name), quote_ident(column_name) FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type = 'bytea'");
    for (int c = 0; c < columns.rows(); ++c) {
      PgResult values = connection.exec("SELECT " + columns.text(c, 1) + " FROM " + columns.text(c, 0) + " WHERE " +
                                        columns.text(c, 1) + " IS NOT NULL");
      for (int row = 0; row < values.rows(); ++row) {
        bytes += adapters::storage::postgres_report::bytea_value(values.text(row, 0)) + "\n";
      }
    }
    return bytes;
  }

 private:
  void open() {
    PgPoolConfig config;
    config.url = server_.url();
    config.size = 4;
    pool_ = std::make_unique<PgPool>(config);
    store_ = std::make_unique<PostgresReportStore>(*pool_);
  }

  PostgresServer server_;
  std::unique_ptr<PgPool> pool_;  // after server_: closed before the server stops
  std::unique_ptr<PostgresReportStore> store_;
};

}  // namespace

std::vector<std::string> report_backend_names() {
  return state_backend_names();
}

std::unique_ptr<ReportBackendUnderTest> open_report_backend(const std::string& name) {
  if (name == "sqlite") return std::make_unique<SqliteBackend>();
  if (name == "postgres") return std::make_unique<PostgresBackend>();
  throw std::invalid_argument("no report backend named " + name);
}

}  // namespace netra::testing
