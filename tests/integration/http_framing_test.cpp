// HTTP framing through the real `netra serve`, over raw sockets on 127.0.0.1: the requests the packaged
// cpp-httplib 0.11.4 mishandles are refused from their headers alone — the tests send no body at all and still get
// the final status — with Connection: close, and the server really closes the connection, so no byte after the
// headers is ever read as another request.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "integration/netra_process.h"
#include "integration/raw_http.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::RawConnection;
using netra::testing::RawResponse;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kToken = "123456:FRAMING-token";

std::map<std::string, std::string> server_env() {
  // Telegram on (its API is never reached: nothing here gets past the framing check or asks the bot anything
  // that needs a reply), so the webhook route exists.
  return {{"NETRA_TELEGRAM_TOKEN", kToken}, {"NETRA_TELEGRAM_API_BASE", "http://127.0.0.1:9"}};
}

// The response to `request` (headers only, or headers and part of a body) on a fresh connection.
RawResponse refused(const std::string& request, RawConnection& connection) {
  REQUIRE(connection.send(request));
  auto response = connection.read_response();
  REQUIRE(response);
  return *response;
}

// A refusal the way it must look: the status, a JSON error, Connection: close, no keep-alive offered, and the
// server ending the connection after it.
void check_refused_and_closed(const RawResponse& response, RawConnection& connection, int status) {
  CHECK(response.status == status);
  CHECK(response.header("connection") == "close");
  CHECK(response.header("keep-alive").empty());
  CHECK(response.headers.count("content-length") == 1);
  CHECK(json::parse(response.body).contains("error"));
  CHECK(connection.closed_by_server());
}

double metric(const NetraProcess& server, const std::string& series) {
  auto response = server.client().Get("/metrics");
  REQUIRE(response);
  size_t at = response->body.find("\n" + series + " ");
  return at == std::string::npos ? 0 : std::stod(response->body.substr(at + series.size() + 2));
}

}  // namespace

// CVE-2025-46728 (GHSA-px83-72rx-v57c): cpp-httplib before 0.20.1 reads a chunked body whole, ignoring
// set_payload_max_length. The platforms send Content-Length, so every chunked body is refused.
TEST_CASE("A chunked webhook body gets 411 from its headers, and the connection is closed unread") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  auto response = refused(
      "POST /webhook/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n",
      connection);
  check_refused_and_closed(response, connection, 411);
  CHECK(metric(server, "netra_errors_total{kind=\"http_framing\"}") == 1);
}

// CVE-2025-46728 again, with the body on its way: 64 KiB of a chunk announced as 16 MiB. The refusal comes at
// once; the rest of the body is never read and the server stays healthy.
TEST_CASE("A chunked body announced far beyond the limit is refused without reading it") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  std::string start =
      "POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n1000000\r\n" +
      std::string(64 * 1024, 'a');
  auto response = refused(start, connection);
  CHECK(response.status == 411);
  CHECK(response.header("connection") == "close");
  CHECK(connection.closed_by_server());
  auto health = server.client().Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

// Request smuggling with duplicate Content-Length (postrank-labs/goliath#351, tinyproxy/tinyproxy#609): a proxy
// that takes the first value forwards 0 bytes of body, httplib would take one of them; either way the bytes after
// the headers — here a whole second request — must never be answered.
TEST_CASE("Two Content-Length headers get 400 and the request hidden behind them is never answered") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  const std::string hidden = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  for (const std::string& second : {std::to_string(hidden.size()), std::string("0")}) {
    INFO("second Content-Length: " << second);
    RawConnection connection(server.port());
    auto response =
        refused("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: " + second +
                    "\r\n\r\n" + hidden,
                connection);
    check_refused_and_closed(response, connection, 400);
  }
}

// RFC 9112 §6.1 (and yhirose/cpp-httplib#2516, litespeedtech/openlitespeed#392): Content-Length together with
// Transfer-Encoding is the CL.TE smuggling shape; it is refused, whatever the order of the two headers.
TEST_CASE("Content-Length together with Transfer-Encoding gets 400 and the connection is closed") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  for (const std::string& headers : {std::string("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n"),
                                     std::string("Transfer-Encoding: chunked\r\nContent-Length: 0\r\n")}) {
    INFO(headers);
    RawConnection connection(server.port());
    auto response = refused("POST /webhook/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n", connection);
    check_refused_and_closed(response, connection, 400);
  }
}

