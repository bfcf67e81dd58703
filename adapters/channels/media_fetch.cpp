#include "adapters/channels/media_fetch.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <thread>

namespace netra::adapters {

bool split_url(const std::string& url, std::string& origin, std::string& path) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  size_t path_start = url.find_first_of("/?", scheme_end + 3);
  if (path_start == scheme_end + 3) return false;  // no host
  origin = url.substr(0, path_start);
  path = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (path.front() == '?') path = "/" + path;
  return true;
}

Download bounded_get(const std::string& origin, const std::string& path_and_query,
                     const std::vector<std::pair<std::string, std::string>>& headers, size_t max_bytes,
                     std::chrono::seconds timeout) {
  Download download;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    download = Download{};
    httplib::Client client(origin);
    if (!client.is_valid()) {
      download.error = "invalid origin";
      return download;
    }
    client.set_tcp_nodelay(true);
    client.set_connection_timeout(timeout);
    client.set_read_timeout(timeout);
    client.set_url_encode(false);  // Meta's media URLs come signed and encoded: send them byte for byte
    httplib::Headers request_headers(headers.begin(), headers.end());
    auto response = client.Get(
        path_and_query, request_headers,
        [&](const httplib::Response& head) {
          // Refuse before reading when the size is announced.
          if (head.get_header_value<uint64_t>("Content-Length") > max_bytes) {
            download.too_large = true;
            return false;
          }
          return true;
        },
        [&](const char* data, size_t length) {
          if (download.body.size() + length > max_bytes) {
            download.too_large = true;
            return false;
          }
          download.body.append(data, length);
          return true;
        });
    if (response) {
      download.status = response->status;
    } else if (!download.too_large) {
      download.error = httplib::to_string(response.error());
    }
    if (download.too_large) return download;
    bool retry = download.status == 0 || download.status == 429 || download.status >= 500;
    if (!retry || attempt == 2) return download;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  return download;
}

bot::FetchedMedia PlatformMedia::fetch(const std::string& media_ref, size_t max_bytes) const {
  size_t colon = media_ref.find(':');
  auto found =
      colon == std::string::npos ? fetchers_.end() : fetchers_.find(std::string_view(media_ref).substr(0, colon));
  const bot::MediaFetcher* fetcher = found == fetchers_.end() ? nullptr : found->second;
  if (!fetcher) return {"", bot::EvidenceProblem::unsupported_channel, "no fetcher for this media ref's channel"};
  auto fetched = fetcher->fetch(media_ref, max_bytes);
  if (fetched.problem != bot::EvidenceProblem::none) {
    spdlog::warn("event=evidence_not_fetched channel={} problem={} detail=\"{}\"",
                 media_ref.substr(0, media_ref.find(':')), bot::to_string(fetched.problem), fetched.detail);
  } else {
    spdlog::info("event=evidence_fetched channel={} bytes={}", media_ref.substr(0, media_ref.find(':')),
                 fetched.bytes.size());
  }
  return fetched;
}

}  // namespace netra::adapters
