// The HTTP surface of `netra serve` over real loopback HTTP: health, metrics, the JSON APIs, limits and errors.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <nlohmann/json.hpp>

#include "integration/netra_process.h"
#include "integration/raw_http.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

// One server for the read-only checks of this file: starting one costs ~0.3 s.
NetraProcess& shared_server() {
  static TempDir dir;
  static NetraProcess server(dir.file("var"));
  return server;
}

}  // namespace

TEST_CASE("GET /healthz answers ok") {
  auto response = shared_server().client().Get("/healthz");
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(json::parse(response->body) == json{{"status", "ok"}});
}

TEST_CASE("POST /api/v1/ask answers a question with a citation") {
  auto response = shared_server().client().Post(
      "/api/v1/ask", R"({"question": "pak, sy guru PNS. boleh gk like postingan caleg di IG?"})", "application/json");
  REQUIRE(response);
  REQUIRE(response->status == 200);
  auto answer = json::parse(response->body);
  CHECK(answer["intent"] == "question");
  CHECK(answer["verdict"] == "dilarang");
  REQUIRE_FALSE(answer["citations"].empty());
  CHECK_FALSE(answer["citations"][0]["source"].get<std::string>().empty());
}

TEST_CASE("POST /api/v1/ask with a role uses it") {
  auto response = shared_server().client().Post(
      "/api/v1/ask", R"({"question": "boleh hadir deklarasi paslon?", "role": "kades"})", "application/json");
  REQUIRE(response);
  CHECK(response->status == 200);
}

