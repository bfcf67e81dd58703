// A report's thread and internal notes (bot/report_thread_store.h), the same cases on every backend: who may
// write when, the order, what is audited, and that the reporter's entries carry their day only.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/clock.h"
#include "storage/report_backends.h"

using namespace netra::bot;

namespace {

ReportDraft draft() {
  ReportDraft d;
  d.what = "Camat memakai mobil dinas untuk mengantar tim sukses";
  d.category = "fasilitas-negara";
  d.subject_role = "asn";
  d.desa = "Desa A";
  d.kabupaten = "Kab. Magetan";
  d.when = "kemarin";
  d.channel = "whatsapp";
  return d;
}

}  // namespace

TEST_CASE("the reporter can answer only after a reviewer asked, a few times per question", "[thread]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  auto& desk = storage.threads;
  auto code = storage.reports.file(draft(), {});
  CHECK(desk.add_answer(code, "tanpa pertanyaan") == ThreadReply::no_open_question);
  CHECK(desk.add_answer("NTR-0000-0000", "x") == ThreadReply::no_report);
  CHECK_FALSE(desk.add_question("NTR-0000-0000", "ani", "?"));
  REQUIRE(desk.add_question(code, "ani", "Jam berapa kejadiannya?"));
  CHECK(desk.open_questions(code).size() == 1);
  for (int i = 0; i < ReportThreadStore::kMaxAnswersPerQuestion; ++i) {
    CHECK(desk.add_answer(code, "Sekitar jam 10 pagi") == ThreadReply::accepted);
  }
  CHECK(desk.add_answer(code, "lagi") == ThreadReply::too_many_answers);
  CHECK(desk.open_questions(code).empty());
  REQUIRE(desk.add_question(code, "ani", "Ada saksi lain?"));
  CHECK(desk.add_answer(code, "Ada dua orang") == ThreadReply::accepted);

  auto thread = desk.thread(code);
  REQUIRE(thread.size() == 8);
  CHECK(thread[0].author == ThreadAuthor::reviewer);
  CHECK(thread[0].reviewer == "ani");
  CHECK(thread[0].at.size() == 20);  // a reviewer's time to the second
  CHECK(thread[1].author == ThreadAuthor::reporter);
  CHECK(thread[1].reviewer.empty());
  CHECK(thread[1].at == utc_day(unix_now()));  // the reporter's day only
  CHECK(thread[1].text == "Sekitar jam 10 pagi");
  CHECK(thread[0].id < thread[1].id);
  CHECK(thread[7].text == "Ada dua orang");
  auto audit = storage.audit.trail(code);
  CHECK(std::count_if(audit.begin(), audit.end(), [](const AuditEntry& e) { return e.action == "question"; }) == 2);
  CHECK(std::count_if(audit.begin(), audit.end(), [](const AuditEntry& e) {
          return e.action == "answer_received" && e.admin_label.empty() && e.at.size() == 10;
        }) == 6);
}

TEST_CASE("the open questions are those after the reporter's last answer", "[thread]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  auto& desk = storage.threads;
  auto code = storage.reports.file(draft(), {});
  auto other = storage.reports.file(draft(), {});
  REQUIRE(desk.add_question(code, "ani", "Satu?"));
  REQUIRE(desk.add_question(code, "budi", "Dua?"));
  REQUIRE(desk.add_question(other, "ani", "Lain?"));
  auto open = desk.open_questions(code);
  REQUIRE(open.size() == 2);
  CHECK(open[0].text == "Satu?");
  CHECK(open[1].reviewer == "budi");
  REQUIRE(desk.add_answer(code, "Jawab") == ThreadReply::accepted);
  CHECK(desk.open_questions(code).empty());
  REQUIRE(desk.add_question(code, "ani", "Tiga?"));
  REQUIRE(desk.open_questions(code).size() == 1);
  CHECK(desk.open_questions(code)[0].text == "Tiga?");
  CHECK(desk.open_questions(other).size() == 1);
  CHECK(desk.thread(other).size() == 1);
}

TEST_CASE("internal notes are kept per report with their author and audited", "[thread]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  auto& desk = storage.threads;
  auto code = storage.reports.file(draft(), {});
  REQUIRE(desk.add_internal_note(code, "ani", "Sudah dicek ke kecamatan"));
  CHECK_FALSE(desk.add_internal_note("NTR-0000-0000", "ani", "x"));
  auto notes = desk.internal_notes(code);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].reviewer == "ani");
  CHECK(notes[0].text == "Sudah dicek ke kecamatan");
  CHECK(notes[0].at.size() == 20);
  CHECK(storage.audit.trail(code).back().action == "internal_note");
  CHECK(storage.audit.trail(code).back().admin_label == "ani");
  CHECK(desk.thread(code).empty());  // never part of what the reporter can read
}
