// `netra reviewer …` and `netra reports export|expire` as an operator runs them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "adapters/storage/sqlite_report_store.h"
#include "bot/reports.h"
#include "bot/reviewer_accounts.h"
#include "integration/netra_process.h"
#include "knowledge/sqlite.h"
#include "support/test_support.h"

using netra::testing::TempDir;
using netra::testing::run_netra;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("netra reviewer add prints a password once on its last line, and list and remove manage accounts") {
  TempDir dir;
  std::map<std::string, std::string> env = {{"NETRA_DATA_DIR", dir.file("var")}};
  std::string output;
  REQUIRE(run_netra({"reviewer", "add", "bawaslu.magetan"}, env, output) == 0);
  auto lines = lines_of(output);
  REQUIRE(lines.size() >= 2);
  std::string password = lines.back();
  CHECK(password.size() == 24);
  CHECK(password.find(' ') == std::string::npos);
  {
    netra::adapters::storage::SqliteReportStore store(dir.file("var") + "/reports.db");
    netra::bot::ReviewerAccounts accounts(store);
    CHECK(accounts.verify_reviewer("bawaslu.magetan", password));
  }
  CHECK(run_netra({"reviewer", "add", "bawaslu.magetan"}, env, output) == 1);
  CHECK(output.find("already exists") != std::string::npos);
  CHECK(run_netra({"reviewer", "add", "nama dengan spasi"}, env, output) == 2);
  CHECK(run_netra({"reviewer", "add"}, env, output) == 2);
  REQUIRE(run_netra({"reviewer", "list"}, env, output) == 0);
  CHECK(output.find("bawaslu.magetan\t") != std::string::npos);
  CHECK(output.find(password) == std::string::npos);
  REQUIRE(run_netra({"reviewer", "remove", "bawaslu.magetan"}, env, output) == 0);
  CHECK(run_netra({"reviewer", "remove", "bawaslu.magetan"}, env, output) == 1);
  REQUIRE(run_netra({"reviewer", "list"}, env, output) == 0);
  CHECK(output.find("bawaslu.magetan") == std::string::npos);
}

// This test reproduces issue 12's CSV injection: a reporter's `+cmd|' /C calc'!A0` ran in a spreadsheet.
TEST_CASE("netra reports export --csv turns cells a spreadsheet would run into text") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("var"));
  std::string code;
  {
    netra::adapters::storage::SqliteReportStore desk(dir.file("var") + "/reports.db");
    netra::bot::ReportDraft draft;
    draft.what = "+cmd|' /C calc'!A0";
    draft.subject_name = "=HYPERLINK(\"http://x\",\"klik\")";
    draft.desa = "@SUM(1+1)";
    draft.kecamatan = "-2+3";
    draft.kabupaten = "\tKab. Tab";
    draft.when = "\rkemarin";
    draft.category = "lainnya";
    code = desk.file(draft, {});
  }
  std::string csv;
  REQUIRE(run_netra({"reports", "export", "--csv"}, {{"NETRA_DATA_DIR", dir.file("var")}}, csv) == 0);
  CHECK(csv.find(",'+cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",") != std::string::npos);
  CHECK(csv.find(",'@SUM(1+1),") != std::string::npos);
  CHECK(csv.find(",'-2+3,") != std::string::npos);
  CHECK(csv.find(",'\tKab. Tab,") != std::string::npos);
  CHECK(csv.find(",\"'\rkemarin\",") != std::string::npos);
  CHECK(csv.find(code + ",baru,") != std::string::npos);
}

TEST_CASE("netra reports expire deletes closed reports past their period and audits each one") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("var"));
  std::string closed, open;
  {
    netra::adapters::storage::SqliteReportStore desk(dir.file("var") + "/reports.db");
    netra::bot::ReportDraft draft;
    draft.what = "TEKS-LAMA-e1f2";
    closed = desk.file(draft, {});
    draft.what = "TEKS-TERBUKA";
    open = desk.file(draft, {});
    REQUIRE(desk.change_status(closed, "ditolak", std::nullopt, std::nullopt, "ani") ==
            netra::bot::StatusChange::ok);
  }
  {
    // Closed 200 days ago, as far as the store can tell.
    netra::knowledge::Database db(dir.file("var") + "/reports.db", netra::knowledge::Database::Mode::read_write_create);
    netra::knowledge::Statement age(db, "UPDATE reports SET updated_at = date('now', '-200 days') WHERE code = ?1");
    age.bind(1, closed).run();
  }
  std::map<std::string, std::string> env = {{"NETRA_DATA_DIR", dir.file("var")}};
  std::string output;
  REQUIRE(run_netra({"reports", "expire"}, env, output) == 0);
  CHECK(output.find("expired 1 report") != std::string::npos);
  netra::adapters::storage::SqliteReportStore desk(dir.file("var") + "/reports.db");
  CHECK_FALSE(desk.find(closed));
  CHECK(desk.find(open));
  auto trail = desk.trail(closed);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].action == "expire");
  // A longer period keeps the next one.
  REQUIRE(desk.change_status(open, "ditolak", std::nullopt, std::nullopt, "ani") == netra::bot::StatusChange::ok);
  env["NETRA_RETENTION_DAYS"] = "1";
  REQUIRE(run_netra({"reports", "expire"}, env, output) == 0);
  CHECK(output.find("expired 0 report") != std::string::npos);
}
