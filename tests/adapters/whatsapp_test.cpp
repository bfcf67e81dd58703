#include "adapters/channels/whatsapp.h"

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

WhatsAppChannel channel() {
  WhatsAppConfig config;
  config.token = "WA_TOKEN";
  config.app_secret = "test-app-secret";
  config.verify_token = "verify-me";
  config.api_base = "http://127.0.0.1:9/v21.0";
  return WhatsAppChannel(config, "pseudonym-secret");
}

httplib::Request signed_request(const std::string& body, const std::string& signature) {
  httplib::Request request;
  request.body = body;
  request.set_header("X-Hub-Signature-256", signature);
  return request;
}

const ReplyAddress kAddress{"6281234567890", "109876543210", ""};

}  // namespace

TEST_CASE("The WhatsApp signature of the pretty-printed fixture matches protocols.md") {
  auto request = signed_request(fixture("whatsapp_text.json"),
                                "sha256=c4fcada1737bc3ab2baf4a164936ad1b530b3068059735c72e9b5714279cc8fb");
  CHECK(channel().authentic(request));
}

TEST_CASE("The WhatsApp signature of Meta's compact escaped body is computed over the raw bytes") {
  std::string body = fixture("whatsapp_text_compact_escaped.json");
  REQUIRE(body.size() == 544);
  auto request =
      signed_request(body, "sha256=742b0c08ced580fa8072705919b4fce3fbf2471116da5bb7e6bee4410a16ac31");
  CHECK(channel().authentic(request));
  // Re-serialising the parsed body changes the bytes, and with them the signature.
  request.body = json::parse(body).dump();
  CHECK_FALSE(channel().authentic(request));
}

TEST_CASE("A wrong, missing or unprefixed WhatsApp signature is refused") {
  std::string body = fixture("whatsapp_text.json");
  CHECK_FALSE(channel().authentic(signed_request(body, "sha256=" + std::string(64, '0'))));
  CHECK_FALSE(channel().authentic(signed_request(body, "c4fcada1737bc3ab2baf4a164936ad1b530b3068059735c72e9b5714279cc8fb")));
  httplib::Request unsigned_request;
  unsigned_request.body = body;
  CHECK_FALSE(channel().authentic(unsigned_request));
}

TEST_CASE("A WhatsApp text message becomes one bot message keyed by sender, with the reply route in memory") {
  auto messages = channel().parse(fixture("whatsapp_text.json"));
  REQUIRE(messages.size() == 1);
  const auto& message = messages[0];
  CHECK(message.message.channel == "whatsapp");
  CHECK(message.message.text.find("deklarasi paslon bupati") != std::string::npos);
  CHECK(message.message.sender_key == netra::bot::sender_key("pseudonym-secret", "whatsapp", "6281234567890"));
  CHECK(message.address.chat == "6281234567890");
  CHECK(message.address.sender == "109876543210");
}

TEST_CASE("A WhatsApp delivery id is a keyed hash, because the wamid embeds the phone number") {
  auto message = channel().parse(fixture("whatsapp_text.json")).at(0);
  CHECK(message.delivery_id.rfind("whatsapp:", 0) == 0);
  CHECK(message.delivery_id.find("wamid") == std::string::npos);
  CHECK(message.delivery_id.find("HBgN") == std::string::npos);
  // The same wamid always gives the same id, so dedupe still works.
  CHECK(channel().parse(fixture("whatsapp_text.json")).at(0).delivery_id == message.delivery_id);
}

