// Bursts that belong together, end to end: a Telegram album (several updates sharing media_group_id, the caption
// on the first only) or several WhatsApp photos in a row, sent during the report flow's evidence step, become one
// evidence step with one reply, and the filed report holds every photo in order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "bot/crypto.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kToken = "123456:ALBUM-token";
const std::string kSend = "/bot" + kToken + "/sendMessage";
const std::string kAdmin = "album-admin";
const std::string kAppSecret = "test-app-secret";
const std::string kMessages = "/v21.0/109876543210/messages";
constexpr int64_t kUser = 583920174;
constexpr int64_t kGroup = -1001987654321;

// The report flow up to the evidence prompt.
const std::vector<std::string> kUntilEvidence = {
    "lapor",
    "Kepala desa membagikan amplop berisi uang kepada warga agar memilih calon nomor 2.",
    "role:kades",
    "lewati",
    "Desa Sukamaju, Kec. Cibeber, Kab. Cianjur",
    "kemarin sore"};

std::map<std::string, std::string> env_for(const FakePlatform& api) {
  return {{"NETRA_TELEGRAM_TOKEN", kToken},
          {"NETRA_TELEGRAM_API_BASE", api.base_url()},
          {"NETRA_WHATSAPP_TOKEN", "wa-token"},
          {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
          {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"},
          {"NETRA_ADMIN_TOKEN", kAdmin}};
}

// A message in the private chat, or in the group addressed to the bot by a leading mention.
json telegram_message(int64_t message_id, bool in_group) {
  return {{"message_id", message_id},
          {"from", {{"id", kUser}, {"is_bot", false}, {"first_name", "Sri"}}},
          {"chat", {{"id", in_group ? kGroup : kUser}, {"type", in_group ? "supergroup" : "private"}}},
          {"date", 1763877090}};
}

std::string telegram_text(int64_t update_id, const std::string& text, bool in_group) {
  json message = telegram_message(update_id % 100000, in_group);
  message["text"] = in_group ? "@netra_bot " + text : text;
  if (in_group) message["entities"] = json::array({{{"offset", 0}, {"length", 10}, {"type", "mention"}}});
  return json{{"update_id", update_id}, {"message", message}}.dump();
}

// One photo of an album; `caption` only on the first, as Telegram sends it.
std::string album_part(int64_t update_id, const std::string& album, int index, const std::string& caption,
                       bool in_group) {
  json message = telegram_message(update_id % 100000, in_group);
  message["media_group_id"] = album;
  message["photo"] = json::array({{{"file_id", "AgAC-small-" + std::to_string(index)}, {"width", 90}},
                                  {{"file_id", "AgAC-large-" + std::to_string(index)}, {"width", 1280}}});
  if (!caption.empty()) {
    message["caption"] = in_group ? "@netra_bot " + caption : caption;
    if (in_group) message["caption_entities"] = json::array({{{"offset", 0}, {"length", 10}, {"type", "mention"}}});
  }
  return json{{"update_id", update_id}, {"message", message}}.dump();
}

httplib::Result post_update(const NetraProcess& server, const std::string& body) {
  return server.client().Post("/webhook/telegram", body, "application/json");
}

std::vector<std::string> texts_sent(const FakePlatform& api, const std::string& path, const char* field) {
  std::vector<std::string> texts;
  for (const auto& sent : api.delivered(path)) {
    json body = json::parse(sent.body);
    if (std::string(field) == "text")
      texts.push_back(body["text"]);
    else if (body.contains("interactive"))
      texts.push_back(body["interactive"]["body"]["text"]);
    else
      texts.push_back(body["text"]["body"]);
  }
  return texts;
}

size_t count_containing(const std::vector<std::string>& texts, const std::string& needle) {
  return std::count_if(texts.begin(), texts.end(),
                       [&](const std::string& text) { return text.find(needle) != std::string::npos; });
}

// Waits until some sent text contains `needle`.
bool wait_for_text(const FakePlatform& api, const std::string& path, const char* field, const std::string& needle) {
  return netra::testing::wait_until([&] { return count_containing(texts_sent(api, path, field), needle) > 0; });
}

json report_with_code_in(const NetraProcess& server, const std::vector<std::string>& texts) {
  for (const auto& text : texts) {
    auto at = text.find("NTR-");
    if (at == std::string::npos || text.find("XXXX") != std::string::npos) continue;
    auto response =
        server.client().Get("/api/v1/reports/" + text.substr(at, 13), {{"Authorization", "Bearer " + kAdmin}});
    if (response && response->status == 200) return json::parse(response->body);
  }
  return json();
}

}  // namespace

// earlyaidopters/claudeclaw#58 and zeroclaw-labs/zeroclaw#8955 (an album is N updates sharing media_group_id with
// the caption on one; each became its own turn), grammyjs/conversations#130, ShaneQi/ZEGBot#5 ("every photo is a
// different message to the bot"): during the evidence step an album produced one "Bukti diterima" per photo.
TEST_CASE("A Telegram album during the evidence step is one evidence step with one reply") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), env_for(api));
  int64_t update_id = 60000;
  for (const auto& text : kUntilEvidence)
    REQUIRE(post_update(server, telegram_text(++update_id, text, false))->status == 200);
  REQUIRE(wait_for_text(api, kSend, "text", "Ada bukti?"));
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(post_update(server, album_part(++update_id, "13578642097531", i, i == 1 ? "ini buktinya" : "", false))
                ->status == 200);
  }
  REQUIRE(wait_for_text(api, kSend, "text", "Bukti diterima"));
  REQUIRE(post_update(server, telegram_text(++update_id, "selesai", false))->status == 200);
  REQUIRE(post_update(server, telegram_text(++update_id, "kirim", false))->status == 200);
  REQUIRE(wait_for_text(api, kSend, "text", "Kode tanda terima"));
  auto report = report_with_code_in(server, texts_sent(api, kSend, "text"));
  REQUIRE(report.is_object());
  CHECK(report["evidence"] == json::array({"telegram:AgAC-large-1", "telegram:AgAC-large-2", "telegram:AgAC-large-3"}));
  // Stopping queues every burst still gathering, finishes every message and sends every reply: a late copy of the
  // album's reply would be among what was sent by then.
  server.stop();
  auto texts = texts_sent(api, kSend, "text");
  CHECK(count_containing(texts, "Bukti diterima") == 1);
  CHECK(count_containing(texts, "Bukti diterima (3)") == 1);
  CHECK(count_containing(texts, "3 berkas") == 1);
}

