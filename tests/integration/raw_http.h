// A raw TCP connection to a server on 127.0.0.1, for requests httplib::Client will not send (chunked bodies,
// duplicate Content-Length, Expect: 100-continue, bodies on GET) and to see exactly what the server answers and
// whether it then closes the connection.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace netra::testing {

struct RawResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;                                 // by Content-Length; empty for 1xx
  std::string header(const std::string& lower_name) const {
    auto found = headers.find(lower_name);
    return found == headers.end() ? std::string() : found->second;
  }
};

class RawConnection {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error when it cannot.
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends the bytes. False when the server has already closed or reset the connection.
  bool send(std::string_view bytes);
  // Reads one response (status line, headers, then Content-Length bytes of body). nullopt when nothing complete
  // arrives within `timeout` or the connection ends first.
  std::optional<RawResponse> read_response(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server ends the connection (EOF or reset) within `timeout` without sending anything more.
  bool closed_by_server(std::chrono::milliseconds timeout = std::chrono::seconds(3));

 private:
  // Appends what arrives within the deadline to buffer_; false on time-out, EOF or error.
  bool receive_more(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;  // received, not yet consumed
  bool ended_ = false;  // EOF or reset seen
};

}  // namespace netra::testing