TEST_CASE("Escaped emoji in Meta's compact body decode to UTF-8 text") {
  auto messages = channel().parse(fixture("whatsapp_text_compact_escaped.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text.find("\xF0\x9F\x99\x8F") != std::string::npos);
  CHECK(messages[0].address.sender == "310582947716402");
}

TEST_CASE("A WhatsApp button reply becomes its id") {
  auto messages = channel().parse(fixture("whatsapp_interactive_reply.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "menu:lapor");
}

TEST_CASE("A WhatsApp list reply becomes its id") {
  auto messages = channel().parse(fixture("whatsapp_list_reply.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text == "role:kades");
}

TEST_CASE("A WhatsApp image passes as media ref with its caption") {
  auto messages = channel().parse(fixture("whatsapp_image.json"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.media_ref == std::optional<std::string>("whatsapp:1480975623114567"));
  CHECK(messages[0].message.media_kind == "photo");
  CHECK(messages[0].message.text == "foto amplopnya");
}

TEST_CASE("WhatsApp delivery receipts are accepted and produce nothing") {
  CHECK(channel().parse(fixture("whatsapp_status.json")).empty());
}

TEST_CASE("Every entry, change and message of one WhatsApp notification is read") {
  auto notification = json::parse(fixture("whatsapp_text.json"));
  auto second = notification["entry"][0];
  second["changes"][0]["value"]["messages"][0]["id"] = "wamid.second";
  second["changes"][0]["value"]["messages"].push_back(second["changes"][0]["value"]["messages"][0]);
  second["changes"][0]["value"]["messages"][1]["id"] = "wamid.third";
  notification["entry"].push_back(second);
  auto messages = channel().parse(notification.dump());
  REQUIRE(messages.size() == 3);
  CHECK(messages[1].delivery_id != messages[2].delivery_id);
}

TEST_CASE("A WhatsApp voice note gets a helpful reply and a reaction gets nothing") {
  auto notification = json::parse(fixture("whatsapp_text.json"));
  auto& message = notification["entry"][0]["changes"][0]["value"]["messages"][0];
  message.erase("text");
  message["type"] = "audio";
  message["audio"] = {{"id", "555"}, {"mime_type", "audio/ogg"}};
  auto messages = channel().parse(notification.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].direct_reply);
  message["type"] = "reaction";
  message["reaction"] = {{"message_id", "wamid.x"}, {"emoji", "👍"}};
  CHECK(channel().parse(notification.dump()).empty());
}

TEST_CASE("A malformed WhatsApp body is a bad request") {
  CHECK_THROWS_AS(channel().parse("{\"entry\": ["), BadRequest);
}

TEST_CASE("The verification handshake needs mode subscribe and the right token") {
  CHECK(channel().verify_subscription("subscribe", "verify-me"));
  CHECK_FALSE(channel().verify_subscription("subscribe", "wrong"));
  CHECK_FALSE(channel().verify_subscription("unsubscribe", "verify-me"));
  CHECK_FALSE(channel().verify_subscription("subscribe", ""));
}

TEST_CASE("A WhatsApp text reply goes to the business number's messages endpoint with the bearer token") {
  auto requests = channel().render(kAddress, {"Boleh, dengan syarat.", {}});
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].origin == "http://127.0.0.1:9");
  CHECK(requests[0].path == "/v21.0/109876543210/messages");
  CHECK(std::find(requests[0].headers.begin(), requests[0].headers.end(),
                  std::pair<std::string, std::string>{"Authorization", "Bearer WA_TOKEN"}) != requests[0].headers.end());
  auto body = json::parse(requests[0].body);
  CHECK(body["messaging_product"] == "whatsapp");
  CHECK(body["to"] == "6281234567890");
  CHECK(body["type"] == "text");
  CHECK(body["text"]["body"] == "Boleh, dengan syarat.");
}

TEST_CASE("Up to three choices become reply buttons with titles of at most 20 characters") {
  netra::bot::Reply reply{"Pilih menu:",
                          {{"menu:tanya", "Tanya aturan"}, {"menu:lapor", "Lapor pelanggaran netralitas"},
                           {"menu:status", "Cek status laporan"}}};
  auto requests = channel().render(kAddress, reply);
  REQUIRE(requests.size() == 1);
  auto interactive = json::parse(requests[0].body)["interactive"];
  CHECK(interactive["type"] == "button");
  CHECK(interactive["body"]["text"] == "Pilih menu:");
  auto buttons = interactive["action"]["buttons"];
  REQUIRE(buttons.size() == 3);
  for (const auto& button : buttons) CHECK(utf16_length(button["reply"]["title"].get<std::string>()) <= 20);
  CHECK(buttons[1]["reply"]["id"] == "menu:lapor");
}

TEST_CASE("Four to ten choices become a list with rows of at most 24 characters and descriptions of 72") {
  netra::bot::Reply reply{"Siapa yang dilaporkan?", {}};
  for (int i = 0; i < 12; ++i) {
    reply.choices.push_back({"role:" + std::to_string(i), "Pilihan nomor " + std::to_string(i) + " yang judulnya panjang sekali"});
  }
  auto interactive = json::parse(channel().render(kAddress, reply).at(0).body)["interactive"];
  CHECK(interactive["type"] == "list");
  auto rows = interactive["action"]["sections"][0]["rows"];
  CHECK(rows.size() == 10);
  for (const auto& row : rows) {
    CHECK(utf16_length(row["title"].get<std::string>()) <= 24);
    CHECK(utf16_length(row["description"].get<std::string>()) <= 72);
  }
  CHECK(utf16_length(interactive["action"]["button"].get<std::string>()) <= 20);
}

TEST_CASE("A long WhatsApp reply is split below 4096 characters") {
  std::string text;
  while (text.size() < 9000) text += "Kepala desa dilarang ikut kampanye.\n";
  auto requests = channel().render(kAddress, {text, {}});
  REQUIRE(requests.size() == 3);
  for (const auto& request : requests) {
    CHECK(utf16_length(json::parse(request.body)["text"]["body"].get<std::string>()) <= 4096);
  }
}

TEST_CASE("A reply too long for an interactive body goes first as text, then the buttons") {
  std::string text(1500, 'a');
  auto requests = channel().render(kAddress, {text, {{"menu:tanya", "Tanya aturan"}}});
  REQUIRE(requests.size() == 2);
  CHECK(json::parse(requests[0].body)["type"] == "text");
  CHECK(json::parse(requests[1].body)["type"] == "interactive");
}

namespace {
netra::adapters::SendResult graph_answer(int status, long long code) {
  netra::adapters::SendResult result;
  result.status = status;
  result.body = nlohmann::json{{"error", {{"message", "(#" + std::to_string(code) + ") x"}, {"code", code}}}}.dump();
  return result;
}
}  // namespace

TEST_CASE("WhatsApp refusals are read by error code, whatever the HTTP status") {
  auto whatsapp = channel();
  for (long long code : {4LL, 80007LL, 130429LL, 131056LL}) {
    INFO(code);
    auto refusal = whatsapp.read_refusal(graph_answer(400, code));
    CHECK(refusal.action == netra::adapters::Refusal::Action::retry);
    CHECK(refusal.code == std::to_string(code));
  }
  for (long long code : {131047LL, 131026LL}) {
    INFO(code);
    CHECK(whatsapp.read_refusal(graph_answer(400, code)).action == netra::adapters::Refusal::Action::give_up);
    CHECK(whatsapp.read_refusal(graph_answer(500, code)).action == netra::adapters::Refusal::Action::give_up);
  }
  // An unknown code falls back to the status.
  CHECK(whatsapp.read_refusal(graph_answer(400, 100)).action == netra::adapters::Refusal::Action::give_up);
  CHECK(whatsapp.read_refusal(graph_answer(503, 100)).action == netra::adapters::Refusal::Action::retry);
}

TEST_CASE("A failed WhatsApp status becomes a delivery failure with its code, without the recipient") {
  auto notification = nlohmann::json::parse(fixture("whatsapp_status.json"));
  auto& status = notification["entry"][0]["changes"][0]["value"]["statuses"][0];
  status["status"] = "failed";
  status["errors"] = {{{"code", 131026}, {"title", "Message undeliverable"},
                       {"error_data", {{"details", "Message could not be delivered to 6281234567890"}}}}};
  auto batch = channel().read(notification.dump());
  CHECK(batch.messages.empty());
  REQUIRE(batch.failures.size() == 1);
  CHECK(batch.failures[0].code == "131026");
  CHECK(batch.failures[0].description == "Message undeliverable: Message could not be delivered to …");
  // Delivered and read receipts are not failures.
  CHECK(channel().read(fixture("whatsapp_status.json")).failures.empty());
}

// dgtlmoon/changedetection.io#4272 and nlohmann/json#3903: one unpaired surrogate escape made the strict parser
// refuse the notification, so Meta redelivered the whole batch (both users' messages) for days.
TEST_CASE("A WhatsApp batch with one unpaired surrogate escape still yields every message") {
  auto notification = nlohmann::json::parse(fixture("whatsapp_text.json"));
  auto& value = notification["entry"][0]["changes"][0]["value"];
  auto second = value["messages"][0];
  second["from"] = "6289876543210";
  second["id"] = "wamid.second";
  second["text"]["body"] = "SURROGATE";
  value["messages"].push_back(second);
  std::string body = notification.dump();
  body.replace(body.find("SURROGATE"), 9, "halo \\ud83d");
  REQUIRE(nlohmann::json::parse(body, nullptr, false).is_discarded());  // what the strict parser does
  auto messages = channel().parse(body);
  REQUIRE(messages.size() == 2);
  CHECK(messages[1].message.text == "halo \xEF\xBF\xBD");
}

TEST_CASE("A WhatsApp text body is read up to the platform's 4096 characters") {
  auto notification = nlohmann::json::parse(fixture("whatsapp_text.json"));
  notification["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = std::string(900 * 1024, 'a');
  auto messages = channel().parse(notification.dump());
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.text.size() == kWhatsAppTextUnits);
}

TEST_CASE("A Graph API error code given as a string of digits is read as the code") {
  netra::adapters::SendResult result;
  result.status = 400;
  result.body = R"({"error":{"message":"(#131056) pair rate limit hit","code":"131056"}})";
  auto refusal = channel().read_refusal(result);
  CHECK(refusal.code == "131056");
  CHECK(refusal.action == netra::adapters::Refusal::Action::retry);
}

TEST_CASE("A notification is read up to its message limit, and says it was cut") {
  auto notification = nlohmann::json::parse(fixture("whatsapp_text.json"));
  auto& list = notification["entry"][0]["changes"][0]["value"]["messages"];
  auto message = list[0];
  for (int i = 1; i < 150; ++i) {
    message["id"] = "wamid.many" + std::to_string(i);
    list.push_back(message);
  }
  auto batch = channel().read(notification.dump());
  CHECK(batch.messages.size() == kWhatsAppMaxMessagesPerNotification);
  CHECK(batch.truncated);
  CHECK_FALSE(channel().read(fixture("whatsapp_text.json")).truncated);
}

TEST_CASE("A failed status carries a keyed delivery id, never the wamid itself") {
  auto notification = nlohmann::json::parse(fixture("whatsapp_status.json"));
  auto& status = notification["entry"][0]["changes"][0]["value"]["statuses"][0];
  status["status"] = "failed";
  auto batch = channel().read(notification.dump());
  REQUIRE(batch.failures.size() == 1);
  CHECK(batch.failures[0].code == "unknown");
  CHECK(batch.failures[0].delivery_id.rfind("whatsapp:", 0) == 0);
  CHECK(batch.failures[0].delivery_id.find("HBgN") == std::string::npos);
}
