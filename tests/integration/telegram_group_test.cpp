// Telegram groups end to end: `netra serve` learns its own username from the fake Bot API's getMe (or from
// NETRA_TELEGRAM_BOT_USERNAME), answers what is addressed to it, ignores commands and mentions for other bots,
// and answers anonymous group admins.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kToken = "123456:GROUP-token";
const std::string kSend = "/bot" + kToken + "/sendMessage";
const std::string kGetMe = "/bot" + kToken + "/getMe";
constexpr int64_t kGroup = -1001987654321;

std::map<std::string, std::string> telegram_env(const FakePlatform& api) {
  return {{"NETRA_TELEGRAM_TOKEN", kToken}, {"NETRA_TELEGRAM_API_BASE", api.base_url()}};
}

// A supergroup message from one member; `entity` is the type of an entity over the first word ("" for none).
std::string group_update(int64_t update_id, const std::string& text, const std::string& entity) {
  json message = {{"message_id", update_id % 100000},
                  {"from", {{"id", 583920174}, {"is_bot", false}, {"first_name", "Sri"}, {"username", "sri_guru"}}},
                  {"chat", {{"id", kGroup}, {"title", "Guru SDN 3 Sukorejo"}, {"type", "supergroup"}}},
                  {"date", 1763877060},
                  {"text", text}};
  if (!entity.empty()) {
    size_t first_word = text.find(' ');
    message["entities"] = json::array(
        {{{"offset", 0}, {"length", first_word == std::string::npos ? text.size() : first_word}, {"type", entity}}});
  }
  return json{{"update_id", update_id}, {"message", message}}.dump();
}

httplib::Result post_update(const NetraProcess& server, const std::string& body) {
  return server.client().Post("/webhook/telegram", body, "application/json");
}

std::string text_of(const netra::testing::RecordedRequest& request) {
  return json::parse(request.body)["text"];
}

}  // namespace

// furaizi/downloader-bot#105 ("/start@QuotLyBot" ran the bot's own /start), ksssomesh12/tgmb-beta#12; the getMe
// way of knowing one's own name: telegraf/telegraf#317, Dilbert66/esphome-components#11.
TEST_CASE("Netra learns its name from getMe and, in a group, takes only what is addressed to it") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  CHECK(api.requests(kGetMe).size() == 1);
  REQUIRE(post_update(server, group_update(8001, "/lapor@OtherHelperBot kades bagi amplop", "bot_command"))->status ==
          200);
  REQUIRE(post_update(server, group_update(8002, "@OtherHelperBot kades boleh ikut kampanye?", "mention"))->status ==
          200);
  REQUIRE(post_update(server, group_update(8003, "rapat guru besok jam 8", ""))->status == 200);
  // The same member's messages are handled in order: once this one is answered, the three above were decided.
  REQUIRE(post_update(server, group_update(8004, "/lapor@netra_bot", "bot_command"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  // Stopping finishes every queued message and sends every queued reply: what was sent by then is all there is.
  server.stop();
  auto sent = api.requests(kSend);
  REQUIRE(sent.size() == 1);
  CHECK(text_of(sent[0]).find("laporan anonim") != std::string::npos);
  CHECK(json::parse(sent[0].body)["reply_to_message_id"] == 8004);
  CHECK(server.log().find("event=telegram_username username=netra_bot source=getMe") != std::string::npos);
}

TEST_CASE("A mention of Netra anywhere in a group message is taken, with the mention removed") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  json update = json::parse(group_update(8101, "kalau kades hadir deklarasi paslon boleh? @Netra_Bot", ""));
  update["message"]["entities"] = json::array({{{"offset", 42}, {"length", 10}, {"type", "mention"}}});
  REQUIRE(post_update(server, update.dump())->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  CHECK(text_of(api.delivered(kSend)[0]).find("Netra_Bot") == std::string::npos);
}

TEST_CASE("With NETRA_TELEGRAM_BOT_USERNAME set, no getMe is sent and the configured name decides") {
  FakePlatform api;
  api.set_bot_username("some_other_bot");
  TempDir dir;
  auto env = telegram_env(api);
  env["NETRA_TELEGRAM_BOT_USERNAME"] = "@netra_bot";
  NetraProcess server(dir.file("var"), env);
  REQUIRE(post_update(server, group_update(8201, "/lapor@some_other_bot", "bot_command"))->status == 200);
  REQUIRE(post_update(server, group_update(8202, "/lapor@netra_bot", "bot_command"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  server.stop();  // finishes queued messages and replies: a reply to 8201 would be sent by now
  CHECK(api.requests(kSend).size() == 1);
  CHECK(api.requests(kGetMe).empty());
}

// While the name is unknown a mention or /cmd@name could be for any bot in the group: only a bare /command, which
// Telegram delivers to every bot, is taken. The log says what to do.
TEST_CASE("While getMe fails, a group mention is not taken but a bare /command is, and the log says why") {
  FakePlatform api;
  api.set_bot_username("");  // getMe answers 401
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, group_update(8301, "@netra_bot kades boleh ikut kampanye?", "mention"))->status == 200);
  REQUIRE(post_update(server, group_update(8302, "/lapor", "bot_command"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  server.stop();  // finishes queued messages and replies: a reply to the mention would be sent by now
  auto sent = api.requests(kSend);
  REQUIRE(sent.size() == 1);
  CHECK(text_of(sent[0]).find("laporan anonim") != std::string::npos);
  CHECK(server.log().find("event=telegram_get_me_failed status=401 code=401 description=\"Unauthorized\"") !=
        std::string::npos);
}

// charslab/TranscriberBot#28 ("Commands from anonymous admins are ignored"), Syfaro/foxbot#88: the Bot API sends
// an anonymous admin's message with from = GroupAnonymousBot (1087968824, is_bot true) and sender_chat = the group.
TEST_CASE("An anonymous group admin's question is answered in the group") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  json update = json::parse(group_update(8401, "@netra_bot kades boleh hadir deklarasi paslon?", "mention"));
  update["message"]["from"] = {
      {"id", 1087968824}, {"is_bot", true}, {"first_name", "Group"}, {"username", "GroupAnonymousBot"}};
  update["message"]["sender_chat"] = {{"id", kGroup}, {"title", "Guru SDN 3 Sukorejo"}, {"type", "supergroup"}};
  update["message"]["author_signature"] = "Kepala Sekolah";
  REQUIRE(post_update(server, update.dump())->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  auto reply = json::parse(api.delivered(kSend)[0].body);
  CHECK(reply["chat_id"].get<int64_t>() == kGroup);
  CHECK(reply["reply_to_message_id"] == 8401);
  CHECK(reply["text"].get<std::string>().find("Pasal") != std::string::npos);
}
