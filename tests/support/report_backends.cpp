#include "support/report_backends.h"

#include <optional>
#include <stdexcept>

#include "adapters/storage/sqlite_report_store.h"
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

}  // namespace

std::vector<std::string> report_backend_names() {
  return {"sqlite"};
}

std::unique_ptr<ReportBackendUnderTest> open_report_backend(const std::string& name) {
  if (name == "sqlite") return std::make_unique<SqliteBackend>();
  throw std::invalid_argument("no report backend named " + name);
}

}  // namespace netra::testing