// kazuho/Starlet#34: a Content-Length with anything but digits is refused. httplib reads it with strtoull, so
// "12abc" would be 12 and "-1" a 16-exabyte body.
TEST_CASE("A Content-Length that is not plain digits gets 400") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  for (const std::string value : {"12abc", "-1", "+5", "0x10", "1 2", "99999999999999999999"}) {
    INFO("Content-Length: " << value);
    RawConnection connection(server.port());
    auto response =
        refused("POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + value + "\r\n\r\n", connection);
    check_refused_and_closed(response, connection, 400);
  }
}

// seanmonstar/warp#383, oven-sh/bun#34960: a client that asks "may I send 64 MiB?" must be told 413, not
// "100 Continue" followed by reading (and discarding) the whole body.
TEST_CASE("Expect: 100-continue with a 64 MiB Content-Length gets 413, never 100 Continue") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  auto response = refused(
      "POST /webhook/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 67108864\r\nExpect: 100-continue\r\n\r\n",
      connection);
  CHECK(response.status != 100);
  check_refused_and_closed(response, connection, 413);
}

// The same limit without Expect: httplib 0.11.4 would first read and discard all 64 MiB (skip_content_with_length)
// before answering; the answer now comes from the headers while the client has sent no body at all.
TEST_CASE("A Content-Length above the body limit gets 413 before any of the body is sent") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  auto response =
      refused("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 67108864\r\n\r\n", connection);
  check_refused_and_closed(response, connection, 413);
}

// httplib 0.11.4 reads no body for GET (detail::expect_content), so the "body" of a GET would be parsed as the
// next request on the connection: the GET.CL smuggling shape (PortSwigger's request-smuggling research).
TEST_CASE("A GET with a body gets 400 and the request inside that body is never answered") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  const std::string hidden = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  RawConnection connection(server.port());
  auto response =
      refused("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + std::to_string(hidden.size()) +
                  "\r\n\r\n" + hidden,
              connection);
  check_refused_and_closed(response, connection, 400);
}

// Without Content-Length (and without Transfer-Encoding) httplib 0.11.4 reads a POST body until the client
// closes (read_content_without_length), holding a thread for as long as the client likes.
TEST_CASE("A POST without Content-Length gets 411 at once") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  auto response = refused("POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", connection);
  check_refused_and_closed(response, connection, 411);
}

// httplib inflates a gzip, deflate or br request body with no size limit, so a 1 MiB body can become gigabytes
// (postmanlabs/httpbin#577, headroomlabs-ai/headroom#3284 on decompression bombs).
TEST_CASE("A compressed request body gets 415 before it is inflated") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  auto response = refused(
      "POST /webhook/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Encoding: gzip\r\nContent-Length: 20\r\n\r\n",
      connection);
  check_refused_and_closed(response, connection, 415);
}

TEST_CASE("Well-framed requests keep their keep-alive connection, and a small Expect: 100-continue is invited") {
  TempDir dir;
  NetraProcess server(dir.file("var"), server_env());
  RawConnection connection(server.port());
  const std::string body = R"({"question":"kades boleh ikut kampanye?"})";
  const std::string request =
      "POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n";
  for (int i = 0; i < 2; ++i) {
    REQUIRE(connection.send(request + "\r\n" + body));
    auto response = connection.read_response();
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->header("connection") != "close");
    CHECK(json::parse(response->body).contains("verdict"));
  }
  REQUIRE(connection.send(request + "Expect: 100-continue\r\n\r\n"));
  auto invited = connection.read_response();
  REQUIRE(invited);
  CHECK(invited->status == 100);
  REQUIRE(connection.send(body));
  auto answered = connection.read_response();
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK_FALSE(connection.closed_by_server(std::chrono::milliseconds(300)));
  CHECK(metric(server, "netra_errors_total{kind=\"http_framing\"}") == 0);
}
