// Evidence downloads from the platforms (bot::MediaFetcher): a bounded HTTP GET shared by the per-platform
// fetchers (telegram_media.h, whatsapp_media.h), and the fetcher `netra serve` gives the bot, which hands each
// media ref to the platform that issued it.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bot/evidence.h"

namespace netra::adapters {

// What a bounded GET got.
struct Download {
  int status = 0;            // 0: no response (connection refused, time-out)
  std::string body;          // at most max_bytes
  bool too_large = false;    // the body (or its Content-Length) went past max_bytes; reading stopped there
  std::string error;         // httplib's error name when status is 0
};

// GETs origin + path_and_query (sent as given, not re-encoded) with the headers, reading at most max_bytes of
// body. A connection failure, a time-out, 429 or a 5xx is tried once more after a short pause.
Download bounded_get(const std::string& origin, const std::string& path_and_query,
                     const std::vector<std::pair<std::string, std::string>>& headers, size_t max_bytes,
                     std::chrono::seconds timeout);

// Splits an absolute URL ("https://host:port/path?query") into origin and path-with-query; the path is "/"
// when the URL has none. Returns false for anything but http(s).
bool split_url(const std::string& url, std::string& origin /* OUT */, std::string& path /* OUT */);

// Routes a media ref to the fetcher of its platform by the channel name before the first ':' ("whatsapp:…",
// "telegram:…"). A ref of a channel without a fetcher (off, or one that issues no media) answers
// unsupported_channel. The fetchers must outlive this object.
class PlatformMedia : public bot::MediaFetcher {
 public:
  // Channel name → its fetcher.
  explicit PlatformMedia(std::map<std::string, const bot::MediaFetcher*, std::less<>> fetchers)
      : fetchers_(std::move(fetchers)) {}
  bot::FetchedMedia fetch(const std::string& media_ref, size_t max_bytes) const override;

 private:
  std::map<std::string, const bot::MediaFetcher*, std::less<>> fetchers_;
};

}  // namespace netra::adapters
