#include "adapters/channels/telegram.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/channels/text_limits.h"
#include "bot/pseudonym.h"
#include "support/test_support.h"

using namespace netra::adapters;
using nlohmann::json;

namespace {

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

TelegramChannel channel(const std::string& username = "", const std::string& secret = "") {
  TelegramConfig config;
  config.token = "123:TOKEN";
  config.secret = secret;
  config.api_base = "http://127.0.0.1:9/tg";
  config.bot_username = username;
  return TelegramChannel(config, "pseudonym-secret");
}

}  // namespace

TEST_CASE("A Telegram text message becomes one bot message with a keyed sender and the update id for dedupe") {
  auto messages = channel().parse(fixture("telegram_text.json"));
  REQUIRE(messages.size() == 1);
  const auto& message = messages[0];
  CHECK(message.delivery_id == "telegram:870213455");
  CHECK(message.message.channel == "telegram");
  CHECK(message.message.text == "pak, sy guru PNS. boleh gk like postingan caleg di IG?");
  CHECK(message.message.sender_key == netra::bot::sender_key("pseudonym-secret", "telegram", "583920174"));
  CHECK(message.message.sender_key.find("583920174") == std::string::npos);
  CHECK(message.address.chat == "583920174");
  CHECK(message.address.reply_to.empty());
  CHECK_FALSE(message.direct_reply);
}

