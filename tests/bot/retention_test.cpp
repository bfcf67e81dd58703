// Retention (bot/report_retention.cpp): closed reports go after their period with everything kept about them,
// the deleted text does not stay in the files, and each expiry leaves one audit line.
#include <catch2/catch.hpp>

#include "bot/clock.h"
#include "bot/evidence.h"
#include "bot/reports.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::TempDir;
using netra::testing::read_file;

namespace {

constexpr int64_t kDay = 86400;

std::string file_report(ReportDesk& desk, const std::string& what) {
  ReportDraft draft;
  draft.what = what;
  draft.kabupaten = "Kab. Magetan";
  draft.evidence = {"whatsapp:1"};
  EvidenceFile photo;
  photo.source_ref = "whatsapp:1";
  photo.kind = "photo";
  photo.mime_type = "image/jpeg";
  photo.content = "\xFF\xD8\xFF" + what + "-FOTO";
  photo.size = static_cast<int64_t>(photo.content.size());
  return desk.file(draft, {photo});
}

}  // namespace

TEST_CASE("closed reports are deleted with their evidence, thread and notes after their period", "[retention]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto closed = file_report(desk, "RAHASIA-SELESAI-9f3e");
  auto open = file_report(desk, "MASIH-DIPERIKSA-77aa");
  REQUIRE(desk.change_status(closed, "ditolak", std::string("CATATAN-PUBLIK-1b2c"), std::nullopt, "ani") ==
          StatusChange::ok);
  REQUIRE(desk.add_question(closed, "ani", "PERTANYAAN-5d6e"));
  REQUIRE(desk.add_internal_note(closed, "ani", "CATATAN-INTERNAL-8f9a"));
  RetentionPolicy policy;  // closed: 180 days

  CHECK(desk.expire(policy, unix_now() + 179 * kDay).empty());
  REQUIRE(desk.find(closed));

  auto removed = desk.expire(policy, unix_now() + 181 * kDay);
  REQUIRE(removed == std::vector<std::string>{closed});
  CHECK_FALSE(desk.find(closed));
  CHECK(desk.evidence_files(closed).empty());
  CHECK(desk.thread(closed).empty());
  CHECK(desk.internal_notes(closed).empty());
  REQUIRE(desk.find(open));  // open reports stay: no period for them by default
  CHECK(desk.evidence_files(open).size() == 1);
  auto trail = desk.audit(closed);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].action == "expire");
  CHECK(trail[0].admin_label == "retention");
  CHECK(trail[0].detail.find("ditolak") != std::string::npos);

  // secure_delete and the truncated WAL: the deleted words are nowhere in the files.
  std::string files = read_file(dir.file("reports.db")) + read_file(dir.file("reports.db-wal"));
  for (const char* gone : {"RAHASIA-SELESAI-9f3e", "CATATAN-PUBLIK-1b2c", "PERTANYAAN-5d6e", "CATATAN-INTERNAL-8f9a"}) {
    INFO(gone);
    CHECK(files.find(gone) == std::string::npos);
  }
  CHECK(files.find("MASIH-DIPERIKSA-77aa") != std::string::npos);
}

TEST_CASE("the retention period is set per status, and 0 keeps reports", "[retention]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto fresh = file_report(desk, "baru saja");
  auto done = file_report(desk, "sudah selesai");
  for (const char* status : {"ditinjau", "diteruskan", "selesai"}) {
    REQUIRE(desk.change_status(done, status, std::nullopt, std::nullopt, "ani") == StatusChange::ok);
  }
  RetentionPolicy policy;
  policy.days_by_status = {{"baru", 30}, {"selesai", 0}, {"ditolak", 180}};
  auto removed = desk.expire(policy, unix_now() + 31 * kDay);
  CHECK(removed == std::vector<std::string>{fresh});
  CHECK(desk.find(done));
  CHECK(desk.expire(policy, unix_now() + 3650 * kDay).empty());
}
