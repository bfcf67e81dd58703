// nginx with the shipped deploy/nginx/netra.conf in front of the real `netra serve`, over TLS on loopback: what
// passes through untouched, what stops at the edge and never reaches Netra, and that Netra keeps answering while
// the edge holds misbehaving clients. Netra's own /metrics (read directly, not through nginx) counts every request
// Netra received, so each check can tell "nginx answered" from "Netra answered".
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "bot/crypto.h"
#include "deploy/nginx_process.h"
#include "deploy/tls_client.h"
#include "integration/desk_client.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::HttpResponse;
using netra::testing::NetraProcess;
using netra::testing::NginxProcess;
using netra::testing::TempDir;
using netra::testing::TlsClientContext;
using netra::testing::TlsConnection;
using netra::testing::add_reviewer;
using netra::testing::hidden_input;
using nlohmann::json;

namespace {

const std::string kAppSecret = "edge-app-secret";
const std::string kTelegramSecret = "edge-telegram-secret";

std::map<std::string, std::string> channels_env(const FakePlatform& api) {
  return {{"NETRA_WHATSAPP_TOKEN", "wa-token"},
          {"NETRA_WHATSAPP_APP_SECRET", kAppSecret},
          {"NETRA_WHATSAPP_API_BASE", api.base_url() + "/v21.0"},
          {"NETRA_TELEGRAM_TOKEN", "123:edge"},
          {"NETRA_TELEGRAM_SECRET", kTelegramSecret},
          {"NETRA_TELEGRAM_API_BASE", api.base_url()}};
}

std::string fixture(const std::string& name) {
  return netra::testing::read_file(netra::testing::test_data_dir() + "/fixtures/" + name);
}

// A WhatsApp notification laid out the way no JSON library would re-serialise it (indentation, CRLF, non-ASCII
// text, a trailing newline): if nginx or anything else changed one byte, the signature would no longer match.
std::string whatsapp_body(const std::string& wamid, const std::string& text) {
  auto notification = json::parse(fixture("whatsapp_text.json"));
  auto& message = notification["entry"][0]["changes"][0]["value"]["messages"][0];
  message["id"] = wamid;
  message["text"]["body"] = text;
  std::string body = notification.dump(3);
  std::string crlf;
  for (char c : body) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return crlf + "\r\n";
}

std::string signature(const std::string& body) {
  return "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body);
}

// How many requests Netra has received, by its own count (/metrics read directly on its port). The read itself is
// counted only from the next read on.
double netra_requests(const NetraProcess& netra) {
  // Netra counts a request just after sending its response: let the last one's count land first.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto metrics = netra.client().Get("/metrics");
  if (!metrics || metrics->status != 200) throw std::runtime_error("Netra's /metrics did not answer");
  double total = 0;
  std::istringstream lines(metrics->body);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("netra_http_requests_total{", 0) == 0) total += std::stod(line.substr(line.rfind(' ') + 1));
  }
  return total;
}

// Requests Netra received between two netra_requests() reads, not counting those reads.
struct ForwardedCounter {
  const NetraProcess& netra;
  double last;
  explicit ForwardedCounter(const NetraProcess& n) : netra(n), last(netra_requests(n)) {}
  // Forwarded since the previous call (or construction).
  double since_last() {
    double now = netra_requests(netra);
    double forwarded = now - last - 1;  // minus the previous direct read
    last = now;
    return forwarded;
  }
};

