// A raw TLS client for edge tests: it sends exactly the bytes a test gives it (a header that never ends, a chunked
// flood, several pipelined requests in one write, one byte at a time) and parses whatever HTTP responses come back.
// httplib's client cannot misbehave like that on purpose.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace netra::testing {

// One TLS client configuration, trusting only the given CA (PEM) and checking that the server's certificate is for
// 127.0.0.1. Shared by many connections.
class TlsClientContext {
 public:
  explicit TlsClientContext(const std::string& ca_file);
  ~TlsClientContext();
  TlsClientContext(const TlsClientContext&) = delete;
  TlsClientContext& operator=(const TlsClientContext&) = delete;
  SSL_CTX* get() const { return context_; }

 private:
  SSL_CTX* context_ = nullptr;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;                            // de-chunked
};

// Complete HTTP/1.1 responses at the start of `data`, in order; `consumed` (OUT, optional) gets how many bytes
// they took. A response whose body has not fully arrived is not returned.
std::vector<HttpResponse> parse_responses(const std::string& data, size_t* consumed = nullptr);

class TlsConnection {
 public:
  // Connects to 127.0.0.1:port and completes the handshake. Throws std::runtime_error when either fails.
  TlsConnection(const TlsClientContext& context, int port);
  ~TlsConnection();
  TlsConnection(const TlsConnection&) = delete;
  TlsConnection& operator=(const TlsConnection&) = delete;

  // Sends all of `bytes`. False when the peer closed or reset the connection (or a write stalled for 5 s).
  // A send that succeeds may still be lost if the peer closes meanwhile: read to find out.
  bool send(const std::string& bytes);
  // Appends to received() what arrives within `timeout`. False once the peer has closed the connection.
  bool receive(std::chrono::milliseconds timeout);
  // Receives until `count` complete responses have arrived, the peer closed, or `timeout` passed; returns those
  // that arrived.
  std::vector<HttpResponse> responses(size_t count, std::chrono::milliseconds timeout);
  const std::string& received() const { return received_; }
  bool closed() const { return closed_; }
  // Why the connection counts as closed (for failure messages).
  const std::string& close_reason() const { return close_reason_; }

 private:
  void mark_closed(const char* during, int result);

  int fd_ = -1;
  SSL* ssl_ = nullptr;
  std::string received_;
  bool closed_ = false;
  std::string close_reason_;
};

}  // namespace netra::testing
