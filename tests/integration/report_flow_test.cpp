// The anonymous report flow end to end through `netra serve`: over the web chat and WhatsApp, across a restart,
// through a kill -9 while reports are being filed, and a scan of everything the server wrote for the reporter.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "bot/receipt_code.h"
#include "bot/crypto.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using netra::testing::ReportFilers;
using netra::testing::chat;
using netra::testing::receipt_in;
using netra::testing::kReportFlow;
using nlohmann::json;

namespace {

const std::string kAppSecret = "test-app-secret";

std::string whatsapp_text(int n, const std::string& text) {
  auto body = json::parse(netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/whatsapp_text.json"));
  auto& message = body["entry"][0]["changes"][0]["value"]["messages"][0];
  message["id"] = "wamid.report-flow-" + std::to_string(n);
  message["text"]["body"] = text;
  return body.dump();
}

}  // namespace

TEST_CASE("A report is filed over the web chat and its status is visible after a reviewer moves it") {
  TempDir dir;
  NetraProcess server(dir.file("var"), {{"NETRA_ADMIN_TOKEN", "token"}});
  std::string last;
  std::string transcript;
  for (const auto& message : kReportFlow) {
    last = chat(server, "warga-1", message);
    transcript += "> " + message + "\n" + last;
  }
  INFO(transcript);
  auto code = receipt_in(last);
  REQUIRE_FALSE(code.empty());
  CHECK(last.find("Bawaslu") != std::string::npos);
  auto patch = server.client().Patch("/api/v1/reports/" + code, {{"Authorization", "Bearer token"}},
                                     R"({"status":"ditinjau","note":"Sedang kami periksa"})", "application/json");
  REQUIRE(patch);
  CHECK(patch->status == 200);
  auto status = chat(server, "orang-lain", "cek " + code);
  CHECK(status.find("Ditinjau") != std::string::npos);
  CHECK(status.find("Sedang kami periksa") != std::string::npos);
}

TEST_CASE("batal in the middle of a report files nothing") {
  TempDir dir;
  NetraProcess server(dir.file("var"), {{"NETRA_ADMIN_TOKEN", "token"}});
  for (size_t i = 0; i < 4; ++i) chat(server, "warga-2", kReportFlow[i]);
  CHECK(chat(server, "warga-2", "batal").find("Dibatalkan") != std::string::npos);
  auto list = server.client().Get("/api/v1/reports", {{"Authorization", "Bearer token"}});
  REQUIRE(list);
  CHECK(json::parse(list->body)["reports"].empty());
}

TEST_CASE("A half-finished report resumes after netra serve restarts") {
  TempDir dir;
  auto server = std::make_unique<NetraProcess>(dir.file("var"));
  for (size_t i = 0; i < 4; ++i) chat(*server, "warga-3", kReportFlow[i]);
  server->stop();
  server = std::make_unique<NetraProcess>(dir.file("var"));
  std::string last;
  for (size_t i = 4; i < kReportFlow.size(); ++i) last = chat(*server, "warga-3", kReportFlow[i]);
  CHECK_FALSE(receipt_in(last).empty());
}

TEST_CASE("Every receipted report survives a kill -9 while reports are being filed") {
  TempDir dir;
  auto server = std::make_unique<NetraProcess>(dir.file("var"), std::map<std::string, std::string>{{"NETRA_ADMIN_TOKEN", "token"}});
  ReportFilers filers(*server, 4, "pelapor-");
  // Let some reports land, then kill the server mid-flight.
  filers.wait_for(12, std::chrono::seconds(10));
  server->kill_hard();
  auto receipts = filers.stop();
  REQUIRE(receipts.size() >= 4);

  server = std::make_unique<NetraProcess>(dir.file("var"), std::map<std::string, std::string>{{"NETRA_ADMIN_TOKEN", "token"}});
  for (const auto& code : receipts) {
    INFO(code);
    auto one = server->client().Get("/api/v1/reports/" + code, {{"Authorization", "Bearer token"}});
    REQUIRE(one);
    CHECK(one->status == 200);
  }
}

TEST_CASE("A report over WhatsApp leaves no trace of the reporter's number or name anywhere Netra writes") {
  FakePlatform api;
  TempDir dir;
  const std::string messages = "/v21.0/109876543210/messages";
  NetraProcess server(dir.file("var"), {{"NETRA_WHATSAPP_TOKEN", "wa-token"},
                                        {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
                                        {"NETRA_WHATSAPP_VERIFY_TOKEN", "verify"},
                                        {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"}});
  for (size_t i = 0; i < kReportFlow.size(); ++i) {
    std::string body = whatsapp_text(static_cast<int>(i), kReportFlow[i]);
    auto response = server.client().Post(
        "/webhook/whatsapp", {{"X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body)}},
        body, "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    // One message at a time, as a person types: wait for the bot's answer before the next.
    REQUIRE(api.wait_for_delivered(messages, i + 1));
  }
  auto delivered = api.delivered(messages);
  std::string last = delivered.back().body;
  CHECK_FALSE(receipt_in(last).empty());
  server.stop();

  std::vector<std::string> written = {server.log()};
  for (const auto& file : std::filesystem::recursive_directory_iterator(dir.file("var"))) {
    if (file.is_regular_file()) written.push_back(netra::testing::read_file(file.path()));
  }
  for (const auto& content : written) {
    CHECK(content.find("6281234567890") == std::string::npos);
    CHECK(content.find("Budi Santoso") == std::string::npos);
    CHECK(content.find("HBgNNjI4MTIz") == std::string::npos);
  }
}