std::string ask_request(const std::string& question, const std::string& extra_headers = "") {
  std::string body = json{{"question", question}}.dump();
  return "POST /api/v1/ask HTTP/1.1\r\nHost: netra.example.id\r\nContent-Type: application/json\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("Through the nginx edge, answers and signed webhooks reach Netra byte for byte") {
  FakePlatform api;
  TempDir dir;
  NetraProcess netra(dir.file("var"), channels_env(api));
  NginxProcess edge(netra.port());
  auto https = edge.client();
  ForwardedCounter forwarded(netra);

  auto health = https.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(json::parse(health->body) == json{{"status", "ok"}});

  auto answer = https.Post("/api/v1/ask", R"({"question": "pak, sy guru PNS. boleh gk like postingan caleg di IG?"})",
                           "application/json");
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  CHECK(json::parse(answer->body)["verdict"] == "dilarang");

  // A signed WhatsApp notification: accepted (the signature matched the bytes Netra got) and answered.
  std::string body = whatsapp_body("wamid.edge-1", "pns boleh ikut kampanye? ✓ é 🗳️");
  auto signed_ok =
      https.Post("/webhook/whatsapp", {{"X-Hub-Signature-256", signature(body)}}, body, "application/json");
  REQUIRE(signed_ok);
  CHECK(signed_ok->status == 200);
  CHECK(api.wait_for_delivered("/messages", 1));
  // The same bytes with a signature of anything else: refused, so the check above was real.
  auto forged =
      https.Post("/webhook/whatsapp", {{"X-Hub-Signature-256", signature(body + " ")}}, body, "application/json");
  REQUIRE(forged);
  CHECK(forged->status == 401);

  // A chunked upload of a signed body: nginx reassembles it and forwards it with a Content-Length, same bytes.
  TlsClientContext trust(edge.ca_file());
  TlsConnection chunked(trust, edge.port());
  std::string second = whatsapp_body("wamid.edge-2", "kades boleh jadi tim sukses?");
  std::string request =
      "POST /webhook/whatsapp HTTP/1.1\r\nHost: netra.example.id\r\nContent-Type: application/json\r\n"
      "X-Hub-Signature-256: " +
      signature(second) + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (size_t at = 0; at < second.size(); at += 97) {
    std::string piece = second.substr(at, 97);
    std::ostringstream size;
    size << std::hex << piece.size();
    request += size.str() + "\r\n" + piece + "\r\n";
  }
  REQUIRE(chunked.send(request + "0\r\n\r\n"));
  auto chunked_responses = chunked.responses(1, std::chrono::seconds(10));
  REQUIRE(chunked_responses.size() == 1);
  CHECK(chunked_responses[0].status == 200);
  CHECK(api.wait_for_delivered("/messages", 2));

  // Telegram's secret header passes too.
  std::string update = fixture("telegram_text.json");
  auto telegram = https.Post("/webhook/telegram", {{"X-Telegram-Bot-Api-Secret-Token", kTelegramSecret}}, update,
                             "application/json");
  REQUIRE(telegram);
  CHECK(telegram->status == 200);
  CHECK(api.wait_for_delivered("/sendMessage", 1));
  CHECK(forwarded.since_last() == 6);  // healthz, ask, three WhatsApp posts, one Telegram post

  // /desk and everything under it is forwarded (Netra decides what it serves there) ...
  auto desk = https.Get("/desk");
  REQUIRE(desk);
  auto desk_login = https.Get("/desk/login");
  REQUIRE(desk_login);
  CHECK(forwarded.since_last() == 2);
  // ... while /metrics (however spelled), a look-alike of /desk, and anything else stop at nginx with a 404.
  for (const char* hidden :
       {"/metrics", "/metrics?format=prometheus", "/api/../metrics", "/desktop", "/", "/webhookx"}) {
    INFO(hidden);
    auto response = https.Get(hidden);
    REQUIRE(response);
    CHECK(response->status == 404);
  }
  CHECK(forwarded.since_last() == 0);
}

