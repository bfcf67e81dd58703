#include <catch2/catch.hpp>

#include <filesystem>

#include "adapters/storage/sqlite_report_store.h"
#include "adapters/storage/sqlite_state_store.h"
#include "bot/conversation.h"
#include "bot/pseudonym.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::adapters::storage::SqliteReportStore;
using netra::adapters::storage::SqliteStateConfig;
using netra::adapters::storage::SqliteStateStore;
using netra::testing::shared_answerer;
using netra::testing::TempDir;

namespace {

// A conversation over real SQLite files in a temporary data directory; `restart()` reopens everything from disk
// as a restarted server would.
struct Bot {
  TempDir dir;
  std::unique_ptr<SqliteStateStore> store;
  std::unique_ptr<SqliteReportStore> desk;
  std::unique_ptr<Conversation> conversation;
  ConversationLimits limits;

  Bot() { restart(); }
  void restart() {
    conversation.reset();
    desk.reset();
    store.reset();
    store = std::make_unique<SqliteStateStore>(SqliteStateConfig{dir.file("state.db"), 86400, 7 * 86400, "test-key"});
    desk = std::make_unique<SqliteReportStore>(dir.file("reports.db"));
    conversation = std::make_unique<Conversation>(shared_answerer(), *store, *desk, *desk, limits);
  }
  ConversationResult say(const std::string& text, const std::string& who = "6281234567890",
                         std::optional<std::string> media = std::nullopt) {
    InboundMessage message{"web", sender_key("secret", "web", who), text, media, media ? "photo" : ""};
    return conversation->handle(message);
  }
  std::string last(const ConversationResult& result) { return result.replies.empty() ? "" : result.replies.back().text; }
};

std::string code_in(const std::string& text) {
  auto code = find_receipt_code(text);
  return code ? *code : "";
}

// Walks the whole flow and returns the receipt reply.
ConversationResult file_report(Bot& bot, const std::string& who = "6281234567890") {
  bot.say("lapor", who);
  bot.say("Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa", who);
  bot.say("role:kades", who);
  bot.say("lewati", who);
  bot.say("Desa Sukorejo, Kec. Karangrejo, Kab. Magetan", who);
  bot.say("kemarin sore", who);
  bot.say("selesai", who);
  return bot.say("kirim", who);
}

}  // namespace

TEST_CASE("the whole report flow ends with a receipt for a committed report", "[conversation]") {
  Bot bot;
  auto receipt = file_report(bot);
  CHECK(receipt.intent == Intent::report);
  auto code = code_in(bot.last(receipt));
  REQUIRE_FALSE(code.empty());
  auto report = bot.desk->find(code);
  REQUIRE(report);
  CHECK(report->draft.category == "politik-uang");
  CHECK(report->draft.subject_role == "kades");
  CHECK(report->draft.kabupaten == "Kab. Magetan");
  CHECK(report->draft.kecamatan == "Kec. Karangrejo");
  CHECK(report->draft.when == "kemarin sore");
  CHECK(bot.last(receipt).find("Bawaslu") != std::string::npos);
}

TEST_CASE("the summary before confirmation is honest about what the platforms know", "[conversation]") {
  Bot bot;
  bot.say("lapor");
  bot.say("Camat memakai mobil dinas untuk mengantar tim sukses caleg");
  bot.say("role:asn");
  bot.say("Camat Karangrejo");
  bot.say("Kec. Karangrejo, Kab. Magetan");
  bot.say("tadi pagi");
  auto summary = bot.say("lewati");
  auto text = bot.last(summary);
  CHECK(text.find("Penggunaan fasilitas negara") != std::string::npos);
  CHECK(text.find("WhatsApp atau Telegram sendiri tahu") != std::string::npos);
  CHECK(text.find("tidak bisa dipulihkan") != std::string::npos);
  REQUIRE(summary.replies.back().choices.size() == 2);
  CHECK(summary.replies.back().choices.front().id == "report:kirim");
}

TEST_CASE("an opening message that already tells the story skips the first question", "[conversation]") {
  Bot bot;
  auto reply = bot.say("mau lapor, kades X kemarin bagi2 amplop buat paslon 2 di balai desa");
  CHECK(reply.intent == Intent::report);
  CHECK(bot.last(reply).find("Pilih salah satu") != std::string::npos);
}

TEST_CASE("a report that asks where reports go is told where before the flow's first question", "[conversation]") {
  Bot bot;
  auto reply = bot.say("mau lapor, kades X kemarin bagi2 amplop buat paslon 2. lapor resminya ke mana ya?");
  CHECK(reply.intent == Intent::report);
  REQUIRE(reply.replies.size() >= 2);
  CHECK(reply.replies.front().text.find("Bawaslu") != std::string::npos);
  CHECK(bot.last(reply).find("Pilih salah satu") != std::string::npos);
}

