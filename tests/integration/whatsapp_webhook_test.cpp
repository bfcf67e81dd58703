// WhatsApp end to end: `netra serve` with a fake Graph API, over loopback HTTP.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/crypto.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kAppSecret = "test-app-secret";
const std::string kMessages = "/v21.0/109876543210/messages";

std::map<std::string, std::string> whatsapp_env(const FakePlatform& api) {
  return {{"NETRA_WHATSAPP_TOKEN", "wa-token"},
          {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
          {"NETRA_WHATSAPP_VERIFY_TOKEN", "verify-me"},
          {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"},
          {"NETRA_BACKOFF_INITIAL_MS", "50"}};
}

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

httplib::Result post_signed(const NetraProcess& server, const std::string& body) {
  return server.client().Post("/webhook/whatsapp",
                              {{"X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body)}},
                              body, "application/json");
}

std::string text_message(const std::string& wamid, const std::string& text) {
  auto notification = json::parse(fixture("whatsapp_text.json"));
  auto& message = notification["entry"][0]["changes"][0]["value"]["messages"][0];
  message["id"] = wamid;
  message["text"]["body"] = text;
  return notification.dump();
}

}  // namespace

TEST_CASE("The WhatsApp verification handshake echoes the challenge only for the right token") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  auto ok = server.client().Get("/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(ok->body == "1158201444");
  auto wrong = server.client().Get("/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
  REQUIRE(wrong);
  CHECK(wrong->status == 403);
}

TEST_CASE("A signed WhatsApp question is answered with a citation through the Graph API") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  auto response = post_signed(server, fixture("whatsapp_text.json"));
  REQUIRE(response);
  CHECK(response->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  auto sent = api.delivered(kMessages)[0];
  CHECK(sent.authorization == "Bearer wa-token");
  auto body = json::parse(sent.body);
  CHECK(body["to"] == "6281234567890");
  CHECK(body["type"] == "text");
  CHECK(body["text"]["body"].get<std::string>().find("Pasal") != std::string::npos);
}

TEST_CASE("Meta's compact escaped body with its fixture signature is accepted as received") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  auto response = server.client().Post(
      "/webhook/whatsapp",
      {{"X-Hub-Signature-256", "sha256=742b0c08ced580fa8072705919b4fce3fbf2471116da5bb7e6bee4410a16ac31"}},
      fixture("whatsapp_text_compact_escaped.json"), "application/json");
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(api.wait_for_delivered("/310582947716402/messages", 1));
}

TEST_CASE("A WhatsApp notification with a bad signature gets 401 and nothing is sent") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  auto bad = server.client().Post("/webhook/whatsapp", {{"X-Hub-Signature-256", "sha256=" + std::string(64, 'a')}},
                                  fixture("whatsapp_text.json"), "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 401);
  auto unsigned_post = server.client().Post("/webhook/whatsapp", fixture("whatsapp_text.json"), "application/json");
  REQUIRE(unsigned_post);
  CHECK(unsigned_post->status == 401);
  REQUIRE(post_signed(server, text_message("wamid.barrier1", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  CHECK(api.requests(kMessages).size() == 1);
}

TEST_CASE("A redelivered WhatsApp message gets no second reply, also after a restart") {
  FakePlatform api;
  TempDir dir;
  {
    NetraProcess server(dir.file("var"), whatsapp_env(api));
    REQUIRE(post_signed(server, fixture("whatsapp_text.json"))->status == 200);
    REQUIRE(api.wait_for_delivered(kMessages, 1));
    REQUIRE(post_signed(server, fixture("whatsapp_text.json"))->status == 200);
    REQUIRE(post_signed(server, text_message("wamid.barrier2", "halo"))->status == 200);
    REQUIRE(api.wait_for_delivered(kMessages, 2));
    CHECK(api.requests(kMessages).size() == 2);
  }
  NetraProcess restarted(dir.file("var"), whatsapp_env(api));
  REQUIRE(post_signed(restarted, fixture("whatsapp_text.json"))->status == 200);
  REQUIRE(post_signed(restarted, text_message("wamid.barrier3", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 3));
  CHECK(api.requests(kMessages).size() == 3);
}

TEST_CASE("WhatsApp delivery receipts are acknowledged and answer nothing") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  REQUIRE(post_signed(server, fixture("whatsapp_status.json"))->status == 200);
  REQUIRE(post_signed(server, text_message("wamid.barrier4", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  CHECK(api.requests(kMessages).size() == 1);
}

TEST_CASE("The logs and the state never hold the WhatsApp number or name") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  REQUIRE(post_signed(server, fixture("whatsapp_text.json"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  server.stop();
  std::string log = server.log();
  CHECK(log.find("event=message channel=whatsapp") != std::string::npos);
  for (const char* personal : {"6281234567890", "Budi", "HBgNNjI4MTIz", "wa-token"}) {
    CHECK(log.find(personal) == std::string::npos);
  }
  std::string state = netra::testing::read_file(dir.file("var") + "/state.db");
  CHECK(state.find("6281234567890") == std::string::npos);
  CHECK(state.find("HBgNNjI4MTIz") == std::string::npos);
}
