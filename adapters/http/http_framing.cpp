#include "adapters/http/http_framing.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include "adapters/http/http_json.h"
#include "knowledge/strings.h"

namespace netra::adapters {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// RFC 9110 §8.6: Content-Length = 1*DIGIT. httplib reads it with strtoull, which takes "12abc" as 12 and
// "-1" as a huge number; only plain digits (at most 19, so the value fits in 64 bits) are a length here.
std::optional<uint64_t> content_length_of(std::string_view value) {
  value = trim_spaces(value);
  if (value.empty() || value.size() > 19) return std::nullopt;
  uint64_t length = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    length = length * 10 + static_cast<uint64_t>(c - '0');
  }
  return length;
}

// The methods whose body httplib 0.11.4 reads (detail::expect_content); for any other method a body is left on
// the connection and read as the next request.
bool reads_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" || method == "PRI";
}

// "Transfer-Encoding : chunked" is not the header httplib looks for, but a proxy in front may take it as one:
// a name with white space in it is refused outright (RFC 9112 §5.1: a server MUST reject it with 400).
bool has_malformed_header_name(const httplib::Request& request) {
  return std::any_of(request.headers.begin(), request.headers.end(),
                     [](const auto& header) { return header.first.find_first_of(" \t") != std::string::npos; });
}

void answer_refusal(const httplib::Request& request, httplib::Response& response, const FramingRefusal& refusal) {
  send_error(response, refusal.status, refusal.reason);
  response.set_header("Connection", "close");
  // httplib hands the hooks its own non-const Request object. Two of its fields would stop close_after_writing
  // from enforcing the close: a HEAD response writes no body (so the body-writing trick below never runs) and a
  // Range header makes httplib slice the body. A refused request gets neither.
  auto& owned = const_cast<httplib::Request&>(request);
  owned.ranges.clear();
  if (owned.method == "HEAD") owned.method = "GET";
}

// The post-routing hook. httplib 0.11.4 keeps a connection open after a response that says "Connection: close"
// unless the client asked for the close; after a refusal the unread body would then be parsed as the next request.
// It does close a connection whose response body could not be written: so the body is handed to httplib as a
// content provider that writes all of it and then reports failure. The client gets the whole response
// (Content-Length is exact), then the connection ends.
void close_after_writing(const httplib::Request& request, httplib::Response& response) {
  if (response.get_header_value("Connection") != "close" || response.body.empty() || !request.ranges.empty() ||
      request.method == "HEAD") {
    return;
  }
  auto body = std::make_shared<std::string>(std::move(response.body));
  response.body.clear();
  // write_response_core may have added its own Connection header and a Keep-Alive one, and apply_ranges a
  // Content-Length: keep exactly one of each that applies.
  response.headers.erase("Connection");
  response.headers.erase("Keep-Alive");
  response.headers.erase("Content-Length");
  response.set_header("Connection", "close");
  response.set_header("Content-Length", std::to_string(body->size()));
  response.content_length_ = body->size();
  response.content_provider_ = [body](size_t offset, size_t length, httplib::DataSink& sink) {
    sink.write(body->data() + offset, std::min(length, body->size() - offset));
    return false;  // "cancelled": httplib stops serving this connection and closes it
  };
}

}  // namespace

std::optional<FramingRefusal> check_framing(const httplib::Request& request, size_t max_body_bytes) {
  size_t lengths = request.get_header_value_count("Content-Length");
  bool transfer_encoding = request.has_header("Transfer-Encoding");
  if (has_malformed_header_name(request)) return FramingRefusal{400, "white space in a header name"};
  if (transfer_encoding && lengths > 0) return FramingRefusal{400, "Content-Length together with Transfer-Encoding"};
  if (transfer_encoding) {
    return FramingRefusal{411, "send the body with Content-Length; Transfer-Encoding is not accepted"};
  }
  if (lengths > 1) return FramingRefusal{400, "more than one Content-Length"};
  std::optional<uint64_t> length;
  if (lengths == 1) {
    length = content_length_of(request.get_header_value("Content-Length"));
    if (!length) return FramingRefusal{400, "malformed Content-Length"};
  }
  if (!reads_body(request.method)) {
    if (length && *length > 0) return FramingRefusal{400, "this method carries no body"};
    return std::nullopt;
  }
  if (!length) return FramingRefusal{411, "Content-Length is required"};
  if (*length > max_body_bytes) return FramingRefusal{413, "request body too large"};
  if (request.has_header("Content-Encoding")) {
    std::string coding = knowledge::ascii_lower(trim_spaces(request.get_header_value("Content-Encoding")));
    if (coding != "identity") return FramingRefusal{415, "compressed request bodies are not accepted"};
  }
  return std::nullopt;
}

void guard_request_framing(httplib::Server& server, size_t max_body_bytes, FramingRefusalObserver observer) {
  auto refused = [max_body_bytes, observer](const httplib::Request& request,
                                            httplib::Response& response) -> std::optional<int> {
    auto refusal = check_framing(request, max_body_bytes);
    if (!refusal) return std::nullopt;
    if (observer) observer(request, *refusal);
    answer_refusal(request, response, *refusal);
    return refusal->status;
  };
  // httplib calls this before the pre-routing handler and, for 100, writes "100 Continue" at once: a refused body
  // must get its final status here, never the invitation to send it.
  server.set_expect_100_continue_handler([refused](const httplib::Request& request, httplib::Response& response) {
    return refused(request, response).value_or(100);
  });
  server.set_pre_routing_handler([refused](const httplib::Request& request, httplib::Response& response) {
    return refused(request, response) ? httplib::Server::HandlerResponse::Handled
                                      : httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler(close_after_writing);
}

}  // namespace netra::adapters