TEST_CASE("A Telegram command reaches the bot as its text") {
  auto messages = channel().parse(fixture("telegram_command.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "/lapor");
}

TEST_CASE("An edited Telegram message is answered like a new one") {
  auto messages = channel().parse(fixture("telegram_edited.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].delivery_id == "telegram:870213457");
  CHECK(messages[0].message.text.find("capres") != std::string::npos);
}

TEST_CASE("A Telegram button press becomes its callback data and is acknowledged with answerCallbackQuery") {
  auto messages = channel().parse(fixture("telegram_callback.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "menu:lapor");
  CHECK(messages[0].address.chat == "583920174");
  REQUIRE(messages[0].acknowledgements.size() == 1);
  const auto& ack = messages[0].acknowledgements[0];
  CHECK(ack.path == "/tg/bot123:TOKEN/answerCallbackQuery");
  CHECK(json::parse(ack.body)["callback_query_id"] == "2508437710931455123");
}

TEST_CASE("A group message that mentions the bot is answered without the mention, in reply to it") {
  auto messages = channel("netra_bot").parse(fixture("telegram_group.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "kades boleh hadir deklarasi paslon?");
  CHECK(messages[0].address.chat == "-1001987654321");
  CHECK(messages[0].address.reply_to == "77");
}

// furaizi/downloader-bot#105, ksssomesh12/tgmb-beta#12: without knowing its own name a bot cannot tell
// "/start@OtherBot" or "@OtherBot" from its own; only a bare /command is safely for every bot in the group.
TEST_CASE("While the bot's username is unknown, a group mention or /cmd@name is not taken, a bare /command is") {
  auto unknown = channel();
  CHECK(unknown.parse(fixture("telegram_group.json")).empty());
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "/lapor@netra_bot";
  update["message"]["entities"] = json::array({{{"offset", 0}, {"length", 16}, {"type", "bot_command"}}});
  CHECK(unknown.parse(update.dump()).empty());
  update["message"]["text"] = "/lapor";
  update["message"]["entities"][0]["length"] = 6;
  CHECK(unknown.parse(update.dump()).size() == 1);
}

TEST_CASE("The username learned from getMe recognises the bot's mentions — a configured one is never replaced") {
  auto learning = channel();
  auto name = TelegramChannel::username_in_get_me(
      R"({"ok":true,"result":{"id":7001234567,"is_bot":true,"first_name":"Netra","username":"netra_bot"}})");
  REQUIRE(name);
  learning.learn_bot_username(*name);
  CHECK(learning.parse(fixture("telegram_group.json")).size() == 1);
  auto configured = channel("other_bot");
  configured.learn_bot_username("netra_bot");
  CHECK(configured.bot_username() == "other_bot");
  CHECK_FALSE(TelegramChannel::username_in_get_me(R"({"ok":false,"error_code":401,"description":"Unauthorized"})"));
  CHECK_FALSE(TelegramChannel::username_in_get_me(R"({"ok":true,"result":{"username":"bad name"x"}})"));
}

// furaizi/downloader-bot#105: "/start@QuotLyBot" ran the bot's own /start handler.
TEST_CASE("A group command addressed to another bot is ignored, even in reply to Netra") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "/lapor@OtherHelperBot kades bagi amplop";
  update["message"]["entities"] = json::array({{{"offset", 0}, {"length", 21}, {"type", "bot_command"}}});
  CHECK(channel("netra_bot").parse(update.dump()).empty());
  update["message"]["reply_to_message"] = {{"message_id", 76},
                                           {"from", {{"id", 7001234567}, {"is_bot", true}, {"username", "netra_bot"}}}};
  CHECK(channel("netra_bot").parse(update.dump()).empty());
}

// charslab/TranscriberBot#28, Syfaro/foxbot#88: an anonymous admin writes as from = GroupAnonymousBot
// (id 1087968824, is_bot true) with sender_chat = the group; dropping every is_bot sender dropped them.
TEST_CASE("An anonymous group admin's message is answered, keyed by the group rather than the shared bot account") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["from"] = {{"id", 1087968824}, {"is_bot", true}, {"first_name", "Group"}, {"username", "GroupAnonymousBot"}};
  update["message"]["sender_chat"] = {{"id", -1001987654321}, {"title", "Guru SDN 3 Sukorejo"}, {"type", "supergroup"}};
  auto messages = channel("netra_bot").parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "kades boleh hadir deklarasi paslon?");
  CHECK(messages[0].message.sender_key ==
        netra::bot::sender_key("pseudonym-secret", "telegram", "-1001987654321:chat:-1001987654321"));
  // A channel post forwarded into its discussion group automatically is nobody's question.
  update["message"]["is_automatic_forward"] = true;
  CHECK(channel("netra_bot").parse(update.dump()).empty());
}

// Bot API: text is at most 4096 characters. A crafted update with 0.9 MiB of text and thousands of entities cost
// 15 s of CPU when every entity scanned the text from its start.
TEST_CASE("An oversized Telegram text is read up to the platform's limit and only the first entities are examined") {
  std::string text = "@netra_bot ";
  while (text.size() < 900 * 1024) text += "@x ";
  json entities = json::array({{{"offset", 0}, {"length", 10}, {"type", "mention"}}});
  for (int i = 0; i < 20000; ++i) {
    entities.push_back({{"offset", 11 + (i * 3) % 800000}, {"length", 2}, {"type", "mention"}});
  }
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = text;
  update["message"]["entities"] = entities;
  auto messages = channel("netra_bot").parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(utf16_length(messages[0].message.text) <= kMaxTextUnits);
  CHECK(messages[0].message.text.rfind("@x @x", 0) == 0);
  // A mention of the bot placed after the examined entities is not seen (the bound, not an accident).
  json late = json::array();
  for (size_t i = 0; i < kMaxEntitiesExamined; ++i) late.push_back({{"offset", 20}, {"length", 2}, {"type", "bold"}});
  late.push_back({{"offset", 0}, {"length", 10}, {"type", "mention"}});
  update["message"]["text"] = "@netra_bot kades boleh hadir?";
  update["message"]["entities"] = late;
  CHECK(channel("netra_bot").parse(update.dump()).empty());
}

TEST_CASE("Callback data longer than Telegram's 64 bytes only stops the spinner") {
  auto update = json::parse(fixture("telegram_callback.json"));
  update["callback_query"]["data"] = std::string(65, 'a');
  auto messages = channel().parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].address.chat.empty());
  CHECK(messages[0].acknowledgements.size() == 1);
}

TEST_CASE("A group message not addressed to the bot is ignored") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "rapat guru besok jam 8";
  update["message"].erase("entities");
  CHECK(channel("netra_bot").parse(update.dump()).empty());
}

TEST_CASE("A group mention of another account is ignored when the bot's username is known") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "@budi_guru kades boleh hadir?";
  CHECK(channel("netra_bot").parse(update.dump()).empty());
}

TEST_CASE("A group command addressed to the bot loses the bot's name") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "/lapor@netra_bot";
  update["message"]["entities"] = json::array({{{"offset", 0}, {"length", 16}, {"type", "bot_command"}}});
  auto messages = channel("netra_bot").parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "/lapor");
}

