// Every way the platforms refuse a reply, end to end: `netra serve` beside a fake Bot API / Graph API that answers
// with the platforms' own error bodies. Each kind of refusal gets its own decision — re-address, retry after the
// platform's wait, or give up at once — is counted in /metrics by channel and the platform's code, and is logged
// with the platform's words but never the recipient.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <thread>

#include "bot/crypto.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::ScriptedAnswer;
using netra::testing::TempDir;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kToken = "123456:REFUSAL-token";
const std::string kSend = "/bot" + kToken + "/sendMessage";
const std::string kAppSecret = "test-app-secret";
const std::string kMessages = "/v21.0/109876543210/messages";
const std::string kWaNumber = "6281234567890";  // the fixtures' WhatsApp user

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

std::map<std::string, std::string> telegram_env(const FakePlatform& api) {
  return {{"NETRA_TELEGRAM_TOKEN", kToken},
          {"NETRA_TELEGRAM_API_BASE", api.base_url()},
          {"NETRA_TELEGRAM_BOT_USERNAME", "netra_bot"},
          {"NETRA_BACKOFF_INITIAL_MS", "50"}};
}

std::map<std::string, std::string> whatsapp_env(const FakePlatform& api, std::string attempts = "5") {
  return {{"NETRA_WHATSAPP_TOKEN", "wa-token"},
          {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
          {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"},
          {"NETRA_SEND_ATTEMPTS", attempts},
          {"NETRA_BACKOFF_INITIAL_MS", "50"}};
}

// A private-chat or group text update.
std::string telegram_update(int64_t update_id, int64_t chat_id, const std::string& chat_type, const std::string& text) {
  json message = {{"message_id", 500 + update_id % 1000},
                  {"from", {{"id", 583920174}, {"is_bot", false}, {"first_name", "Sri"}}},
                  {"chat", {{"id", chat_id}, {"type", chat_type}}},
                  {"date", 1763877000},
                  {"text", text}};
  if (chat_type != "private") {
    message["text"] = "@netra_bot " + text;
    message["entities"] = json::array({{{"offset", 0}, {"length", 10}, {"type", "mention"}}});
  }
  return json{{"update_id", update_id}, {"message", message}}.dump();
}

httplib::Result post_update(const NetraProcess& server, const std::string& body) {
  return server.client().Post("/webhook/telegram", body, "application/json");
}

std::string whatsapp_text(const std::string& wamid, const std::string& text) {
  auto notification = json::parse(fixture("whatsapp_text.json"));
  auto& message = notification["entry"][0]["changes"][0]["value"]["messages"][0];
  message["id"] = wamid;
  message["text"]["body"] = text;
  return notification.dump();
}

httplib::Result post_signed(const NetraProcess& server, const std::string& body) {
  return server.client().Post("/webhook/whatsapp",
                              {{"X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body)}},
                              body, "application/json");
}

// The Graph API's error body for `code`, as Meta sends it (WhatsApp Cloud API error codes reference).
std::string graph_error(long long code, const std::string& message, const std::string& details) {
  return json{{"error",
               {{"message", "(#" + std::to_string(code) + ") " + message},
                {"type", "OAuthException"},
                {"code", code},
                {"error_data", {{"messaging_product", "whatsapp"}, {"details", details}}},
                {"fbtrace_id", "AZx3fakeTraceId"}}}}
      .dump();
}

double metric(const NetraProcess& server, const std::string& series) {
  auto response = server.client().Get("/metrics");
  REQUIRE(response);
  std::istringstream lines(response->body);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return 0;
}

// Waits until the series reaches `value` (false after 10 s).
bool wait_for_metric(const NetraProcess& server, const std::string& series, double value) {
  return netra::testing::wait_until([&] { return metric(server, series) >= value; }, std::chrono::seconds(10),
                                    std::chrono::milliseconds(20));
}

int64_t chat_of(const netra::testing::RecordedRequest& request) {
  return json::parse(request.body)["chat_id"].get<int64_t>();
}

}  // namespace

// TwiN/gatus#179, ableev/Zabbix-in-Telegram#210, TelegramBots/Telegram.Bot#171: a group upgraded to a supergroup
// answers sendMessage with 400 and parameters.migrate_to_chat_id; the reply was lost ("error=\"\"" in our log).
TEST_CASE("A reply to a group that became a supergroup goes to migrate_to_chat_id, and so do the chat's later ones") {
  FakePlatform api;
  api.answer_next(
      {{400,
        R"({"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001557912345}})"}});
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, telegram_update(7001, -4012345, "group", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  // Another message from the old group id (sent before the upgrade, delivered after): straight to the new id.
  REQUIRE(post_update(server, telegram_update(7002, -4012345, "group", "kades boleh ikut kampanye?"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 2));
  auto sent = api.requests(kSend);
  REQUIRE(sent.size() == 3);
  CHECK(chat_of(sent[0]) == -4012345);
  CHECK(sent[0].answered == 400);
  CHECK(chat_of(sent[1]) == -1001557912345);
  CHECK(chat_of(sent[2]) == -1001557912345);
  CHECK(metric(server, "netra_outbound_failures_total{channel=\"telegram\",code=\"400\"}") == 1);
  // The fake records the second reply before Netra reads its answer and counts it: wait for the count.
  CHECK(wait_for_metric(server, "netra_replies_sent_total{channel=\"telegram\"}", 2));
  CHECK(metric(server, "netra_reply_retries_total{channel=\"telegram\"}") == 0);
  server.stop();
  std::string log = server.log();
  CHECK(log.find("event=send_readdressed channel=telegram what=sendMessage status=400 code=400 "
                 "description=\"Bad Request: group chat was upgraded to a supergroup chat\"") != std::string::npos);
  for (const char* chat : {"4012345", "1557912345"}) CHECK(log.find(chat) == std::string::npos);
}

// Achaak/toogoodtogo-bot#27, atipugin/telegram-bot-ruby#58 ("Loop Error 403 - Bot was blocked by the user"):
// a blocked bot can never deliver; retrying only repeats the refusal.
TEST_CASE("A reply to a user who blocked the bot is given up after one attempt and counted as 403") {
  FakePlatform api;
  api.answer_next({{403, R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})"}});
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, telegram_update(7101, 583920174, "private", "halo"))->status == 200);
  REQUIRE(wait_for_metric(server, "netra_replies_failed_total{channel=\"telegram\"}", 1));
  // The absence of a retry is what is tested: wait out eight first backoffs (50 ms each), when a retry would show.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  CHECK(api.requests(kSend).size() == 1);
  CHECK(metric(server, "netra_outbound_failures_total{channel=\"telegram\",code=\"403\"}") == 1);
  CHECK(metric(server, "netra_reply_retries_total{channel=\"telegram\"}") == 0);
  server.stop();
  std::string log = server.log();
  CHECK(log.find("event=send_failed channel=telegram what=sendMessage status=403 code=403 "
                 "description=\"Forbidden: bot was blocked by the user\" attempts=1 reason=refused") !=
        std::string::npos);
  CHECK(log.find("583920174") == std::string::npos);
}

// The Bot API's flood control: 429 with parameters.retry_after. Retrying sooner only earns another 429.
TEST_CASE("A Telegram 429 is retried no sooner than its retry_after") {
  FakePlatform api;
  api.answer_next(
      {{429,
        R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}})"}});
  TempDir dir;
  NetraProcess server(dir.file("var"), telegram_env(api));
  REQUIRE(post_update(server, telegram_update(7201, 583920174, "private", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kSend, 1));
  auto sent = api.requests(kSend);
  REQUIRE(sent.size() == 2);
  CHECK(sent[1].at - sent[0].at >= std::chrono::milliseconds(950));
  CHECK(metric(server, "netra_outbound_failures_total{channel=\"telegram\",code=\"429\"}") == 1);
  CHECK(metric(server, "netra_reply_retries_total{channel=\"telegram\"}") == 1);
}

// fabrahaingo/joel#152, botpress/botpress#14224, swampratnz/community-agent#470: Meta's throughput and rate limits
// (4, 80007, 130429, 131056) come as HTTP 400 as well as 429; read by status, the reply was dropped.
TEST_CASE("WhatsApp rate limits answered with HTTP 400 are retried by their error code until delivered") {
  FakePlatform api;
  api.answer_next(
      {{400, graph_error(131056, "(Business Account, Consumer Account) pair rate limit hit",
                         "Message failed to send because there were too many messages sent from this "
                         "phone number to the same phone number in a short period of time.")},
       {400, graph_error(130429, "Rate limit hit", "Cloud API message throughput has been reached.")},
       {400, graph_error(80007, "Rate limit issues", "The WhatsApp Business Account has reached its rate limit.")},
       {400, graph_error(4, "Application request limit reached", "Too many calls.")}});
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api, "6"));
  REQUIRE(post_signed(server, whatsapp_text("wamid.rate1", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  CHECK(api.requests(kMessages).size() == 5);
  for (const char* code : {"131056", "130429", "80007", "4"}) {
    INFO(code);
    CHECK(metric(server, "netra_outbound_failures_total{channel=\"whatsapp\",code=\"" + std::string(code) + "\"}") ==
          1);
  }
  CHECK(metric(server, "netra_reply_retries_total{channel=\"whatsapp\"}") == 4);
  // The fake records the fifth request before Netra reads its answer and counts it: wait for the count, then
  // check it is exactly one.
  CHECK(wait_for_metric(server, "netra_replies_sent_total{channel=\"whatsapp\"}", 1));
  CHECK(metric(server, "netra_replies_sent_total{channel=\"whatsapp\"}") == 1);
  CHECK(metric(server, "netra_replies_failed_total{channel=\"whatsapp\"}") == 0);
}

// chatwoot/chatwoot#10143, megaapp977/stack#117: 131047 means the 24-hour window is closed, so only an approved
// template could be sent; 131026 means the user cannot receive it. Retrying either only repeats the refusal.
TEST_CASE("WhatsApp 131047 and 131026 are final: one attempt each, counted, logged without the number") {
  FakePlatform api;
  api.answer_next({{400, graph_error(131047, "Re-engagement message",
                                     "Message failed to send because more than 24 hours have passed since the "
                                     "customer last replied to this number.")},
                   {400, graph_error(131026, "Message undeliverable", "Unable to deliver message to 6281234567890.")}});
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  REQUIRE(post_signed(server, whatsapp_text("wamid.final1", "halo"))->status == 200);
  REQUIRE(post_signed(server, whatsapp_text("wamid.final2", "menu"))->status == 200);
  REQUIRE(wait_for_metric(server, "netra_replies_failed_total{channel=\"whatsapp\"}", 2));
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // on purpose: a retry would show within it (above)
  CHECK(api.requests(kMessages).size() == 2);
  CHECK(metric(server, "netra_outbound_failures_total{channel=\"whatsapp\",code=\"131047\"}") == 1);
  CHECK(metric(server, "netra_outbound_failures_total{channel=\"whatsapp\",code=\"131026\"}") == 1);
  CHECK(metric(server, "netra_reply_retries_total{channel=\"whatsapp\"}") == 0);
  server.stop();
  std::string log = server.log();
  CHECK(log.find("code=131047 description=\"(#131047) Re-engagement message: Message failed to send because more "
                 "than 24 hours have passed") != std::string::npos);
  CHECK(log.find("code=131026 description=\"(#131026) Message undeliverable: Unable to deliver message to ….\"") !=
        std::string::npos);
  CHECK(log.find(kWaNumber) == std::string::npos);
}

// shridarpatil/frappe_whatsapp#133 (the notification below, as Meta sent it) and fabrahaingo/joel#314: a reply
// accepted by the Graph API can fail minutes later; the notification is the only trace, and it must not start
// retries.
TEST_CASE("A later WhatsApp status \"failed\" is counted and logged by its code, and nothing is resent") {
  FakePlatform api;
  TempDir dir;
  NetraProcess server(dir.file("var"), whatsapp_env(api));
  json failed = json::parse(fixture("whatsapp_status.json"));
  auto& status = failed["entry"][0]["changes"][0]["value"]["statuses"][0];
  status["status"] = "failed";
  status["errors"] =
      json::array({{{"code", 131047},
                    {"title", "Re-engagement message"},
                    {"message", "Re-engagement message"},
                    {"error_data",
                     {{"details",
                       "Message failed to send because more than 24 hours have passed since "
                       "the customer last replied to this number."}}},
                    {"href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}}});
  REQUIRE(post_signed(server, failed.dump())->status == 200);
  REQUIRE(post_signed(server, failed.dump())->status == 200);  // Meta redelivers notifications: counted once
  CHECK(metric(server, "netra_outbound_async_failures_total{channel=\"whatsapp\",code=\"131047\"}") == 1);
  // A message afterwards is the barrier: once its reply is out, a resend of anything would be too.
  REQUIRE(post_signed(server, whatsapp_text("wamid.after-failure", "halo"))->status == 200);
  REQUIRE(api.wait_for_delivered(kMessages, 1));
  CHECK(api.requests(kMessages).size() == 1);
  server.stop();
  std::string log = server.log();
  CHECK(log.find("event=delivery_failed channel=whatsapp code=131047 description=\"Re-engagement message: Message "
                 "failed to send because more than 24 hours") != std::string::npos);
  CHECK(log.find(kWaNumber) == std::string::npos);
  CHECK(log.find("HBgNNjI4MTIz") == std::string::npos);  // the wamid, which embeds the number
}
