// `netra backup` against a running `netra serve` that keeps filing reports: the copy holds every report receipted
// before the backup began, a server restored from it finds them, and the copy is private to its owner.
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "knowledge/sqlite.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::ReportFilers;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path) {
  struct stat status {};
  ::stat(path.c_str(), &status);
  return status.st_mode & 0777;
}

}  // namespace

TEST_CASE("netra backup copies the state consistently while reports are being filed, and the copy restores") {
  TempDir dir;
  const std::map<std::string, std::string> env = {{"NETRA_ADMIN_TOKEN", "backup-test-token"}};
  std::vector<std::string> before_backup;
  std::string output;
  {
    NetraProcess server(dir.file("var"), env);
    ReportFilers filers(server, 2, "backup");
    filers.wait_for(4, std::chrono::seconds(60));
    // Receipted before the backup starts: they must be in the copy. The filers keep writing during it.
    before_backup = filers.receipts();
    REQUIRE(before_backup.size() >= 4);
    int status = netra::testing::run_netra({"backup", "--data-dir", dir.file("var"), dir.file("backup")}, {}, output);
    INFO(output);
    REQUIRE(status == 0);
    filers.wait_for(before_backup.size() + 2, std::chrono::seconds(30));
    CHECK(filers.stop().size() > before_backup.size());
    CHECK(server.stop() == 0);
  }
  CHECK(output.find("copied reports.db") != std::string::npos);
  CHECK(output.find("copied state.db") != std::string::npos);
  CHECK(output.find("skipped knowledge.db") != std::string::npos);
  CHECK(mode_of(dir.file("backup")) == 0700);
  for (const char* name : {"reports.db", "state.db", "secret"}) {
    INFO(name);
    CHECK(mode_of(fs::path(dir.file("backup")) / name) == 0600);
  }
  CHECK_FALSE(fs::exists(fs::path(dir.file("backup")) / "knowledge.db"));
  CHECK(netra::testing::read_file(fs::path(dir.file("backup")) / "secret") ==
        netra::testing::read_file(fs::path(dir.file("var")) / "secret"));

  // Restore as docs/deploying.md says: the backup's files in an empty data dir, then start the server.
  fs::create_directories(dir.file("restored"));
  for (const auto& item : fs::directory_iterator(dir.file("backup"))) {
    fs::copy_file(item.path(), fs::path(dir.file("restored")) / item.path().filename());
  }
  NetraProcess restored(dir.file("restored"), env);
  auto client = restored.client();
  for (const auto& code : before_backup) {
    auto report = client.Get("/api/v1/reports/" + code, {{"Authorization", "Bearer backup-test-token"}});
    REQUIRE(report);
    CHECK(report->status == 200);
  }
}

TEST_CASE("netra backup refuses a destination that already holds files and a data dir without state") {
  TempDir dir;
  netra::testing::write_file(dir.path() / "full" / "something", "x");
  fs::create_directories(dir.path() / "var");
  std::string output;
  CHECK(netra::testing::run_netra({"backup", "--data-dir", dir.file("var"), dir.file("full")}, {}, output) == 1);
  CHECK(output.find("is not an empty folder") != std::string::npos);
  CHECK(netra::testing::run_netra({"backup", "--data-dir", dir.file("var"), dir.file("new")}, {}, output) == 1);
  CHECK(output.find("no SQLite database") != std::string::npos);
  CHECK(netra::testing::run_netra({"backup"}, {}, output) == 2);
}

TEST_CASE("with NETRA_DATABASE_URL netra backup copies nothing and names pg_dump") {
  TempDir dir;
  fs::create_directories(dir.path() / "var");
  {
    // A data dir that would back up without the URL: one SQLite database (a replica's left-over state.db).
    netra::knowledge::Database state(dir.file("var") + "/state.db", netra::knowledge::Database::Mode::read_write_create);
    state.exec("CREATE TABLE sessions(sender_key TEXT PRIMARY KEY, body TEXT)");
  }
  std::string output;
  std::map<std::string, std::string> env = {{"NETRA_DATABASE_URL", "postgresql://netra:rahasia@127.0.0.1:1/netra"}};
  CHECK(netra::testing::run_netra({"backup", "--data-dir", dir.file("var"), dir.file("copy")}, env, output) == 1);
  CHECK(output.find("pg_dump") != std::string::npos);
  CHECK(output.find("rahasia") == std::string::npos);  // the URL's password never shows
  CHECK_FALSE(fs::exists(dir.path() / "copy"));
  // The same data dir without the URL is backed up: the refusal comes from the URL, not from the data dir.
  CHECK(netra::testing::run_netra({"backup", "--data-dir", dir.file("var"), dir.file("copy")}, {}, output) == 0);
  CHECK(fs::exists(dir.path() / "copy" / "state.db"));
}