TEST_CASE("A reply to the bot in a group is answered") {
  auto update = json::parse(fixture("telegram_group.json"));
  update["message"]["text"] = "kalau perangkat desa?";
  update["message"].erase("entities");
  update["message"]["reply_to_message"] = {{"message_id", 76},
                                           {"from", {{"id", 7001234567}, {"is_bot", true}, {"username", "netra_bot"}}}};
  auto messages = channel("netra_bot").parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "kalau perangkat desa?");
}

TEST_CASE("A Telegram photo passes its largest size as media ref with the caption as text") {
  auto messages = channel().parse(fixture("telegram_photo.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.media_ref == std::optional<std::string>("telegram:AgACAgUAAxkBAAIBQmVfakePhotoLarge"));
  CHECK(messages[0].message.media_kind == "photo");
  CHECK(messages[0].message.text == "ini fotonya");
}

TEST_CASE("A Telegram document passes as media ref") {
  auto update = json::parse(fixture("telegram_photo.json"));
  update["message"].erase("photo");
  update["message"]["document"] = {{"file_id", "BQACAgDoc"}, {"file_name", "surat.pdf"}};
  auto messages = channel().parse(update.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.media_ref == std::optional<std::string>("telegram:BQACAgDoc"));
  CHECK(messages[0].message.media_kind == "document");
}

TEST_CASE("A sticker gets a helpful reply instead of going to the bot") {
  auto update = json::parse(fixture("telegram_photo.json"));
  update["message"].erase("photo");
  update["message"].erase("caption");
  update["message"]["sticker"] = {{"file_id", "CAACAgSticker"}};
  auto messages = channel().parse(update.dump());
  REQUIRE(messages.size() == 1);
  REQUIRE(messages[0].direct_reply);
  CHECK(messages[0].direct_reply->text.find("teks") != std::string::npos);
}

TEST_CASE("Telegram update kinds the bot does not read are ignored") {
  CHECK(channel().parse(R"({"update_id": 5, "my_chat_member": {}})").empty());
}

TEST_CASE("A malformed Telegram body is a bad request") {
  CHECK_THROWS_AS(channel().parse("{not json"), BadRequest);
  CHECK_THROWS_AS(channel().parse("[1,2]"), BadRequest);
  CHECK_THROWS_AS(channel().parse(R"({"message": {}})"), BadRequest);
}

TEST_CASE("The Telegram secret header is checked only when a secret is configured") {
  httplib::Request request;
  CHECK(channel().authentic(request));
  auto guarded = channel("", "s3cret_token");
  CHECK_FALSE(guarded.authentic(request));
  request.set_header("X-Telegram-Bot-Api-Secret-Token", "wrong");
  CHECK_FALSE(guarded.authentic(request));
  httplib::Request good;
  good.set_header("X-Telegram-Bot-Api-Secret-Token", "s3cret_token");
  CHECK(guarded.authentic(good));
}

TEST_CASE("A Telegram reply is sent as HTML with <, > and & escaped") {
  auto requests = channel().render({"583920174", "", ""}, {"Pasal 280 <ayat 3> & sanksi", {}});
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].origin == "http://127.0.0.1:9");
  CHECK(requests[0].path == "/tg/bot123:TOKEN/sendMessage");
  auto body = json::parse(requests[0].body);
  CHECK(body["chat_id"] == 583920174);
  CHECK(body["parse_mode"] == "HTML");
  CHECK(body["text"] == "Pasal 280 &lt;ayat 3&gt; &amp; sanksi");
  CHECK_FALSE(body.contains("reply_markup"));
}

TEST_CASE("A supergroup chat id keeps its 64-bit value and the reply quotes the message") {
  auto requests = channel().render({"-1001987654321", "", "77"}, {"halo", {}});
  auto body = json::parse(requests.at(0).body);
  CHECK(body["chat_id"].get<int64_t>() == -1001987654321LL);
  CHECK(body["reply_to_message_id"] == 77);
}

