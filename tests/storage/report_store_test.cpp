// The report store contract (bot/report_store.h), the same cases on every backend: filing with receipt codes and
// submission ids, look-ups, the reviewers' list and counts, status changes and their audit lines.
#include <catch2/catch.hpp>

#include "bot/clock.h"
#include "bot/reports.h"
#include "storage/report_backends.h"

using namespace netra::bot;

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

TEST_CASE("a filed report can be found by its code with status baru", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto code = desk.file(sample_draft(), {});
  auto report = desk.find(code);
  REQUIRE(report);
  CHECK(report->receipt_code == code);
  CHECK(report->status == "baru");
  CHECK(report->draft.what == sample_draft().what);
  CHECK(report->draft.category == "politik-uang");
  CHECK(report->draft.subject_role == "kades");
  CHECK(report->draft.desa == "Desa Sukorejo");
  CHECK(report->draft.kecamatan == "Kec. Karangrejo");
  CHECK(report->draft.kabupaten == "Kab. Magetan");
  CHECK(report->draft.when == "kemarin sore");
  CHECK(report->draft.evidence == sample_draft().evidence);
  CHECK(report->draft.channel == "telegram");
  CHECK(report->created_at == utc_day(unix_now()));
  CHECK(report->updated_at == report->created_at);
  CHECK_FALSE(desk.find("NTR-0000-0000"));
  CHECK(desk.count() == 1);
}

TEST_CASE("filing a draft again with the same submission id returns the first receipt and stores nothing new",
          "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto draft = sample_draft();
  draft.submission_id = "9f2c0d8a41b7e6c35d0a1f2e3b4c5d6e";
  CHECK_FALSE(desk.filed_code(draft.submission_id).has_value());
  auto first = desk.file(draft, {});
  CHECK(desk.filed_code(draft.submission_id) == first);
  CHECK(desk.file(draft, {}) == first);
  CHECK_FALSE(desk.filed_code("").has_value());
  auto other = sample_draft();
  other.submission_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  CHECK(desk.file(other, {}) != first);
  auto no_id = sample_draft();  // no submission id: every filing is new
  CHECK(desk.file(no_id, {}) != desk.file(no_id, {}));
  ReportFilter all;
  CHECK(desk.list(all).size() == 4);
  CHECK(desk.count() == 4);
}

TEST_CASE("a filed report survives reopening the database", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto code = backend->storage().reports.file(sample_draft(), {});
  backend->reopen();
  CHECK(backend->storage().reports.find(code).has_value());
}

TEST_CASE("status moves forward one step at a time or to ditolak, and every change is audited", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  auto& desk = storage.reports;
  auto code = desk.file(sample_draft(), {});
  CHECK(desk.change_status(code, "selesai", std::nullopt, std::nullopt, "a") == StatusChange::invalid_transition);
  CHECK(desk.change_status(code, "ditinjau", std::string("Sedang dicek"), std::string("cek CCTV"), "reviewer-1") ==
        StatusChange::ok);
  CHECK(desk.change_status(code, "diteruskan", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::ok);
  CHECK(desk.change_status(code, "baru", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::invalid_transition);
  CHECK(desk.change_status(code, "hilang", std::nullopt, std::nullopt, "reviewer-1") == StatusChange::invalid_status);
  CHECK(desk.change_status("NTR-0000-0000", "ditinjau", std::nullopt, std::nullopt, "r") == StatusChange::not_found);
  auto report = desk.find(code);
  CHECK(report->status == "diteruskan");
  CHECK(report->public_note == "Sedang dicek");  // an absent note keeps the one before
  CHECK(report->internal_note == "cek CCTV");
  auto audit = storage.audit.trail(code);
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].action == "status");
  CHECK(audit[0].receipt_code == code);
  CHECK(audit[0].from_status == "baru");
  CHECK(audit[0].to_status == "ditinjau");
  CHECK(audit[0].admin_label == "reviewer-1");
  CHECK(audit[0].public_note == "Sedang dicek");
  CHECK(audit[0].internal_note == "cek CCTV");
  CHECK(audit[0].at.size() == 20);
  CHECK(audit[1].to_status == "diteruskan");
  CHECK(audit[1].public_note.empty());
}

