#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "bot/reports.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::TempDir;

namespace {

ReportDraft sample_draft(const std::string& kabupaten = "Kab. Magetan") {
  ReportDraft d;
  d.what = "Kepala desa membagikan amplop untuk paslon 2 di balai desa";
  d.category = "politik-uang";
  d.subject_role = "kades";
  d.desa = "Desa Sukorejo";
  d.kecamatan = "Kec. Karangrejo";
  d.kabupaten = kabupaten;
  d.when = "kemarin sore";
  d.evidence = {"telegram:AgACAgUAAxk"};
  d.channel = "telegram";
  return d;
}

}  // namespace

TEST_CASE("receipt codes are NTR plus eight Crockford base32 characters and do not repeat", "[reports]") {
  std::regex format("NTR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    auto code = new_receipt_code();
    REQUIRE(std::regex_match(code, format));
    seen.insert(code);
  }
  CHECK(seen.size() == 2000);
}

TEST_CASE("a filed report can be found by its code with status baru", "[reports]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto code = desk.file(sample_draft());
  auto report = desk.find(code);
  REQUIRE(report);
  CHECK(report->status == "baru");
  CHECK(report->draft.what == sample_draft().what);
  CHECK(report->draft.evidence == sample_draft().evidence);
  CHECK_FALSE(desk.find("NTR-0000-0000"));
}

TEST_CASE("filing a draft again with the same submission id returns the first receipt and stores nothing new",
          "[reports]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto draft = sample_draft();
  draft.submission_id = "9f2c0d8a41b7e6c35d0a1f2e3b4c5d6e";
  CHECK_FALSE(desk.filed_code(draft.submission_id).has_value());
  auto first = desk.file(draft);
  CHECK(desk.filed_code(draft.submission_id) == first);
  CHECK(desk.file(draft) == first);
  CHECK_FALSE(desk.filed_code("").has_value());
  auto other = sample_draft();
  other.submission_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  CHECK(desk.file(other) != first);
  auto no_id = sample_draft();  // no submission id: every filing is new
  CHECK(desk.file(no_id) != desk.file(no_id));
  ReportFilter all;
  CHECK(desk.list(all).size() == 4);
}

TEST_CASE("a filed report survives reopening the database", "[reports]") {
  TempDir dir;
  std::string code;
  {
    ReportDesk desk(dir.file("reports.db"));
    code = desk.file(sample_draft());
  }
  ReportDesk reopened(dir.file("reports.db"));
  CHECK(reopened.find(code).has_value());
}

TEST_CASE("status moves forward one step at a time or to ditolak, and every change is audited", "[reports]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto code = desk.file(sample_draft());
  CHECK(desk.change_status(code, "selesai", std::nullopt, std::nullopt, "a") == StatusChange::invalid_transition);
  CHECK(desk.change_status(code, "ditinjau", std::string("Sedang dicek"), std::string("cek CCTV"), "reviewer-1") ==
        StatusChange::ok);
  CHECK(desk.change_status(code, "diteruskan", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::ok);
  CHECK(desk.change_status(code, "baru", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::invalid_transition);
  CHECK(desk.change_status(code, "hilang", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::invalid_status);
  CHECK(desk.change_status("NTR-0000-0000", "ditinjau", std::nullopt, std::nullopt, "r") == StatusChange::not_found);
  auto report = desk.find(code);
  CHECK(report->status == "diteruskan");
  CHECK(report->public_note == "Sedang dicek");
  CHECK(report->internal_note == "cek CCTV");
  auto audit = desk.audit(code);
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].from_status == "baru");
  CHECK(audit[0].to_status == "ditinjau");
  CHECK(audit[0].admin_label == "reviewer-1");
  CHECK(audit[1].to_status == "diteruskan");
}

TEST_CASE("a closed report cannot be reopened", "[reports]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto code = desk.file(sample_draft());
  CHECK(desk.change_status(code, "ditolak", std::string("Bukan pelanggaran netralitas"), std::nullopt, "r") ==
        StatusChange::ok);
  CHECK(desk.change_status(code, "ditinjau", std::nullopt, std::nullopt, "r") == StatusChange::invalid_transition);
}

TEST_CASE("the reviewer list filters by status, category and kabupaten", "[reports]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto a = desk.file(sample_draft("Kab. Magetan"));
  auto b = desk.file(sample_draft("Kab. Bojonegoro"));
  desk.change_status(b, "ditinjau", std::nullopt, std::nullopt, "r");
  ReportFilter by_status;
  by_status.status = "ditinjau";
  auto reviewing = desk.list(by_status);
  REQUIRE(reviewing.size() == 1);
  CHECK(reviewing.front().receipt_code == b);
  ReportFilter by_place;
  by_place.kabupaten = "kab. magetan";
  auto magetan = desk.list(by_place);
  REQUIRE(magetan.size() == 1);
  CHECK(magetan.front().receipt_code == a);
  ReportFilter by_category;
  by_category.category = "medsos";
  CHECK(desk.list(by_category).empty());
  CHECK(desk.list({}).size() == 2);
}
