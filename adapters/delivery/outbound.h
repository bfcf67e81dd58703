// Delivery of replies to the platforms: a bounded queue, sharded by chat so one chat's replies keep their order.
// A refused request is decided by what the platform says (Channel::read_refusal): retried with exponential backoff
// and at least the platform's retry_after (throughput limits, 5xx, time-outs), re-addressed (a Telegram group that
// became a supergroup — remembered for the chat's later replies), or given up at once (the bot was blocked, the
// WhatsApp 24-hour window closed). Every refusal is counted by channel and platform code and logged with the
// platform's description, never with the recipient; everything dropped or given up has a metric and a log line.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "adapters/channels/channel.h"
#include "adapters/app/config.h"
#include "adapters/app/metrics.h"
#include "adapters/delivery/work_queue.h"

namespace netra::adapters {

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
  // A platform asking for a longer wait than this is not waited for: the retry would hold the chat's outbound shard
  // (and the other chats on it) that long, and a reply minutes late no longer answers anything.
  std::chrono::seconds max_retry_after{60};
};

// How long to wait before attempt number `attempt` + 1 after `refusal` (attempt counts from 1): the exponential
// backoff (initial, doubled per attempt, at most policy.max), or the platform's retry_after when longer. nullopt
// when the refusal is not Action::retry, the attempts are used up, or retry_after exceeds policy.max_retry_after.
std::optional<std::chrono::milliseconds> retry_delay(const Refusal& refusal, int attempt, const RetryPolicy& policy);

// What became of a batch given to Outbound::enqueue with a completion callback (the durable outbox records it).
enum class DeliveryOutcome {
  delivered,      // the platform accepted every request
  given_up,       // a request was refused for good, or its retries ran out
  not_attempted,  // nothing of it can have been shown: dropped before the first attempt (full queue, shutdown), or
                  // abandoned at shutdown when every attempt had been refused outright
  uncertain,      // abandoned at shutdown after a request got no answer (or after earlier requests were delivered):
                  // the platform may show part of it
  skipped,        // not sent because the first attempt could not be recorded (the batch's before_send said no)
};
using DeliveryDone = std::function<void(DeliveryOutcome)>;
// Called on the sending thread right before a batch's first request goes out; false: do not send it.
using BeforeSend = std::function<bool()>;

class Outbound {
 public:
  Outbound(Transport& transport, Metrics& metrics, const ServerTuning& tuning);

  // Queues requests that go out in order, behind earlier ones for the same chat. False when the queue is full
  // (the requests are dropped, counted and logged). `done`, when given, is called exactly once with what became
  // of the batch — on a sending thread, or on this one when it is refused or never runs. `before_send`, when
  // given, runs right before the first request is sent (the durable outbox records the attempt there).
  bool enqueue(const std::string& channel, const std::string& chat, std::vector<OutboundRequest> requests,
               DeliveryDone done = {}, BeforeSend before_send = {});
  size_t depth() const { return queue_.depth(); }
  // Stops accepting and lets queued replies go out until the deadline. Returns how many batches were dropped.
  size_t shutdown(std::chrono::steady_clock::time_point deadline);
  // Lets the queue read `channel`'s refusals and re-address its requests (by Channel::name()); the refusals of a
  // channel never added are read by HTTP status only. `channel` must outlive the queue. ChannelSender calls it.
  void add_channel(const Channel& channel);

 private:
  enum class Sent { delivered, given_up, abandoned_refused, abandoned_unanswered };
  // Sends one request of `chat`'s batch, with its retries; `chat` is the address it was queued under.
  Sent deliver(const std::string& channel, const std::string& chat, OutboundRequest request);
  const Channel* channel_named(const std::string& name) const;
  // The chat that `chat` moved to (Telegram migrate_to_chat_id), if a refusal said so.
  std::optional<std::string> moved_chat(const std::string& channel, const std::string& chat) const;
  void remember_move(const std::string& channel, const std::string& chat, const std::string& to);

  Transport& transport_;
  Metrics& metrics_;
  RetryPolicy policy_;
  mutable std::mutex mutex_;
  std::map<std::string, const Channel*> channels_;
  // "channel\nold chat" → new chat. In memory only, like every reply address; bounded (kMaxMovedChats).
  std::map<std::string, std::string> moved_chats_;
  ShardedQueue queue_;  // last: its workers stop (in its destructor) before the members they use are destroyed
};

// A channel's output role: renders a reply with the channel and queues it on the outbound worker.
class ChannelSender : public ReplySender {
 public:
  // Registers `channel` with `outbound` (Outbound::add_channel), so its platform's refusals are read.
  ChannelSender(const Channel& channel, Outbound& outbound) : channel_(channel), outbound_(outbound) {
    outbound_.add_channel(channel_);
  }
  void send(const ReplyAddress& to, const bot::Reply& reply) override;

 private:
  const Channel& channel_;
  Outbound& outbound_;
};

}  // namespace netra::adapters
