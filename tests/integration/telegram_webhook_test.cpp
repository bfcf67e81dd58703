// Telegram end to end: `netra serve` with a fake Bot API, over loopback HTTP.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kToken = "123456:TEST-token";
const std::string kSecret = "webhook_secret-1";
const std::string kSend = "/bot" + kToken + "/sendMessage";

std::map<std::string, std::string> telegram_env(const FakePlatform& api) {
  return {{"NETRA_TELEGRAM_TOKEN", kToken},
          {"NETRA_TELEGRAM_SECRET", kSecret},
          {"NETRA_TELEGRAM_API_BASE", api.base_url()},
          {"NETRA_BACKOFF_INITIAL_MS", "50"}};
}

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

// The text fixture with another update id and text, same chat.
std::string update_with(int64_t update_id, const std::string& text) {
  auto update = json::parse(fixture("telegram_text.json"));
  update["update_id"] = update_id;
  update["message"]["text"] = text;
  return update.dump();
}

httplib::Result post_update(const NetraProcess& server, const std::string& body, const std::string& secret = kSecret) {
  return server.client().Post("/webhook/telegram", {{"X-Telegram-Bot-Api-Secret-Token", secret}}, body,
                              "application/json");
}

}  // namespace

TEST_CASE("A Telegram question is acknowledged at once and answered with a citation through sendMessage") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  auto response = post_update(server, fixture("telegram_text.json"));
  REQUIRE(response);
  CHECK(response->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  auto body = json::parse(api.delivered(kSend)[0].body);
  CHECK(body["chat_id"] == 583920174);
  CHECK(body["parse_mode"] == "HTML");
  std::string text = body["text"];
  CHECK(text.find("Dilarang") != std::string::npos);
  CHECK(text.find("Lampiran II") != std::string::npos);
}

