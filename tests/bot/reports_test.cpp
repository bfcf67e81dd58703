// The report rules every backend and every user follows (bot/reports.h): receipt codes and status changes.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "bot/reports.h"

using namespace netra::bot;

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

TEST_CASE("a report moves one step forward, or to ditolak while open, or stays to change a note", "[reports]") {
  CHECK(status_change_allowed("baru", "ditinjau"));
  CHECK(status_change_allowed("ditinjau", "diteruskan"));
  CHECK(status_change_allowed("diteruskan", "selesai"));
  CHECK(status_change_allowed("baru", "ditolak"));
  CHECK(status_change_allowed("diteruskan", "ditolak"));
  CHECK(status_change_allowed("selesai", "selesai"));
  CHECK_FALSE(status_change_allowed("baru", "diteruskan"));
  CHECK_FALSE(status_change_allowed("ditinjau", "baru"));
  CHECK_FALSE(status_change_allowed("selesai", "ditolak"));
  CHECK_FALSE(status_change_allowed("ditolak", "baru"));
  CHECK_FALSE(status_change_allowed("baru", "hilang"));
  CHECK(report_statuses().size() == 5);
  for (const auto& status : report_statuses()) CHECK(is_report_status(status));
  CHECK(is_closed_status("selesai"));
  CHECK_FALSE(is_closed_status("diteruskan"));
}
