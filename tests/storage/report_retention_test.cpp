// Retention (bot/retention_store.h), the same cases on every backend: reports go after their period with
// everything kept about them, each expiry leaves one audit line, and the deleted text is no longer stored.
#include <catch2/catch.hpp>

#include "bot/clock.h"
#include "bot/evidence.h"
#include "bot/reports.h"
#include "storage/report_backends.h"

using namespace netra::bot;

namespace {

constexpr int64_t kDay = 86400;

std::string file_report(ReportStore& desk, const std::string& what, const std::string& submission_id = "") {
  ReportDraft draft;
  draft.what = what;
  draft.kabupaten = "Kab. Magetan";
  draft.evidence = {"whatsapp:1"};
  draft.submission_id = submission_id;
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
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto desk = backend->storage();
  auto closed = file_report(desk.reports, "RAHASIA-SELESAI-9f3e", "SUBMISSION-3c4d");
  auto open = file_report(desk.reports, "MASIH-DIPERIKSA-77aa");
  REQUIRE(desk.reports.change_status(closed, "ditolak", std::string("CATATAN-PUBLIK-1b2c"), std::nullopt, "ani") ==
          StatusChange::ok);
  REQUIRE(desk.threads.add_question(closed, "ani", "PERTANYAAN-5d6e"));
  REQUIRE(desk.threads.add_answer(closed, "JAWABAN-0e1f") == ThreadReply::accepted);
  REQUIRE(desk.threads.add_internal_note(closed, "ani", "CATATAN-INTERNAL-8f9a"));
  RetentionPolicy policy;  // closed: 180 days
  int64_t now = unix_now();

  CHECK(desk.retention.expire(policy, now + 179 * kDay).empty());
  REQUIRE(desk.reports.find(closed));

  auto removed = desk.retention.expire(policy, now + 181 * kDay);
  REQUIRE(removed == std::vector<std::string>{closed});
  CHECK_FALSE(desk.reports.find(closed));
  CHECK_FALSE(desk.reports.filed_code("SUBMISSION-3c4d"));
  CHECK(desk.evidence.evidence_files(closed).empty());
  CHECK(desk.threads.thread(closed).empty());
  CHECK(desk.threads.internal_notes(closed).empty());
  REQUIRE(desk.reports.find(open));  // open reports stay: no period for them by default
  CHECK(desk.evidence.evidence_files(open).size() == 1);
  CHECK(desk.reports.count() == 1);
  auto trail = desk.audit.trail(closed);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].action == "expire");
  CHECK(trail[0].admin_label == "retention");
  CHECK(trail[0].from_status == "ditolak");
  CHECK(trail[0].at == iso_time(now + 181 * kDay));
  CHECK(trail[0].detail.find("ditolak") != std::string::npos);
  CHECK(desk.audit.recent(1).at(0).action == "expire");

  // Nothing of the expired report is stored any more (SQLite: not even in free pages or the WAL, thanks to
  // secure_delete and the truncated WAL).
  std::string stored = backend->stored_bytes();
  for (const char* gone : {"RAHASIA-SELESAI-9f3e", "CATATAN-PUBLIK-1b2c", "PERTANYAAN-5d6e", "JAWABAN-0e1f",
                           "CATATAN-INTERNAL-8f9a", "SUBMISSION-3c4d"}) {
    INFO(gone);
    CHECK(stored.find(gone) == std::string::npos);
  }
  CHECK(stored.find("MASIH-DIPERIKSA-77aa") != std::string::npos);
}

TEST_CASE("the retention period is set per status, and 0 keeps reports", "[retention]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto desk = backend->storage();
  auto fresh = file_report(desk.reports, "baru saja");
  auto done = file_report(desk.reports, "sudah selesai");
  for (const char* status : {"ditinjau", "diteruskan", "selesai"}) {
    REQUIRE(desk.reports.change_status(done, status, std::nullopt, std::nullopt, "ani") == StatusChange::ok);
  }
  RetentionPolicy policy;
  policy.days_by_status = {{"baru", 30}, {"selesai", 0}, {"ditolak", 180}};
  auto removed = desk.retention.expire(policy, unix_now() + 31 * kDay);
  CHECK(removed == std::vector<std::string>{fresh});
  CHECK(desk.reports.find(done));
  CHECK(desk.retention.expire(policy, unix_now() + 3650 * kDay).empty());
}