TEST_CASE("Choices become an inline keyboard whose callback data are the choice ids") {
  netra::bot::Reply reply{"Pilih menu:",
                          {{"menu:tanya", "Tanya aturan"}, {"menu:lapor", "Lapor pelanggaran"},
                           {"menu:status", "Cek status laporan"}}};
  auto body = json::parse(channel().render({"1", "", ""}, reply).at(0).body);
  auto keyboard = body["reply_markup"]["inline_keyboard"];
  REQUIRE(keyboard.size() == 3);
  CHECK(keyboard[1][0]["text"] == "Lapor pelanggaran");
  CHECK(keyboard[1][0]["callback_data"] == "menu:lapor");
}

TEST_CASE("A long Telegram reply is split below 4096 characters with the keyboard on the last part") {
  std::string text;
  while (text.size() < 9000) text += "Kepala desa dilarang ikut kampanye & berpihak.\n";
  auto requests = channel().render({"1", "", ""}, {text, {{"menu:tanya", "Tanya aturan"}}});
  REQUIRE(requests.size() == 3);
  for (const auto& request : requests) {
    auto body = json::parse(request.body);
    // The limit counts text after entity parsing: the unescaped length.
    std::string shown = body["text"];
    size_t escaped = 0;
    for (size_t at = shown.find("&amp;"); at != std::string::npos; at = shown.find("&amp;", at + 1)) ++escaped;
    CHECK(utf16_length(shown) - 4 * escaped < 4096);
  }
  CHECK_FALSE(json::parse(requests[0].body).contains("reply_markup"));
  CHECK(json::parse(requests[2].body).contains("reply_markup"));
}

TEST_CASE("setWebhook carries the secret token, the allowed updates and max_connections") {
  auto request = channel("", "s3cret_token").set_webhook_request("https://netra.example/webhook/telegram", 40, false);
  CHECK(request.path == "/tg/bot123:TOKEN/setWebhook");
  auto body = json::parse(request.body);
  CHECK(body["url"] == "https://netra.example/webhook/telegram");
  CHECK(body["secret_token"] == "s3cret_token");
  CHECK(body["max_connections"] == 40);
  CHECK(body["allowed_updates"] == json::array({"message", "edited_message", "callback_query"}));
}

TEST_CASE("Messages from other bots are ignored so two bots never answer each other") {
  auto update = json::parse(fixture("telegram_text.json"));
  update["message"]["from"]["is_bot"] = true;
  CHECK(channel().parse(update.dump()).empty());
}

namespace {
SendResult answer(int status, const std::string& body) {
  SendResult result;
  result.status = status;
  result.body = body;
  return result;
}
}  // namespace

TEST_CASE("Telegram's migrate_to_chat_id re-addresses the reply to the supergroup, without the old quote") {
  auto telegram = channel();
  auto refusal = telegram.read_refusal(answer(
      400, R"({"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001557912345}})"));
  CHECK(refusal.action == Refusal::Action::readdress);
  CHECK(refusal.readdress_to == "-1001557912345");
  CHECK(refusal.code == "400");
  auto original = telegram.render({"-4012345", "", "77"}, {"halo", {}}).at(0);
  auto moved = telegram.readdress(original, refusal.readdress_to);
  REQUIRE(moved);
  auto body = json::parse(moved->body);
  CHECK(body["chat_id"].get<int64_t>() == -1001557912345LL);
  CHECK_FALSE(body.contains("reply_to_message_id"));
  CHECK(body["text"] == "halo");
  CHECK(moved->path == original.path);
  CHECK_FALSE(telegram.readdress(original, "not-a-chat"));
}

TEST_CASE("A Telegram 403 is given up, a 429 retried after retry_after, a 5xx retried") {
  auto telegram = channel();
  auto blocked = telegram.read_refusal(answer(403, R"({"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the group chat"})"));
  CHECK(blocked.action == Refusal::Action::give_up);
  CHECK(blocked.code == "403");
  CHECK(blocked.description == "Forbidden: bot was kicked from the group chat");
  auto flood = telegram.read_refusal(answer(429, R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})"));
  CHECK(flood.action == Refusal::Action::retry);
  CHECK(flood.retry_after == std::chrono::seconds(7));
  CHECK(telegram.read_refusal(answer(502, "<html>Bad Gateway</html>")).action == Refusal::Action::retry);
  CHECK(telegram.read_refusal(answer(400, R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})")).action ==
        Refusal::Action::give_up);
  auto unreachable = telegram.read_refusal(answer(0, ""));
  CHECK(unreachable.action == Refusal::Action::retry);
  CHECK(unreachable.code == "network");
}
