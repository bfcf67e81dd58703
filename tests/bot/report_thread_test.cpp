// The reporter's side of a report's thread: the commands cek / jawab in a conversation (reporter_thread.cpp). The
// thread store's own rules are in tests/storage/report_thread_store_test.cpp.
#include <catch2/catch.hpp>

#include "adapters/storage/sqlite_report_store.h"
#include "adapters/storage/sqlite_state_store.h"
#include "bot/conversation.h"
#include "bot/pseudonym.h"
#include "bot/reporter_thread.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::adapters::storage::SqliteReportStore;
using netra::adapters::storage::SqliteStateConfig;
using netra::adapters::storage::SqliteStateStore;
using netra::testing::read_file;
using netra::testing::shared_answerer;
using netra::testing::TempDir;

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

struct Chat {
  TempDir dir;
  SqliteStateStore store{SqliteStateConfig{dir.file("state.db"), 86400, 7 * 86400, "test-key", 0}};
  SqliteReportStore desk{dir.file("reports.db")};
  ConversationLimits limits;
  std::unique_ptr<Conversation> conversation;
  explicit Chat(ConversationLimits chosen = {}) : limits(chosen) {
    conversation = std::make_unique<Conversation>(shared_answerer(), store, desk, desk, limits);
  }
  std::string say(const std::string& text, const std::string& who = "pelapor") {
    InboundMessage message{"whatsapp", sender_key("secret", "whatsapp", who), text, std::nullopt, ""};
    auto result = conversation->handle(message);
    return result.replies.empty() ? "" : result.replies.back().text;
  }
};

}  // namespace

TEST_CASE("reporter commands are read before anything else understands the text", "[thread]") {
  auto check = read_thread_command("cek NTR-7K3Q-9XWD");
  REQUIRE(check);
  CHECK(check->kind == ThreadCommand::Kind::check);
  CHECK(check->receipt_code == "NTR-7K3Q-9XWD");
  CHECK(read_thread_command("/cek@NetraBot ntr 7k3q 9xwd")->receipt_code == "NTR-7K3Q-9XWD");
  CHECK(read_thread_command("Status: NTR-7K3Q-9XWD")->kind == ThreadCommand::Kind::check);
  CHECK(read_thread_command("  NTR-7K3Q-9XWD ")->receipt_code == "NTR-7K3Q-9XWD");
  auto answer = read_thread_command("jawab NTR-7K3Q-9XWD  Jam 10 pagi, di balai desa. ");
  REQUIRE(answer);
  CHECK(answer->kind == ThreadCommand::Kind::answer);
  CHECK(answer->text == "Jam 10 pagi, di balai desa.");
  CHECK(read_thread_command("JAWAB NTR-7K3Q-9XWD")->text.empty());
  CHECK_FALSE(read_thread_command("cek"));
  CHECK_FALSE(read_thread_command("status NTR-7K3Q-9XWD kok belum berubah?"));
  CHECK_FALSE(read_thread_command("saya sudah lapor NTR-7K3Q-9XWD tapi belum ada kabar"));
  CHECK_FALSE(read_thread_command("cekNTR-7K3Q-9XWD"));
  CHECK_FALSE(read_thread_command("jawaban NTR-7K3Q-9XWD iya"));
}

TEST_CASE("cek shows the status, the public note and the open question — jawab answers it", "[thread]") {
  Chat chat;
  auto code = chat.desk.file(draft(), {});
  REQUIRE(chat.desk.change_status(code, "ditinjau", std::string("Sedang kami periksa"), std::nullopt, "ani") ==
          StatusChange::ok);
  REQUIRE(chat.desk.add_question(code, "ani", "Apakah ada foto mobilnya?"));
  std::string status = chat.say("cek " + code);
  CHECK(status.find("Ditinjau") != std::string::npos);
  CHECK(status.find("Sedang kami periksa") != std::string::npos);
  CHECK(status.find("Apakah ada foto mobilnya?") != std::string::npos);
  CHECK(status.find("jawab " + code) != std::string::npos);

  std::string answered = chat.say("jawab " + code + " Ada, plat merahnya terlihat jelas");
  CHECK(answered.find("sudah diterima") != std::string::npos);
  auto thread = chat.desk.thread(code);
  REQUIRE(thread.size() == 2);
  CHECK(thread[1].text == "Ada, plat merahnya terlihat jelas");
  CHECK(chat.desk.open_questions(code).empty());
  CHECK(chat.say("cek " + code).find("Jawaban Anda sudah diterima") != std::string::npos);
  // Nothing of the sender is stored with the answer.
  std::string reports = read_file(chat.dir.file("reports.db")) + read_file(chat.dir.file("reports.db-wal"));
  CHECK(reports.find(sender_key("secret", "whatsapp", "pelapor")) == std::string::npos);
}

TEST_CASE("jawab without a question, without text or for an unknown code says what to do", "[thread]") {
  Chat chat;
  auto code = chat.desk.file(draft(), {});
  CHECK(chat.say("jawab " + code + " halo").find("Belum ada pertanyaan") != std::string::npos);
  CHECK(chat.say("jawab " + code).find("Tulis jawabannya") != std::string::npos);
  CHECK(chat.say("jawab NTR-0000-0000 halo").find("tidak ditemukan") != std::string::npos);
  CHECK(chat.desk.thread(code).empty());
}

TEST_CASE("cek in the middle of a report answers and leaves the report where it was", "[thread]") {
  Chat chat;
  auto code = chat.desk.file(draft(), {});
  chat.say("lapor");
  chat.say("Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa");
  CHECK(chat.say("status " + code).find("Baru") != std::string::npos);
  // Still at the role step: the next answer is taken as the role.
  CHECK(chat.say("role:kades").find("nama atau jabatannya") != std::string::npos);
}

TEST_CASE("cek while the bot waits for who the writer is answers the code and leaves that question", "[thread]") {
  const std::string question = "boleh ikut kampanye?";
  Chat undisturbed;
  REQUIRE(undisturbed.say(question).find("Anda sebagai apa") != std::string::npos);
  std::string answered = undisturbed.say("asker:asn");
  Chat chat;
  auto code = chat.desk.file(draft(), {});
  REQUIRE(chat.say(question).find("Anda sebagai apa") != std::string::npos);
  CHECK(chat.say("cek " + code).find("Baru") != std::string::npos);
  // The tap that would have answered the pending question is now a message of its own.
  CHECK(chat.say("asker:asn") != answered);
}

TEST_CASE("jawab and cek share the daily allowance of code look-ups", "[thread]") {
  ConversationLimits limits;
  limits.status_checks_per_day = 2;
  Chat chat(limits);
  auto code = chat.desk.file(draft(), {});
  REQUIRE(chat.desk.add_question(code, "ani", "Kapan?"));
  chat.say("cek " + code);
  CHECK(chat.say("jawab " + code + " Kemarin").find("sudah diterima") != std::string::npos);
  CHECK(chat.say("jawab " + code + " Sore hari").find("terlalu banyak") != std::string::npos);
  CHECK(chat.say("cek " + code).find("terlalu banyak") != std::string::npos);
  CHECK(chat.desk.thread(code).size() == 2);
  CHECK(chat.say("cek " + code, "orang-lain").find("Baru") != std::string::npos);
}