TEST_CASE("batal cancels at any step and nothing is stored", "[conversation]") {
  Bot bot;
  bot.say("lapor");
  bot.say("Guru PNS menyuruh murid memilih caleg tertentu di kelas");
  auto cancelled = bot.say("batal");
  CHECK(bot.last(cancelled).find("Dibatalkan") != std::string::npos);
  CHECK(bot.desk->count() == 0);
  // The next message is a fresh question, not an answer to the flow.
  auto next = bot.say("PNS boleh like postingan caleg?");
  CHECK(next.intent == Intent::question);
}

TEST_CASE("a half-finished report resumes after a restart", "[conversation]") {
  Bot bot;
  bot.say("lapor");
  bot.say("Perangkat desa memasang baliho caleg di depan kantor desa");
  bot.restart();
  auto reply = bot.say("role:perangkat");
  CHECK(bot.last(reply).find("nama atau jabatannya") != std::string::npos);
  bot.say("Sekdes");
  bot.say("Desa Sukorejo, Kec. Karangrejo, Kab. Magetan");
  bot.say("Senin lalu");
  bot.say("selesai");
  auto receipt = bot.say("kirim");
  CHECK_FALSE(code_in(bot.last(receipt)).empty());
}

TEST_CASE("unusable answers are asked again with the reason", "[conversation]") {
  Bot bot;
  bot.say("lapor");
  auto too_short = bot.say("ya");
  CHECK(bot.last(too_short).find("terlalu singkat") != std::string::npos);
  auto too_long = bot.say(std::string(3000, 'a') + " b c");
  CHECK(bot.last(too_long).find("Terlalu panjang") != std::string::npos);
  bot.say("Kepala desa ikut deklarasi pasangan calon bupati dan berpidato");
  auto bad_role = bot.say("astronot");
  CHECK(bot.last(bad_role).find("tidak saya kenali") != std::string::npos);
  bot.say("kades");
  bot.say("lewati");
  auto bad_place = bot.say("pokoknya di sana");
  CHECK(bot.last(bad_place).find("kabupaten/kota") != std::string::npos);
}

TEST_CASE("photos sent during the flow are kept as evidence by their platform id", "[conversation]") {
  Bot bot;
  bot.say("lapor");
  bot.say("ASN membagikan kaos caleg kepada warga di pasar");
  bot.say("role:asn");
  bot.say("lewati");
  bot.say("Kel. Manguharjo, Kec. Manguharjo, Kota Madiun");
  bot.say("minggu lalu");
  bot.say("", "6281234567890", std::string("web:photo-1"));
  bot.say("https://contoh.id/video", "6281234567890");
  bot.say("selesai");
  auto code = code_in(bot.last(bot.say("kirim")));
  auto report = bot.desk->find(code);
  REQUIRE(report);
  CHECK(report->draft.evidence == std::vector<std::string>{"web:photo-1", "https://contoh.id/video"});
}

TEST_CASE("an album gathered into one message is one evidence step with one reply, capped at the limit",
          "[conversation]") {
  Bot bot;
  for (const char* text : {"lapor", "ASN membagikan kaos caleg kepada warga di pasar", "role:asn", "lewati",
                           "Kel. Manguharjo, Kec. Manguharjo, Kota Madiun", "minggu lalu"}) {
    bot.say(text);
  }
  InboundMessage album{"web", sender_key("secret", "web", "6281234567890"), "ini fotonya", std::string("web:a1"),
                       "photo", {"web:a1", "web:a2", "web:a3"}};
  auto reply = bot.conversation->handle(album);
  REQUIRE(reply.replies.size() == 1);
  CHECK(bot.last(reply).find("Bukti diterima (3)") != std::string::npos);
  // Four more in one message: only the two that fit under the limit (5) are kept, and the flow moves on.
  album.media_refs = {"web:b1", "web:b2", "web:b3", "web:b4"};
  album.media_ref = "web:b1";
  CHECK(bot.last(bot.conversation->handle(album)).find("Ringkasan") != std::string::npos);
  auto code = code_in(bot.last(bot.say("kirim")));
  auto report = bot.desk->find(code);
  REQUIRE(report);
  CHECK(report->draft.evidence == std::vector<std::string>{"web:a1", "web:a2", "web:a3", "web:b1", "web:b2"});
}

TEST_CASE("status CODE answers the current status and the public note", "[conversation]") {
  Bot bot;
  auto code = code_in(bot.last(file_report(bot)));
  REQUIRE(bot.desk->change_status(code, "ditinjau", std::string("Sedang diverifikasi"), std::string("rahasia"), "r") ==
          StatusChange::ok);
  auto status = bot.say("status " + code, "someone-else");
  CHECK(status.intent == Intent::status);
  CHECK(bot.last(status).find("Ditinjau") != std::string::npos);
  CHECK(bot.last(status).find("Sedang diverifikasi") != std::string::npos);
  CHECK(bot.last(status).find("rahasia") == std::string::npos);
  auto unknown = bot.say("cek NTR-0000-0000");
  CHECK(bot.last(unknown).find("tidak ditemukan") != std::string::npos);
}