TEST_CASE("a closed report cannot be reopened", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto code = desk.file(sample_draft(), {});
  CHECK(desk.change_status(code, "ditolak", std::string("Bukan pelanggaran netralitas"), std::nullopt, "r") ==
        StatusChange::ok);
  CHECK(desk.change_status(code, "ditinjau", std::nullopt, std::nullopt, "r") == StatusChange::invalid_transition);
  CHECK(desk.change_status(code, "ditolak", std::string("Catatan baru"), std::nullopt, "r") == StatusChange::ok);
  CHECK(desk.find(code)->public_note == "Catatan baru");
}

TEST_CASE("the reviewer list filters by status, category and kabupaten", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto a = desk.file(sample_draft("Kab. Magetan"), {});
  auto b = desk.file(sample_draft("Kab. Bojonegoro"), {});
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
  by_place.kabupaten = "MAGE";
  CHECK(desk.list(by_place).size() == 1);
  ReportFilter by_category;
  by_category.category = "medsos";
  CHECK(desk.list(by_category).empty());
  CHECK(desk.list({}).size() == 2);
}

TEST_CASE("the list is newest first and pages with limit and offset — a negative limit lists all", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  std::vector<std::string> codes;
  for (int i = 0; i < 5; ++i) codes.push_back(desk.file(sample_draft(), {}));
  ReportFilter page;
  page.limit = 2;
  auto first = desk.list(page);
  REQUIRE(first.size() == 2);
  CHECK(first[0].receipt_code == codes[4]);
  CHECK(first[1].receipt_code == codes[3]);
  page.offset = 4;
  auto last = desk.list(page);
  REQUIRE(last.size() == 1);
  CHECK(last[0].receipt_code == codes[0]);
  ReportFilter all;
  all.limit = -1;
  CHECK(desk.list(all).size() == 5);
}

TEST_CASE("a kabupaten filter takes LIKE's wildcards literally", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto plain = desk.file(sample_draft("Kab. Magetan"), {});
  auto odd = desk.file(sample_draft("Kota 100%_Benar\\"), {});
  ReportFilter filter;
  filter.kabupaten = "%";
  auto percent = desk.list(filter);
  REQUIRE(percent.size() == 1);
  CHECK(percent[0].receipt_code == odd);
  filter.kabupaten = "_";
  CHECK(desk.list(filter).size() == 1);
  filter.kabupaten = "\\";
  CHECK(desk.list(filter).size() == 1);
  filter.kabupaten = "magetan";
  CHECK(desk.list(filter).at(0).receipt_code == plain);
}

TEST_CASE("counts per status follow the filter but not its status, and name every status", "[reports]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reports;
  auto a = desk.file(sample_draft("Kab. Magetan"), {});
  desk.file(sample_draft("Kab. Magetan"), {});
  desk.file(sample_draft("Kab. Bojonegoro"), {});
  desk.change_status(a, "ditinjau", std::nullopt, std::nullopt, "r");
  ReportFilter magetan;
  magetan.kabupaten = "magetan";
  magetan.status = "selesai";
  auto counts = desk.count_by_status(magetan);
  CHECK(counts.size() == 5);
  CHECK(counts["baru"] == 1);
  CHECK(counts["ditinjau"] == 1);
  CHECK(counts["selesai"] == 0);
  ReportFilter today;
  today.from_date = utc_day(unix_now());
  today.to_date = utc_day(unix_now());
  CHECK(desk.count_by_status(today)["baru"] == 2);
  today.from_date = utc_day(unix_now() + 86400);
  today.to_date.reset();
  CHECK(desk.list(today).empty());
}