TEST_CASE("Chunked floods, endless header lines and pipelined requests are dealt with by nginx, not Netra") {
  TempDir dir;
  NetraProcess netra(dir.file("var"));
  NginxProcess edge(netra.port());
  TlsClientContext trust(edge.ca_file());
  ForwardedCounter forwarded(netra);

  // A chunked body that never ends: nginx stops it at client_max_body_size (413); Netra never sees the request.
  {
    TlsConnection flood(trust, edge.port());
    flood.send(
        "POST /api/v1/ask HTTP/1.1\r\nHost: netra.example.id\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n");
    std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    for (int sent = 0; sent < 64 && flood.send(chunk); ++sent) {
    }  // at most 4 MiB; nginx closes after 1 MiB
    auto responses = flood.responses(1, std::chrono::seconds(10));
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 413);
  }
  // A header line that does not end: refused as soon as it outgrows nginx's 8 KiB header buffers (400). The client
  // sends a little more than that and waits for the verdict (had it kept sending, nginx's close would reset the
  // connection before the response could be read).
  {
    TlsConnection endless(trust, edge.port());
    REQUIRE(endless.send("GET /healthz HTTP/1.1\r\nHost: netra.example.id\r\nX-Endless: " + std::string(10000, 'x')));
    auto responses = endless.responses(1, std::chrono::seconds(10));
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 400);
  }
  // A request line that does not end (414).
  {
    TlsConnection endless(trust, edge.port());
    REQUIRE(endless.send("GET /healthz?" + std::string(10000, 'q')));
    auto responses = endless.responses(1, std::chrono::seconds(10));
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 414);
  }
  CHECK(forwarded.since_last() == 0);

  // Three requests in one write: nginx answers them in order, forwarding each as a request of its own.
  TlsConnection pipelined(trust, edge.port());
  REQUIRE(pipelined.send("GET /healthz HTTP/1.1\r\nHost: netra.example.id\r\n\r\n" +
                         ask_request("kades boleh ikut kampanye caleg?") +
                         "GET /healthz HTTP/1.1\r\nHost: netra.example.id\r\nConnection: close\r\n\r\n"));
  auto responses = pipelined.responses(3, std::chrono::seconds(15));
  REQUIRE(responses.size() == 3);
  CHECK(responses[0].status == 200);
  CHECK(json::parse(responses[0].body) == json{{"status", "ok"}});
  CHECK(responses[1].status == 200);
  CHECK(json::parse(responses[1].body)["intent"] == "question");
  CHECK(responses[2].status == 200);
  CHECK(forwarded.since_last() == 3);

  // And Netra answers as usual afterwards.
  auto after = edge.client().Get("/healthz");
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("150 slow clients held at the nginx edge do not stall Netra, and nginx drops them after its time-outs") {
  TempDir dir;
  NetraProcess netra(dir.file("var"));
  NginxProcess edge(netra.port());
  TlsClientContext trust(edge.ca_file());
  ForwardedCounter forwarded(netra);

  // Even ones trickle a header that never ends, odd ones a body shorter than its Content-Length.
  std::vector<std::unique_ptr<TlsConnection>> slow;
  for (int i = 0; i < 150; ++i) {
    slow.push_back(std::make_unique<TlsConnection>(trust, edge.port()));
    if (i % 2 == 0) {
      slow.back()->send("GET /healthz HTTP/1.1\r\nHost: netra.example.id\r\nX-Slow: ");
    } else {
      slow.back()->send(
          "POST /webhook/telegram HTTP/1.1\r\nHost: netra.example.id\r\nContent-Type: application/json\r\n"
          "Content-Length: 4096\r\n\r\n{\"update_id\": ");
    }
  }
  auto closed = [&](int parity) {
    size_t count = 0;
    for (size_t i = parity; i < slow.size(); i += 2) {
      slow[i]->receive(std::chrono::milliseconds(0));
      if (slow[i]->closed()) ++count;
    }
    return count;
  };

  // Every client sends one more byte a second. A header gets client_header_timeout (10 s) in all, however it
  // trickles; a body gets client_body_timeout (10 s) between two reads, so the body tricklers stay. Meanwhile a
  // question through nginx and a health check on Netra's own port are answered every second.
  auto https = edge.client();
  int rounds = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  while (closed(0) < 75 && std::chrono::steady_clock::now() < deadline) {
    for (auto& connection : slow) {
      if (!connection->closed()) connection->send("1");
    }
    auto answer = https.Post("/api/v1/ask", R"({"question": "pns boleh like postingan caleg?"})", "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 200);
    auto direct = netra.client().Get("/healthz");
    REQUIRE(direct);
    CHECK(direct->status == 200);
    ++rounds;
    std::this_thread::sleep_for(std::chrono::seconds(1));  // on purpose: rounds spread over the attack's duration
  }
  CHECK(closed(0) == 75);
  CHECK(closed(1) == 0);
  CHECK(rounds >= 5);
  // Only the normal requests and the direct health checks reached Netra.
  CHECK(forwarded.since_last() == 2 * rounds);

  // Once they stop sending, nginx drops the body tricklers too; none of them ever reached Netra.
  deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (closed(1) < 75 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  CHECK(closed(1) == 75);
  CHECK(forwarded.since_last() == 0);
}

TEST_CASE("A burst of questions from one address is cut to the configured rate at the edge") {
  TempDir dir;
  NetraProcess netra(dir.file("var"));
  NginxProcess edge(netra.port());
  ForwardedCounter forwarded(netra);
  auto https = edge.client();
  https.set_keep_alive(true);
  int answered = 0, limited = 0;
  for (int i = 0; i < 60; ++i) {
    auto response =
        https.Post("/api/v1/ask", R"({"question": "kades boleh pasang baliho caleg?"})", "application/json");
    REQUIRE(response);
    if (response->status == 200) ++answered;
    if (response->status == 429) ++limited;
  }
  CHECK(answered >= 20);  // the burst allowance
  CHECK(limited >= 1);
  CHECK(answered + limited == 60);
  CHECK(forwarded.since_last() == answered);
}

TEST_CASE("Through the upstream block (the several-replicas layout, with keep-alive) requests and webhooks pass") {
  FakePlatform api;
  TempDir dir;
  NetraProcess netra(dir.file("var"), channels_env(api));
  NginxProcess edge(netra.port(), NginxProcess::Routing::upstream);
  REQUIRE(edge.site_config().find("proxy_pass http://netra;") != std::string::npos);
  auto https = edge.client();
  https.set_keep_alive(true);
  for (int i = 0; i < 5; ++i) {
    auto answer = https.Post("/api/v1/ask", R"({"question": "sanksi asn tidak netral apa?"})", "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 200);
  }
  std::string body = whatsapp_body("wamid.edge-upstream", "halo");
  auto webhook = https.Post("/webhook/whatsapp", {{"X-Hub-Signature-256", signature(body)}}, body, "application/json");
  REQUIRE(webhook);
  CHECK(webhook->status == 200);
  CHECK(api.wait_for_delivered("/messages", 1));
}

// The reviewer desk behind the edge as deployed: nginx passes Host $host (no port) and X-Forwarded-Proto https, the
// browser sends its own https origin; the desk's origin check and Secure cookies must work with exactly that.
TEST_CASE("Through the nginx edge a reviewer signs in to the desk, a forged form stops, a burst on /desk is cut") {
  TempDir dir;
  std::string password = add_reviewer(dir.file("var"), "ani");
  NetraProcess netra(dir.file("var"));
  NginxProcess edge(netra.port());
  auto https = edge.client();
  std::string own_origin = "https://127.0.0.1:" + std::to_string(edge.port());

  auto form = https.Get("/desk");
  REQUIRE(form);
  REQUIRE(form->status == 200);
  CHECK(form->body.find("name=\"password\"") != std::string::npos);
  std::string login_cookie = form->get_header_value("Set-Cookie");
  CHECK(login_cookie.find("; Secure") != std::string::npos);
  std::string token = hidden_input(form->body, "csrf_token");
  REQUIRE(token.size() == 64);
  auto sign_in = [&](const std::string& origin) {
    httplib::Headers headers = {{"Cookie", "netra_desk_login=" + token}, {"Origin", origin}};
    return https.Post("/desk/login", headers,
                      httplib::Params{{"name", "ani"}, {"password", password}, {"csrf_token", token}});
  };
  // Another site's page posting the login form (with a stolen token, even): refused.
  auto forged = sign_in("https://netra.example.id.evil.example");
  REQUIRE(forged);
  CHECK(forged->status == 403);
  auto signed_in = sign_in(own_origin);
  REQUIRE(signed_in);
  REQUIRE(signed_in->status == 303);
  std::string session_cookie;
  for (size_t i = 0, n = signed_in->get_header_value_count("Set-Cookie"); i < n; ++i) {
    std::string header = signed_in->get_header_value("Set-Cookie", i);
    if (header.rfind("netra_desk=", 0) != 0) continue;
    CHECK(header.find("; Secure") != std::string::npos);
    CHECK(header.find("; HttpOnly") != std::string::npos);
    CHECK(header.find("; SameSite=Strict") != std::string::npos);
    session_cookie = header.substr(0, header.find(';'));
  }
  REQUIRE(!session_cookie.empty());
  auto list = https.Get("/desk", {{"Cookie", session_cookie}});
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(list->body.find("name=\"kabupaten\"") != std::string::npos);

  // One address asking for desk pages far faster than a person does: nginx answers the excess with 429 itself.
  ForwardedCounter forwarded(netra);
  https.set_keep_alive(true);
  int served = 0, limited = 0;
  for (int i = 0; i < 40; ++i) {
    auto response = https.Get("/desk", {{"Cookie", session_cookie}});
    REQUIRE(response);
    if (response->status == 200) ++served;
    if (response->status == 429) ++limited;
  }
  CHECK(served >= 5);  // the burst allowance (10), less what the sign-in used
  CHECK(limited >= 1);
  CHECK(served + limited == 40);
  CHECK(forwarded.since_last() == served);
}