// In a group only the first photo's caption names the bot; the other parts of the album must still count.
TEST_CASE("A group album whose first caption mentions the bot is gathered whole") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), env_for(api));
  int64_t update_id = 61000;
  for (const auto& text : kUntilEvidence)
    REQUIRE(post_update(server, telegram_text(++update_id, text, true))->status == 200);
  REQUIRE(wait_for_text(api, kSend, "text", "Ada bukti?"));
  for (int i = 1; i <= 4; ++i) {
    REQUIRE(
        post_update(server, album_part(++update_id, "24680135792468", i, i == 1 ? "ini fotonya" : "", true))->status ==
        200);
  }
  REQUIRE(wait_for_text(api, kSend, "text", "Bukti diterima"));
  const size_t replies_so_far = api.requests(kSend).size();
  // Someone else's album in the group, not addressed to the bot, is nobody's evidence and gets no reply.
  json stranger = json::parse(album_part(++update_id, "99990000", 9, "", true));
  stranger["message"]["from"]["id"] = 700700700;
  REQUIRE(post_update(server, stranger.dump())->status == 200);
  // Stopping queues every burst still gathering, finishes every message and sends every reply: a late copy of the
  // album's reply, or a reply to the stranger, would be among what was sent by then.
  server.stop();
  auto texts = texts_sent(api, kSend, "text");
  CHECK(count_containing(texts, "Bukti diterima") == 1);
  CHECK(count_containing(texts, "Bukti diterima (4)") == 1);
  CHECK(api.requests(kSend).size() == replies_so_far);
}

// The same kind on WhatsApp: choosing several photos sends one message per photo (two here in one notification,
// one in the next); the user should get one answer for them.
TEST_CASE("Several WhatsApp photos in a row during the evidence step get one reply") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), env_for(api));
  auto post_signed = [&](const json& notification) {
    std::string body = notification.dump();
    return server.client().Post("/webhook/whatsapp",
                                {{"X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body)}},
                                body, "application/json");
  };
  json base = json::parse(netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/whatsapp_text.json"));
  auto& messages = base["entry"][0]["changes"][0]["value"]["messages"];
  json text_message = messages[0];
  int counter = 0;
  for (const auto& text : kUntilEvidence) {
    json one = base;
    json message = text_message;
    message["id"] = "wamid.step" + std::to_string(++counter);
    message["text"]["body"] = text;
    one["entry"][0]["changes"][0]["value"]["messages"] = json::array({message});
    REQUIRE(post_signed(one)->status == 200);
  }
  REQUIRE(wait_for_text(api, kMessages, "body", "Ada bukti?"));
  auto image = [&](int index) {
    json message = {
        {"from", text_message["from"]},
        {"id", "wamid.image" + std::to_string(index)},
        {"timestamp", "1763877100"},
        {"type", "image"},
        {"image", {{"mime_type", "image/jpeg"}, {"sha256", "abc="}, {"id", "14809756231145" + std::to_string(index)}}}};
    return message;
  };
  json first = base;
  first["entry"][0]["changes"][0]["value"]["messages"] = json::array({image(1), image(2)});
  REQUIRE(post_signed(first)->status == 200);
  json second = base;
  second["entry"][0]["changes"][0]["value"]["messages"] = json::array({image(3)});
  REQUIRE(post_signed(second)->status == 200);
  REQUIRE(wait_for_text(api, kMessages, "body", "Bukti diterima"));
  server.stop();  // queues what is still gathering and sends every reply: a second "Bukti diterima" would show
  auto texts = texts_sent(api, kMessages, "body");
  CHECK(count_containing(texts, "Bukti diterima") == 1);
  CHECK(count_containing(texts, "Bukti diterima (3)") == 1);
}