namespace {

// The value of an unlabelled counter or gauge in a /metrics text, -1 when it is missing.
double metric_value(const std::string& text, const std::string& name) {
  auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("A repeated /api/v1/ask gets the same answer from the response cache — another role is asked anew") {
  TempDir dir;
  NetraProcess server(dir.file("var"));
  auto client = server.client();
  // The message names no role, so the asker's role decides the answer (a message naming "kades" is about a kades
  // whoever asks).
  const std::string question = R"({"question": "boleh ikut kampanye caleg?", "role": "kades"})";
  auto first = client.Post("/api/v1/ask", question, "application/json");
  auto second = client.Post("/api/v1/ask", question, "application/json");
  REQUIRE(first);
  REQUIRE(second);
  REQUIRE(first->status == 200);
  CHECK(second->status == 200);
  CHECK(second->body == first->body);
  CHECK(second->get_header_value("Content-Type") == "application/json");
  auto as_citizen =
      client.Post("/api/v1/ask", R"({"question": "boleh ikut kampanye caleg?", "role": "citizen"})",
                  "application/json");
  REQUIRE(as_citizen);
  CHECK(json::parse(as_citizen->body)["audience"] == "citizen");
  CHECK(json::parse(first->body)["audience"] == "kades");
  CHECK(json::parse(as_citizen->body)["verdict"] != json::parse(first->body)["verdict"]);
  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metric_value(metrics->body, "netra_ask_cache_hits_total") == 1);
  CHECK(metric_value(metrics->body, "netra_answer_cache_misses_total") == 2);
}

TEST_CASE("Bad input to /api/v1/ask is a 400 with an error message, never a 500") {
  auto client = shared_server().client();
  for (const char* body : {R"({"question": )", R"([1, 2])", R"({"q": "x"})", R"({"question": 5})",
                           R"({"question": "   "})", R"({"question": "x", "role": "presiden"})", ""}) {
    auto response = client.Post("/api/v1/ask", body, "application/json");
    REQUIRE(response);
    CHECK(response->status == 400);
    CHECK(json::parse(response->body).contains("error"));
  }
}

TEST_CASE("Malformed JSON to /api/v1/chat is a 400") {
  auto response = shared_server().client().Post("/api/v1/chat", "{\"session\": \"a\", \"text\": ", "application/json");
  REQUIRE(response);
  CHECK(response->status == 400);
}

TEST_CASE("POST /api/v1/chat runs the conversational bot and answers a question with a citation") {
  auto client = shared_server().client();
  auto response = client.Post("/api/v1/chat",
                              R"({"session": "web-test-1", "text": "sy kades. boleh hadir di acara deklarasi paslon bupati?"})",
                              "application/json");
  REQUIRE(response);
  REQUIRE(response->status == 200);
  auto body = json::parse(response->body);
  CHECK(body["intent"] == "question");
  REQUIRE_FALSE(body["replies"].empty());
  std::string text = body["replies"][0];
  CHECK(text.find("Pasal") != std::string::npos);
}

TEST_CASE("POST /api/v1/chat greets with the menu") {
  auto response = shared_server().client().Post("/api/v1/chat", R"({"session": "web-test-2", "text": "halo"})",
                                                "application/json");
  REQUIRE(response);
  REQUIRE(response->status == 200);
  CHECK_FALSE(json::parse(response->body)["replies"].empty());
}

TEST_CASE("An unknown route is a 404 with a JSON body") {
  auto response = shared_server().client().Get("/wp-login.php");
  REQUIRE(response);
  CHECK(response->status == 404);
  CHECK(json::parse(response->body).contains("error"));
}

TEST_CASE("A 16 MiB body is refused with 413") {
  // A raw socket, because the refusal comes from the headers and the connection is closed while the body is still
  // being sent: httplib::Client would report only the broken write, not the answer already waiting to be read.
  netra::testing::RawConnection connection(shared_server().port());
  std::string body(16 * 1024 * 1024, 'a');
  connection.send("POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n" + body);  // cut short by the server: not checked
  auto response = connection.read_response();
  REQUIRE(response);
  CHECK(response->status == 413);
}

TEST_CASE("A channel without credentials is off and its webhooks answer 404") {
  auto client = shared_server().client();
  auto telegram = client.Post("/webhook/telegram", R"({"update_id": 1})", "application/json");
  REQUIRE(telegram);
  CHECK(telegram->status == 404);
  auto whatsapp = client.Post("/webhook/whatsapp", "{}", "application/json");
  REQUIRE(whatsapp);
  CHECK(whatsapp->status == 404);
  auto verify = client.Get("/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
  REQUIRE(verify);
  CHECK(verify->status == 404);
  CHECK(shared_server().log().find("name=telegram state=off") != std::string::npos);
}

TEST_CASE("GET /metrics exposes requests, replies, queue depth, latency and reports") {
  auto client = shared_server().client();
  client.Get("/healthz");
  // httplib calls the logger that counts a request after the response is written, so the count may trail the
  // response by a moment: poll briefly for it.
  const std::string healthz_line = "netra_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}";
  auto response = client.Get("/metrics");
  for (int attempt = 0; attempt < 100 && response && response->body.find(healthz_line) == std::string::npos;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    response = client.Get("/metrics");
  }
  REQUIRE(response);
  CHECK(response->status == 200);
  const std::string& text = response->body;
  CHECK(text.find("netra_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}") != std::string::npos);
  CHECK(text.find("# TYPE netra_answer_seconds histogram") != std::string::npos);
  CHECK(text.find("netra_outbound_queue_depth") != std::string::npos);
  CHECK(text.find("netra_reports_filed_total") != std::string::npos);
  CHECK(text.find("netra_replies_sent_total") != std::string::npos);
}

TEST_CASE("Many keep-alive connections at once are all served") {
  // More connections than a default 8-thread pool: each must still get answers quickly.
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (int i = 0; i < 64; ++i) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", shared_server().port());
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    client->set_read_timeout(std::chrono::seconds(3));
    clients.push_back(std::move(client));
  }
  for (int round = 0; round < 2; ++round) {
    for (auto& client : clients) {
      auto response = client->Get("/healthz");
      REQUIRE(response);
      CHECK(response->status == 200);
    }
  }
}

TEST_CASE("netra serve stops cleanly on SIGTERM") {
  TempDir dir;
  NetraProcess server(dir.file("var"));
  CHECK(server.stop() == 0);
  CHECK(server.log().find("event=stopped") != std::string::npos);
}
