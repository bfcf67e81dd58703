// Request framing that the packaged cpp-httplib 0.11.4 gets wrong, refused from its headers alone — before any
// byte of the body is read — with Connection: close that is really enforced:
//   - Transfer-Encoding (chunked) bodies are read whole, ignoring set_payload_max_length (CVE-2025-46728, fixed
//     upstream in 0.20.1): refused with 411; the platforms and our own clients send Content-Length.
//   - Content-Length together with Transfer-Encoding, more than one Content-Length, or one that is not plain
//     digits ("12abc" is read as 12): 400, the classic request-smuggling shapes (RFC 9112 §6.1, §6.3).
//   - A body on a method httplib does not read bodies for (GET, HEAD, …): 400, because the unread body would be
//     parsed as the next request on the connection.
//   - POST/PUT/PATCH/DELETE without Content-Length: 411, because httplib would read until the client closes.
//   - Content-Length above the body limit: 413 now, instead of httplib reading and discarding the whole body; with
//     Expect: 100-continue, 413 instead of "100 Continue".
//   - Content-Encoding other than identity: 415, because httplib inflates request bodies with no size limit
//     (a 1 MiB gzip body can become gigabytes).
// What this cannot fix — header lines without an end, pipelining, clients that trickle bytes — is the job of the
// reverse proxy in front (deploy/nginx), as the README says.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace netra::adapters {

struct FramingRefusal {
  int status = 400;    // 400, 411, 413 or 415
  std::string reason;  // the JSON error message and the log's reason: no request data in it
};

// Checks the request's method and headers (its body has not been read) against the rules above. nullopt when the
// body may be read. `max_body_bytes` is the server's body limit (ServerTuning::max_body_bytes).
std::optional<FramingRefusal> check_framing(const httplib::Request& request, size_t max_body_bytes);

// Called for every refusal, e.g. to count and log it.
using FramingRefusalObserver = std::function<void(const httplib::Request&, const FramingRefusal&)>;

// Installs the check on `server` as its Expect: 100-continue handler (so a refused body is never invited) and as
// its pre-routing handler, plus a post-routing handler that makes every response carrying "Connection: close"
// actually close the connection once it is written (httplib 0.11.4 only closes when the client asked to, or at
// the keep-alive limit). Uses those three hooks of `server`: nothing else may set them.
void guard_request_framing(httplib::Server& server, size_t max_body_bytes, FramingRefusalObserver observer);

}  // namespace netra::adapters
