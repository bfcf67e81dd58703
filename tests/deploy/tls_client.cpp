#include "deploy/tls_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace netra::testing {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string openssl_error() {
  char buffer[256] = {};
  ERR_error_string_n(ERR_get_error(), buffer, sizeof(buffer));
  return buffer;
}

// A chunked body starting at data[at]: appends it to `body` and returns the offset after it, or npos if incomplete.
size_t parse_chunked(const std::string& data, size_t at, std::string& body) {
  while (true) {
    size_t line_end = data.find("\r\n", at);
    if (line_end == std::string::npos) return std::string::npos;
    size_t size = std::stoul(data.substr(at, line_end - at), nullptr, 16);
    at = line_end + 2;
    if (size == 0) {
      size_t trailer_end = data.find("\r\n", at);  // no trailers from nginx: just the final CRLF
      return trailer_end == std::string::npos ? std::string::npos : trailer_end + 2;
    }
    if (data.size() < at + size + 2) return std::string::npos;
    body += data.substr(at, size);
    at += size + 2;
  }
}

}  // namespace

TlsClientContext::TlsClientContext(const std::string& ca_file) : context_(SSL_CTX_new(TLS_client_method())) {
  // OpenSSL writes with plain write(): a write to a connection the server already closed must fail, not kill the
  // test process.
  ::signal(SIGPIPE, SIG_IGN);
  if (!context_ || SSL_CTX_load_verify_locations(context_, ca_file.c_str(), nullptr) != 1) {
    throw std::runtime_error("cannot set up a TLS client with " + ca_file + ": " + openssl_error());
  }
  SSL_CTX_set_verify(context_, SSL_VERIFY_PEER, nullptr);
}

TlsClientContext::~TlsClientContext() {
  SSL_CTX_free(context_);
}

std::vector<HttpResponse> parse_responses(const std::string& data, size_t* consumed) {
  std::vector<HttpResponse> responses;
  size_t at = 0;
  while (true) {
    size_t head_end = data.find("\r\n\r\n", at);
    if (head_end == std::string::npos) break;
    HttpResponse response;
    size_t line_end = data.find("\r\n", at);
    std::string status_line = data.substr(at, line_end - at);  // HTTP/1.1 200 OK
    if (status_line.size() < 12 || status_line.rfind("HTTP/1.", 0) != 0) break;
    response.status = std::stoi(status_line.substr(9, 3));
    for (size_t line = line_end + 2; line < head_end;) {
      size_t end = data.find("\r\n", line);
      std::string header = data.substr(line, end - line);
      size_t colon = header.find(':');
      if (colon != std::string::npos) {
        std::string value = header.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        response.headers[lower(header.substr(0, colon))] = value;
      }
      line = end + 2;
    }
    size_t body_start = head_end + 4;
    size_t next = std::string::npos;
    if (lower(response.headers["transfer-encoding"]).find("chunked") != std::string::npos) {
      next = parse_chunked(data, body_start, response.body);
    } else {
      size_t length = response.headers.count("content-length") ? std::stoul(response.headers["content-length"]) : 0;
      if (data.size() >= body_start + length) {
        response.body = data.substr(body_start, length);
        next = body_start + length;
      }
    }
    if (next == std::string::npos) break;
    responses.push_back(std::move(response));
    at = next;
  }
  if (consumed) *consumed = at;
  return responses;
}

TlsConnection::TlsConnection(const TlsClientContext& context, int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    std::string reason = std::strerror(errno);
    if (fd_ >= 0) ::close(fd_);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + reason);
  }
  timeval handshake_wait{5, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &handshake_wait, sizeof(handshake_wait));
  ssl_ = SSL_new(context.get());
  SSL_set_fd(ssl_, fd_);
  SSL_set1_host(ssl_, "127.0.0.1");
  if (SSL_connect(ssl_) != 1) {
    std::string reason = openssl_error();
    SSL_free(ssl_);
    ::close(fd_);
    throw std::runtime_error("TLS handshake with 127.0.0.1:" + std::to_string(port) + " failed: " + reason);
  }
  // From here on every wait is a poll() with the caller's time-out: a read never blocks on, say, a TLS 1.3 session
  // ticket that carries no application data.
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

TlsConnection::~TlsConnection() {
  SSL_free(ssl_);
  ::close(fd_);
}

void TlsConnection::mark_closed(const char* during, int result) {
  int error = SSL_get_error(ssl_, result);
  closed_ = true;
  close_reason_ = std::string(during) + ": SSL error " + std::to_string(error) + " (" + openssl_error() + ")";
}

bool TlsConnection::send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size() && !closed_) {
    int written = SSL_write(ssl_, bytes.data() + sent, static_cast<int>(std::min<size_t>(bytes.size() - sent, 16384)));
    if (written > 0) {
      sent += static_cast<size_t>(written);
      continue;
    }
    int error = SSL_get_error(ssl_, written);
    if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
      pollfd ready{fd_, static_cast<short>(error == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN), 0};
      if (::poll(&ready, 1, 5000) > 0) continue;
      closed_ = true;
      close_reason_ = "write: stalled for 5 s";
      break;
    }
    mark_closed("write", written);
  }
  return !closed_;
}

bool TlsConnection::receive(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!closed_) {
    char buffer[16384];
    int got = SSL_read(ssl_, buffer, sizeof(buffer));
    if (got > 0) {
      received_.append(buffer, static_cast<size_t>(got));
      continue;
    }
    if (SSL_get_error(ssl_, got) != SSL_ERROR_WANT_READ) {
      mark_closed("read", got);
      break;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
  }
  return !closed_;
}

std::vector<HttpResponse> TlsConnection::responses(size_t count, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto parsed = parse_responses(received_);
  while (parsed.size() < count && !closed_ && std::chrono::steady_clock::now() < deadline) {
    receive(std::chrono::milliseconds(100));
    parsed = parse_responses(received_);
  }
  return parsed;
}

}  // namespace netra::testing
