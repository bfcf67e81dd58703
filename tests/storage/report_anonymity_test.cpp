// "No identity of a reporter in any table" (issue 13), on every backend: a report filed through the chat, with a
// photo and an answer to a reviewer's question, leaves nothing in the report store that names or tracks the
// sender — not the platform's user id, not the chat's address, not the keyed sender hash that the conversation
// state uses.
#include <catch2/catch.hpp>

#include "adapters/storage/sqlite_state_store.h"
#include "bot/conversation.h"
#include "bot/pseudonym.h"
#include "bot/receipt_code.h"
#include "storage/report_backends.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::adapters::storage::SqliteStateConfig;
using netra::adapters::storage::SqliteStateStore;
using netra::testing::shared_answerer;
using netra::testing::TempDir;

namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(300, 'x');

class OnePhoto : public MediaFetcher {
 public:
  FetchedMedia fetch(const std::string&, size_t) const override { return {kJpeg, EvidenceProblem::none, ""}; }
};

}  // namespace

TEST_CASE("a report filed and answered through the chat stores nothing that identifies the reporter", "[anonymity]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  TempDir dir;
  SqliteStateStore state(SqliteStateConfig{dir.file("state.db"), 86400, 7 * 86400, "test-key", 0});
  OnePhoto platform;
  Conversation conversation(shared_answerer(), state, storage.reports, storage.threads, ConversationLimits{},
                            &platform);
  const std::string user_id = "6281234567890";  // a WhatsApp sender is a phone number
  const std::string who = sender_key("secret", "whatsapp", user_id);
  auto say = [&](const std::string& text, std::optional<std::string> media = std::nullopt) {
    auto result = conversation.handle({"whatsapp", who, text, media, media ? "photo" : ""});
    return result.replies.empty() ? std::string() : result.replies.back().text;
  };
  for (const char* text : {"lapor", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa",
                           "role:kades", "lewati", "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan", "kemarin sore"}) {
    say(text);
  }
  say("foto amplopnya", std::string("whatsapp:1234567890123456"));
  say("selesai");
  auto code = find_receipt_code(say("kirim"));
  REQUIRE(code);
  REQUIRE(storage.threads.add_question(*code, "ani", "Jam berapa?"));
  CHECK(say("jawab " + *code + " Sekitar jam 4 sore").find("sudah diterima") != std::string::npos);

  REQUIRE(storage.threads.thread(*code).size() == 2);
  REQUIRE(storage.evidence.evidence_files(*code).size() == 1);
  std::string stored = backend->stored_bytes();
  REQUIRE(stored.find("Sekitar jam 4 sore") != std::string::npos);  // the dump does hold the thread
  CHECK(stored.find(user_id) == std::string::npos);
  CHECK(stored.find(who) == std::string::npos);
  CHECK(stored.find(who.substr(0, 16)) == std::string::npos);
}
