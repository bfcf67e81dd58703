// Evidence kept end to end: photos and documents sent during a report over WhatsApp and Telegram are fetched
// from the (fake) platform when the report is filed — with the platform's own steps and credentials — checked,
// stored with the report, and served by the desk to signed-in reviewers only.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/crypto.h"
#include "integration/desk_client.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "support/test_support.h"

using netra::testing::DeskClient;
using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using netra::testing::add_reviewer;
using netra::testing::receipt_in;
using nlohmann::json;

namespace {

const std::string kAppSecret = "test-app-secret";
const std::string kWhatsAppToken = "wa-token";
const std::string kMessages = "/v21.0/109876543210/messages";
const std::string kTelegramToken = "123456:TEST-token";
const std::string kSend = "/bot" + kTelegramToken + "/sendMessage";
// A small real JPEG header and some bytes: enough for the type check.
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00", 14) + std::string(3000, '\x42');
const std::vector<std::string> kSteps = {
    "lapor", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa", "role:kades", "lewati",
    "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan", "kemarin sore"};

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

// Posts WhatsApp messages one at a time, waiting for each answer as a person would.
struct WhatsAppChat {
  const NetraProcess& server;
  const FakePlatform& api;
  int sent = 0;
  std::string send(json notification) {
    notification["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = "wamid.evidence-" + std::to_string(sent);
    std::string body = notification.dump();
    auto response = server.client().Post(
        "/webhook/whatsapp", {{"X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body)}},
        body, "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    ++sent;
    REQUIRE(api.wait_for_delivered(kMessages, sent, std::chrono::seconds(20)));
    auto reply = json::parse(api.delivered(kMessages).back().body);
    return reply.contains("text") ? reply["text"]["body"].get<std::string>()
                                  : reply["interactive"]["body"]["text"].get<std::string>();
  }
  std::string text(const std::string& words) {
    auto notification = json::parse(fixture("whatsapp_text.json"));
    notification["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = words;
    return send(notification);
  }
  std::string image(const std::string& media_id) {
    auto notification = json::parse(fixture("whatsapp_image.json"));
    notification["entry"][0]["changes"][0]["value"]["messages"][0]["image"]["id"] = media_id;
    return send(notification);
  }
};

std::map<std::string, std::string> whatsapp_env(const FakePlatform& api) {
  return {{"NETRA_WHATSAPP_TOKEN", kWhatsAppToken},
          {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
          {"NETRA_WHATSAPP_VERIFY_TOKEN", "verify"},
          {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"},
          {"NETRA_EVIDENCE_MAX_BYTES", "65536"}};
}

// The src of every evidence image on a report page.
std::vector<std::string> evidence_images(const std::string& html) {
  std::vector<std::string> sources;
  size_t at = 0;
  while ((at = html.find("data-testid=\"evidence\" src=\"", at)) != std::string::npos) {
    at += 28;
    sources.push_back(html.substr(at, html.find('"', at) - at));
  }
  return sources;
}

}  // namespace

TEST_CASE("A WhatsApp photo is fetched with the bearer token at filing and shown only to signed-in reviewers") {
  FakePlatform api;
  api.add_whatsapp_media("1480975623114567", kJpeg, "image/jpeg", kWhatsAppToken);
  TempDir dir;
  std::string password = add_reviewer(dir.file("var"), "ani");
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  WhatsAppChat chat{server, api};
  for (const auto& step : kSteps) chat.text(step);
  CHECK(chat.image("1480975623114567").find("Bukti diterima") != std::string::npos);
  CHECK(api.requests("/1480975623114567").empty());  // nothing fetched before the report is filed
  chat.text("selesai");
  std::string receipt = chat.text("kirim");
  std::string code = receipt_in(receipt);
  REQUIRE_FALSE(code.empty());
  CHECK(receipt.find("tidak dapat disimpan") == std::string::npos);

  // The platform's two steps, both with the bearer token.
  auto described = api.requests("/v21.0/1480975623114567");
  REQUIRE(described.size() == 1);
  CHECK(described[0].method == "GET");
  CHECK(described[0].authorization == "Bearer " + kWhatsAppToken);
  auto downloaded = api.requests("/whatsapp-cdn/1480975623114567");
  REQUIRE(downloaded.size() == 1);
  CHECK(downloaded[0].authorization == "Bearer " + kWhatsAppToken);

  DeskClient browser(server);
  REQUIRE(browser.login("ani", password));
  auto page = browser.get("/desk/reports/" + code);
  REQUIRE(page);
  auto images = evidence_images(page->body);
  REQUIRE(images.size() == 1);
  auto photo = browser.get(images[0]);
  REQUIRE(photo);
  CHECK(photo->status == 200);
  CHECK(photo->get_header_value("Content-Type") == "image/jpeg");
  CHECK(photo->body == kJpeg);
  CHECK(photo->get_header_value("Cache-Control") == "no-store");

  DeskClient stranger(server);
  auto refused = stranger.get(images[0]);
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(refused->body.find("JFIF") == std::string::npos);
  auto api_refused = server.client().Get(images[0]);
  CHECK(api_refused->status == 403);
}

TEST_CASE("The reviewer API lists a report's evidence files and thread, without the bytes") {
  FakePlatform api;
  api.add_whatsapp_media("1480975623114567", kJpeg, "image/jpeg", kWhatsAppToken);
  TempDir dir;
  auto env = whatsapp_env(api);
  env["NETRA_ADMIN_TOKEN"] = "admin-token";
  NetraProcess server(dir.file("var"), env);
  WhatsAppChat chat{server, api};
  for (const auto& step : kSteps) chat.text(step);
  chat.image("1480975623114567");
  chat.text("selesai");
  std::string code = receipt_in(chat.text("kirim"));
  REQUIRE_FALSE(code.empty());
  auto response = server.client().Get("/api/v1/reports/" + code, {{"Authorization", "Bearer admin-token"}});
  REQUIRE(response);
  REQUIRE(response->status == 200);
  auto report = json::parse(response->body);
  REQUIRE(report["evidence_files"].size() == 1);
  CHECK(report["evidence_files"][0]["mime_type"] == "image/jpeg");
  CHECK(report["evidence_files"][0]["size"] == kJpeg.size());
  CHECK(report["evidence_files"][0]["problem"] == "none");
  CHECK(report["thread"].empty());
  CHECK(response->body.find("JFIF") == std::string::npos);
}

TEST_CASE("A file that is not a photo or PDF, or is too large, is not kept, and the report is filed anyway") {
  FakePlatform api;
  api.add_whatsapp_media("111", "<html><script>alert(1)</script></html>", "image/jpeg", kWhatsAppToken);
  api.add_whatsapp_media("222", "\xFF\xD8\xFF" + std::string(70000, 'x'), "image/jpeg", kWhatsAppToken);
  api.add_whatsapp_media("333", kJpeg, "image/jpeg", "a-different-token");  // the platform refuses our token
  TempDir dir;
  std::string password = add_reviewer(dir.file("var"), "ani");
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  WhatsAppChat chat{server, api};
  for (const auto& step : kSteps) chat.text(step);
  chat.image("111");
  chat.image("222");
  chat.image("333");
  chat.text("selesai");
  std::string receipt = chat.text("kirim");
  std::string code = receipt_in(receipt);
  REQUIRE_FALSE(code.empty());
  CHECK(receipt.find("3 dari 3 foto/dokumen tidak dapat disimpan") != std::string::npos);
  CHECK(api.requests("/whatsapp-cdn/222").empty());  // file_size announced the size: not downloaded

  DeskClient browser(server);
  REQUIRE(browser.login("ani", password));
  auto page = browser.get("/desk/reports/" + code)->body;
  CHECK(evidence_images(page).empty());
  CHECK(page.find("jenis berkas tidak didukung") != std::string::npos);
  CHECK(page.find("melebihi batas ukuran") != std::string::npos);
  CHECK(page.find("platform tidak dapat dihubungi") != std::string::npos);
  CHECK(server.log().find(kWhatsAppToken) == std::string::npos);
}

TEST_CASE("A Telegram photo is fetched with getFile and the file path when the report is filed") {
  FakePlatform api;
  api.add_telegram_file(kTelegramToken, "AgACAgUAAxkBAAIBQmVfakePhotoLarge", "photos/file_7.jpg", kJpeg);
  TempDir dir;
  std::string password = add_reviewer(dir.file("var"), "ani");
  NetraProcess server(dir.file("var"), {{"NETRA_TELEGRAM_TOKEN", kTelegramToken},
                                        {"NETRA_TELEGRAM_SECRET", "s3cret"},
                                        {"NETRA_TELEGRAM_API_BASE", api.base_url()}});
  int64_t update_id = 500;
  size_t replies = 0;
  auto post = [&](json update) {
    update["update_id"] = update_id++;
    auto response = server.client().Post("/webhook/telegram", {{"X-Telegram-Bot-Api-Secret-Token", "s3cret"}},
                                         update.dump(), "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    REQUIRE(api.wait_for_delivered(kSend, ++replies, std::chrono::seconds(20)));
    return json::parse(api.delivered(kSend).back().body)["text"].get<std::string>();
  };
  for (const auto& step : kSteps) {
    auto update = json::parse(fixture("telegram_text.json"));
    update["message"]["text"] = step;
    post(update);
  }
  post(json::parse(fixture("telegram_photo.json")));  // the largest size is the one kept
  auto done = json::parse(fixture("telegram_text.json"));
  done["message"]["text"] = "selesai";
  post(done);
  done["message"]["text"] = "kirim";
  std::string code = receipt_in(post(done));
  REQUIRE_FALSE(code.empty());
  auto asked = api.requests("/getFile");
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].path == "/bot" + kTelegramToken + "/getFile");
  REQUIRE(api.requests("/file/bot" + kTelegramToken + "/photos/file_7.jpg").size() == 1);

  DeskClient browser(server);
  REQUIRE(browser.login("ani", password));
  auto images = evidence_images(browser.get("/desk/reports/" + code)->body);
  REQUIRE(images.size() == 1);
  CHECK(browser.get(images[0])->body == kJpeg);
  CHECK(server.log().find(kTelegramToken) == std::string::npos);
}
