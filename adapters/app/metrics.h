// Counters and the answer-latency histogram of `netra serve`, rendered in the Prometheus text format at
// GET /metrics. Labels are fixed route patterns and channel names only, never anything a user sent, so the
// number of series stays small and no personal data can leak into a scrape.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace netra::adapters {

// A value read at scrape time (queue depth, stored reports).
struct Sample {
  std::string name;  // e.g. netra_outbound_queue_depth
  std::string type;  // gauge or counter
  std::string help;
  double value = 0;
};

class Metrics {
 public:
  void count_request(const std::string& route, const std::string& method, int status);
  void count_inbound(const std::string& channel);                // messages accepted for the bot
  void count_duplicate(const std::string& channel);              // redeliveries ignored
  void count_reply(const std::string& channel, bool delivered);  // replies sent / failed for good
  void count_retry(const std::string& channel);
  void count_dropped(const std::string& queue);  // "inbound" or "outbound" full or shut down
  void count_error(const std::string& kind);     // e.g. "bot", "auth"
  // A platform refused one outbound attempt; `code` is Refusal::code ("131056", "403", "network").
  void count_outbound_failure(const std::string& channel, const std::string& code);
  // A platform reported later that a message it had accepted was not delivered (DeliveryFailure::code).
  void count_async_failure(const std::string& channel, const std::string& code);
  void observe_answer_seconds(double seconds);

  // The text exposition, with `samples` appended.
  std::string render(const std::vector<Sample>& samples) const;

  // Upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, uint64_t> inbound_, duplicates_, replies_sent_, replies_failed_, retries_, dropped_, errors_;
  std::map<std::pair<std::string, std::string>, uint64_t> outbound_failures_, async_failures_;  // (channel, code)
  std::array<uint64_t, kBuckets.size()> bucket_counts_{};
  uint64_t answer_count_ = 0;
  double answer_sum_ = 0;
};

}  // namespace netra::adapters