TEST_CASE("status checks are rate-limited per sender against guessing codes", "[conversation]") {
  Bot bot;
  bot.limits.status_checks_per_day = 3;
  bot.restart();
  for (int i = 0; i < 3; ++i) bot.say("cek NTR-0000-000" + std::to_string(i));
  auto refused = bot.say("cek NTR-0000-0009");
  CHECK(bot.last(refused).find("terlalu banyak") != std::string::npos);
  auto other = bot.say("cek NTR-0000-0009", "another-sender");
  CHECK(bot.last(other).find("tidak ditemukan") != std::string::npos);
}

TEST_CASE("reports per sender per day are limited", "[conversation]") {
  Bot bot;
  bot.limits.reports_per_day = 1;
  bot.restart();
  CHECK_FALSE(code_in(bot.last(file_report(bot))).empty());
  auto refused = bot.say("lapor");
  CHECK(bot.last(refused).find("batas laporan harian") != std::string::npos);
  CHECK(bot.desk->count() == 1);
}

TEST_CASE("the data files never hold the sender's identifier in clear", "[conversation]") {
  Bot bot;
  file_report(bot, "6289876543210");
  bot.say("PNS boleh like postingan caleg?", "6289876543210");
  bot.restart();
  for (const auto& file : std::filesystem::directory_iterator(bot.dir.path())) {
    INFO(file.path());
    CHECK(netra::testing::read_file(file.path()).find("6289876543210") == std::string::npos);
  }
}

TEST_CASE("questions get answers and the menu buttons come with greetings", "[conversation]") {
  Bot bot;
  auto hello = bot.say("assalamualaikum");
  CHECK(hello.intent == Intent::greeting);
  REQUIRE(hello.replies.back().choices.size() == 3);
  auto answer = bot.say("kades boleh jadi tim sukses caleg?");
  CHECK(answer.intent == Intent::question);
  CHECK(bot.last(answer).find("Dasar:") != std::string::npos);
  auto menu_report = bot.say("menu:lapor");
  CHECK(menu_report.intent == Intent::report);
}

TEST_CASE("a question whose verdict depends on who asks gets one question with buttons, then the answer",
          "[conversation]") {
  Bot bot;
  // Nobody's role is said: for an ASN this is forbidden, for a citizen it is not.
  auto asked = bot.say("blh gk ikut kampanye caleg hari minggu?");
  REQUIRE(asked.replies.size() == 1);
  const auto& choices = asked.replies.back().choices;
  REQUIRE(choices.size() == 3);
  CHECK(choices[0].id == "asker:asn");
  CHECK(choices[2].id == "asker:warga");
  auto as_citizen = bot.say("asker:warga");
  CHECK(as_citizen.intent == Intent::question);
  CHECK(bot.last(as_citizen).find("Boleh") != std::string::npos);
  // The chat now knows who writes: the next question is answered for a citizen without asking again.
  auto next = bot.say("kalau jadi relawan caleg?");
  CHECK(next.replies.back().choices.empty());
}

TEST_CASE("a writer who answers the role question as an ASN is told the rule for ASN", "[conversation]") {
  Bot bot;
  bot.say("blh gk ikut kampanye caleg hari minggu?");
  auto as_asn = bot.say("asker:asn");
  CHECK(bot.last(as_asn).find("Dilarang") != std::string::npos);
}

TEST_CASE("a tip told as a story is offered the report flow, which starts with the story and the role filled in",
          "[conversation]") {
  Bot bot;
  const std::string story = "kemarin pak camat ngumpulin semua kepala sekolah di aula, nyuruh dukung paslon 2";
  auto tip = bot.say(story);
  REQUIRE(tip.replies.back().choices.size() == 2);
  CHECK(tip.replies.back().choices.front().id == "tip:ya");
  auto accepted = bot.say("tip:ya");
  CHECK(accepted.intent == Intent::report);
  // The story is "what happened" and it named an ASN: the flow goes on to the name, not back to the story.
  bot.say("lewati");
  bot.say("Kec. Karangrejo, Kab. Magetan");
  bot.say("kemarin");
  bot.say("selesai");
  auto receipt = bot.say("kirim");
  auto report = bot.desk->find(code_in(bot.last(receipt)));
  REQUIRE(report);
  CHECK(report->draft.what == story);
  CHECK(report->draft.subject_role == "asn");
}

TEST_CASE("a declined tip offer leaves nothing behind and shows the menu", "[conversation]") {
  Bot bot;
  bot.say("tadi kades bagi2 amplop ke warga buat paslon 1");
  auto declined = bot.say("tip:tidak");
  CHECK(declined.replies.back().choices.size() == 3);
  // The next message is a fresh question, not a step of a report.
  auto question = bot.say("sy pns, blh like postingan caleg?");
  CHECK(question.intent == Intent::question);
  CHECK(bot.last(question).find("Dilarang") != std::string::npos);
}