TEST_CASE("A Telegram update with a wrong secret gets 401 and nothing is sent") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  auto wrong = post_update(server, fixture("telegram_text.json"), "not-the-secret");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  auto missing = server.client().Post("/webhook/telegram", fixture("telegram_text.json"), "application/json");
  REQUIRE(missing);
  CHECK(missing->status == 401);
  // A valid update afterwards is the barrier: once its reply is out, any reply to the refused one would be too.
  REQUIRE(post_update(server, update_with(990001, "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  CHECK(api.requests(kSend).size() == 1);
  // The refused update was not even claimed: sent properly now, it is answered.
  REQUIRE(post_update(server, fixture("telegram_text.json"))->status == 200);
  CHECK(api.wait_for_delivered(kSend, 2));
}

TEST_CASE("A redelivered Telegram update gets no second reply, also after a restart") {
  FakePlatform api;
  TempDir dir;
  {
    NetraProcess server(dir.file("var"), telegram_env(api));
    REQUIRE(post_update(server, fixture("telegram_text.json"))->status == 200);
    REQUIRE(api.wait_for_delivered(kSend, 1));
    REQUIRE(post_update(server, fixture("telegram_text.json"))->status == 200);
    REQUIRE(post_update(server, update_with(990002, "halo"))->status == 200);
    REQUIRE(api.wait_for_delivered(kSend, 2));
    CHECK(api.requests(kSend).size() == 2);
  }
  NetraProcess restarted(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(restarted, fixture("telegram_text.json"))->status == 200);
  REQUIRE(post_update(restarted, update_with(990003, "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 3));
  CHECK(api.requests(kSend).size() == 3);
  CHECK(json::parse(api.requests(kSend).back().body)["text"].get<std::string>().find("Lampiran II") ==
        std::string::npos);
}

TEST_CASE("When the Bot API fails with 500 and recovers, exactly one reply is delivered") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  api.fail_next(2, 500);
  REQUIRE(post_update(server, fixture("telegram_text.json"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  REQUIRE(post_update(server, update_with(990004, "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 2));
  CHECK(api.requests(kSend).size() == 4);  // two failures, the reply, the barrier's reply
  auto delivered = api.delivered(kSend);
  CHECK(json::parse(delivered[0].body)["text"].get<std::string>().find("Lampiran II") != std::string::npos);
  auto metrics = server.client().Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("netra_reply_retries_total{channel=\"telegram\"} 2") != std::string::npos);
}

TEST_CASE("A Telegram button press is answered and its spinner stopped with answerCallbackQuery") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, fixture("telegram_callback.json"))->status == 200);
  REQUIRE(api.wait_for_delivered("/answerCallbackQuery", 1));
  REQUIRE(api.wait_for_delivered(kSend, 1));
}

TEST_CASE("A malformed Telegram body is a 400") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  auto response = post_update(server, "{\"update_id\": ");
  REQUIRE(response);
  CHECK(response->status == 400);
}

TEST_CASE("The logs never hold the Telegram user's id, name or username") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, fixture("telegram_text.json"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  server.stop();
  std::string log = server.log();
  CHECK(log.find("event=message channel=telegram") != std::string::npos);
  for (const char* personal : {"583920174", "sri_guru", "Wahyuni", kToken.c_str()}) CHECK(log.find(personal) == std::string::npos);
}

TEST_CASE("netra telegram set-webhook registers the URL with the secret token") {
  FakePlatform api;
  TempDir dir;
  std::string output;
  int code = netra::testing::run_netra({"telegram", "set-webhook", "https://netra.example/webhook/telegram",
                                        "--max-connections", "40"},
                                       {{"NETRA_DATA_DIR", dir.file("var")},
                                        {"NETRA_TELEGRAM_TOKEN", kToken},
                                        {"NETRA_TELEGRAM_SECRET", kSecret},
                                        {"NETRA_TELEGRAM_API_BASE", api.base_url()}},
                                       output);
  CHECK(code == 0);
  auto calls = api.requests("/bot" + kToken + "/setWebhook");
  REQUIRE(calls.size() == 1);
  auto body = json::parse(calls[0].body);
  CHECK(body["url"] == "https://netra.example/webhook/telegram");
  CHECK(body["secret_token"] == kSecret);
  CHECK(body["max_connections"] == 40);
  CHECK(output.find(kToken) == std::string::npos);
}

TEST_CASE("A photo sent during a Telegram report is kept as evidence, never the reporter's identity") {
  FakePlatform api;
  TempDir dir;
  auto env = telegram_env(api);
  env["NETRA_ADMIN_TOKEN"] = "reviewer-token";
  NetraProcess server(dir.file("var"), env);
  const std::vector<std::string> steps = {
      "lapor", "Kepala desa membagikan amplop berisi uang kepada warga agar memilih calon nomor 2.", "role:kades",
      "lewati", "Desa Sukamaju, Kec. Cibeber, Kab. Cianjur", "kemarin sore"};
  int64_t update_id = 991000;
  for (const auto& text : steps) REQUIRE(post_update(server, update_with(++update_id, text))->status == 200);
  auto photo = json::parse(fixture("telegram_photo.json"));
  photo["update_id"] = ++update_id;
  REQUIRE(post_update(server, photo.dump())->status == 200);
  REQUIRE(post_update(server, update_with(++update_id, "selesai"))->status == 200);
  REQUIRE(post_update(server, update_with(++update_id, "kirim"))->status == 200);
  // The inbound queue keeps one sender's messages in order; the receipt is the last reply.
  std::string code;
  netra::testing::wait_until([&] {
    for (const auto& sent : api.delivered(kSend)) {
      std::string text = json::parse(sent.body)["text"];
      if (auto at = text.find("NTR-"); at != std::string::npos && text.find("XXXX") == std::string::npos) {
        code = text.substr(at, 13);
      }
    }
    return !code.empty();
  });
  REQUIRE(code.size() == 13);
  auto report = server.client().Get("/api/v1/reports/" + code, {{"Authorization", "Bearer reviewer-token"}});
  REQUIRE(report);
  REQUIRE(report->status == 200);
  auto body = json::parse(report->body);
  CHECK(body["channel"] == "telegram");
  CHECK(body["evidence"] == json::array({"telegram:AgACAgUAAxkBAAIBQmVfakePhotoLarge"}));
  for (const char* personal : {"583920174", "sri_guru", "Wahyuni"}) CHECK(report->body.find(personal) == std::string::npos);
}
