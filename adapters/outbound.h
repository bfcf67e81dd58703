// Delivery of replies to the platforms: a bounded queue, sharded by chat so one chat's replies keep their
// order, with retries — exponential backoff on 429 (honouring retry_after), 5xx and time-outs, a bounded
// number of attempts — and a metric plus a log line for everything dropped or given up.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "adapters/channel.h"
#include "adapters/config.h"
#include "adapters/metrics.h"
#include "adapters/work_queue.h"

namespace netra::adapters {

// What one HTTP attempt got back.
struct SendResult {
  int status = 0;                // 0: no response (connection refused, time-out)
  std::string body;              // the platform's answer (may carry retry_after)
  std::string retry_after;       // the Retry-After header, if any
  std::string error;             // httplib's error name when status is 0
};

// Sends one request. The real one speaks HTTP; tests substitute a recorder.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual SendResult post(const OutboundRequest& request) = 0;
};

// httplib clients with keep-alive and TCP_NODELAY, pooled per origin so concurrent senders never share one.
class HttpTransport : public Transport {
 public:
  explicit HttpTransport(std::chrono::seconds timeout) : timeout_(timeout) {}
  ~HttpTransport() override;
  SendResult post(const OutboundRequest& request) override;

 private:
  std::unique_ptr<httplib::Client> acquire(const std::string& origin);
  void release(const std::string& origin, std::unique_ptr<httplib::Client> client);

  std::chrono::seconds timeout_;
  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<httplib::Client>>> idle_;
};

struct RetryPolicy {
  int attempts = 5;
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{30000};
};

// How long to wait before attempt number `attempt` + 1 after `result` (attempt counts from 1), or nullopt when
// the request is delivered (2xx), cannot succeed (other 4xx) or has used its attempts. A 429's retry_after
// (Telegram's parameters.retry_after, or the Retry-After header) is honoured when longer than the backoff.
std::optional<std::chrono::milliseconds> retry_delay(const SendResult& result, int attempt, const RetryPolicy& policy);

class Outbound {
 public:
  Outbound(Transport& transport, Metrics& metrics, const ServerTuning& tuning);

  // Queues requests that go out in order, behind earlier ones for the same chat. False when the queue is full
  // (the requests are dropped, counted and logged).
  bool enqueue(const std::string& channel, const std::string& chat, std::vector<OutboundRequest> requests);
  size_t depth() const { return queue_.depth(); }
  // Stops accepting and lets queued replies go out until the deadline. Returns how many batches were dropped.
  size_t shutdown(std::chrono::steady_clock::time_point deadline);

 private:
  void deliver(const std::string& channel, const OutboundRequest& request);

  Transport& transport_;
  Metrics& metrics_;
  RetryPolicy policy_;
  ShardedQueue queue_;
};

// A channel's output role: renders a reply with the channel and queues it on the outbound worker.
class ChannelSender : public ReplySender {
 public:
  ChannelSender(const Channel& channel, Outbound& outbound) : channel_(channel), outbound_(outbound) {}
  void send(const ReplyAddress& to, const bot::Reply& reply) override;

 private:
  const Channel& channel_;
  Outbound& outbound_;
};

}  // namespace netra::adapters
