#include "adapters/delivery/outbound.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>

namespace netra::adapters {

HttpTransport::~HttpTransport() = default;

std::unique_ptr<httplib::Client> HttpTransport::acquire(const std::string& origin) {
  {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[origin];
    if (!idle.empty()) {
      auto client = std::move(idle.back());
      idle.pop_back();
      return client;
    }
  }
  auto client = std::make_unique<httplib::Client>(origin);
  client->set_tcp_nodelay(true);
  client->set_keep_alive(true);
  client->set_connection_timeout(timeout_);
  client->set_read_timeout(timeout_);
  client->set_write_timeout(timeout_);
  return client;
}

void HttpTransport::release(const std::string& origin, std::unique_ptr<httplib::Client> client) {
  std::lock_guard lock(mutex_);
  auto& idle = idle_[origin];
  if (idle.size() < 8) idle.push_back(std::move(client));
}

SendResult HttpTransport::post(const OutboundRequest& request) {
  auto client = acquire(request.origin);
  httplib::Headers headers;
  std::string content_type = "application/json";
  for (const auto& [name, value] : request.headers) {
    if (name == "Content-Type")
      content_type = value;
    else
      headers.emplace(name, value);
  }
  SendResult result;
  if (!client->is_valid()) {
    result.error = "invalid origin";
    return result;
  }
  auto response = client->Post(request.path, headers, request.body, content_type);
  if (response) {
    result.status = response->status;
    result.body = response->body;
    result.retry_after = response->get_header_value("Retry-After");
    release(request.origin, std::move(client));
  } else {
    result.error = httplib::to_string(response.error());  // the broken connection is not reused
  }
  return result;
}

std::optional<std::chrono::milliseconds> retry_delay(const Refusal& refusal, int attempt, const RetryPolicy& policy) {
  using std::chrono::milliseconds;
  if (refusal.action != Refusal::Action::retry || attempt >= policy.attempts) return std::nullopt;
  if (refusal.retry_after > policy.max_retry_after) return std::nullopt;
  milliseconds backoff = policy.initial * (1LL << std::min(attempt - 1, 16));
  backoff = std::min(backoff, policy.max);
  // Waiting less than the platform asks only earns another refusal.
  return std::max<milliseconds>(backoff, refusal.retry_after);
}

Outbound::Outbound(Transport& transport, Metrics& metrics, const ServerTuning& tuning)
    : transport_(transport),
      metrics_(metrics),
      policy_{tuning.send_attempts, std::chrono::milliseconds(tuning.backoff_initial_ms),
              std::chrono::milliseconds(tuning.backoff_max_ms)},
      queue_(tuning.outbound_workers, tuning.outbound_queue) {}

void Outbound::add_channel(const Channel& channel) {
  std::lock_guard lock(mutex_);
  channels_[std::string(channel.name())] = &channel;
}

const Channel* Outbound::channel_named(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto found = channels_.find(name);
  return found == channels_.end() ? nullptr : found->second;
}

std::optional<std::string> Outbound::moved_chat(const std::string& channel, const std::string& chat) const {
  std::lock_guard lock(mutex_);
  auto found = moved_chats_.find(channel + '\n' + chat);
  if (found == moved_chats_.end()) return std::nullopt;
  return found->second;
}

void Outbound::remember_move(const std::string& channel, const std::string& chat, const std::string& to) {
  // A group migrates once in its life; thousands of migrations between two restarts would be abuse or a bug, and
  // forgetting them costs only one more refusal each.
  constexpr size_t kMaxMovedChats = 10000;
  std::lock_guard lock(mutex_);
  if (moved_chats_.size() >= kMaxMovedChats) moved_chats_.clear();
  moved_chats_[channel + '\n' + chat] = to;
}

namespace {

// Calls `done` once: with the batch's outcome, or with not_attempted when the task is dropped before it ran (a
// full queue, a shutdown) — the task is a std::function, so its captures are shared rather than owned.
class Completion {
 public:
  explicit Completion(DeliveryDone done) : done_(std::move(done)) {}
  ~Completion() { finish(DeliveryOutcome::not_attempted); }
  void finish(DeliveryOutcome outcome) {
    if (done_) std::exchange(done_, nullptr)(outcome);
  }

 private:
  DeliveryDone done_;
};

}  // namespace

bool Outbound::enqueue(const std::string& channel, const std::string& chat, std::vector<OutboundRequest> requests,
                       DeliveryDone done, BeforeSend before_send) {
  if (requests.empty()) {
    if (done) done(DeliveryOutcome::delivered);
    return true;
  }
  size_t count = requests.size();
  auto completion = std::make_shared<Completion>(std::move(done));
  bool queued = queue_.submit(chat, [this, channel, chat, requests = std::move(requests), completion,
                                     before_send = std::move(before_send)]() mutable {
    if (before_send && !before_send()) {
      completion->finish(DeliveryOutcome::skipped);
      return;
    }
    bool any_delivered = false, any_given_up = false;
    for (auto& request : requests) {
      Sent sent = deliver(channel, chat, std::move(request));
      if (sent == Sent::abandoned_refused || sent == Sent::abandoned_unanswered) {
        // Shutting down mid-batch: the rest is not attempted. Only a batch nothing of which can have been shown
        // may be sent again by someone else.
        bool clean = sent == Sent::abandoned_refused && !any_delivered;
        completion->finish(clean ? DeliveryOutcome::not_attempted : DeliveryOutcome::uncertain);
        return;
      }
      any_delivered |= sent == Sent::delivered;
      any_given_up |= sent == Sent::given_up;
    }
    completion->finish(any_given_up ? DeliveryOutcome::given_up : DeliveryOutcome::delivered);
  });
  if (!queued) {
    metrics_.count_dropped("outbound");
    spdlog::warn("event=outbound_dropped channel={} requests={} depth={} reason=queue_full_or_stopping", channel, count,
                 queue_.depth());
  }
  return queued;
}

Outbound::Sent Outbound::deliver(const std::string& channel, const std::string& chat, OutboundRequest request) {
  const Channel* platform = channel_named(channel);
  if (auto moved = moved_chat(channel, chat); moved && platform) {
    if (auto readdressed = platform->readdress(request, *moved)) request = std::move(*readdressed);
  }
  bool readdressed_once = false;
  bool ever_unanswered = false;  // an attempt without an answer may still have reached the platform
  for (int attempt = 1;; ++attempt) {
    SendResult result = transport_.post(request);
    ever_unanswered |= result.status == 0;
    if (result.status >= 200 && result.status < 300) {
      metrics_.count_reply(channel, true);
      return Sent::delivered;
    }
    Refusal refusal = platform ? platform->read_refusal(result) : refusal_by_status(result);
    metrics_.count_outbound_failure(channel, refusal.code);
    // Logged: the platform's code and words. Never the path (it holds the bot token) or the body (the recipient).
    if (refusal.action == Refusal::Action::readdress && platform && !readdressed_once) {
      if (auto readdressed = platform->readdress(request, refusal.readdress_to)) {
        spdlog::warn("event=send_readdressed channel={} what={} status={} code={} description=\"{}\"", channel,
                     request.what, result.status, refusal.code, refusal.description);
        remember_move(channel, chat, refusal.readdress_to);
        request = std::move(*readdressed);
        readdressed_once = true;  // a second move in a row is not followed: it would be a loop
        continue;
      }
    }
    auto delay = retry_delay(refusal, attempt, policy_);
    if (!delay) {
      const char* reason = refusal.action != Refusal::Action::retry        ? "refused"
                           : refusal.retry_after > policy_.max_retry_after ? "retry_after_too_long"
                                                                           : "attempts_used";
      metrics_.count_reply(channel, false);
      spdlog::error("event=send_failed channel={} what={} status={} code={} description=\"{}\" attempts={} reason={}",
                    channel, request.what, result.status, refusal.code, refusal.description, attempt, reason);
      return Sent::given_up;
    }
    metrics_.count_retry(channel);
    spdlog::warn("event=send_retry channel={} what={} status={} code={} description=\"{}\" attempt={} delay_ms={}",
                 channel, request.what, result.status, refusal.code, refusal.description, attempt, delay->count());
    if (!queue_.pause_until(std::chrono::steady_clock::now() + *delay)) {
      metrics_.count_reply(channel, false);
      metrics_.count_dropped("outbound");
      spdlog::error("event=send_abandoned channel={} what={} reason=shutdown attempts={}", channel, request.what,
                    attempt);
      // An attempt with no answer (status 0: a time-out, a broken connection) may have reached the platform.
      return ever_unanswered ? Sent::abandoned_unanswered : Sent::abandoned_refused;
    }
  }
}

size_t Outbound::shutdown(std::chrono::steady_clock::time_point deadline) {
  size_t dropped = queue_.shutdown(deadline);
  if (dropped > 0) {
    for (size_t i = 0; i < dropped; ++i) metrics_.count_dropped("outbound");
    spdlog::warn("event=outbound_dropped_at_shutdown batches={}", dropped);
  }
  return dropped;
}

void ChannelSender::send(const ReplyAddress& to, const bot::Reply& reply) {
  outbound_.enqueue(std::string(channel_.name()), to.chat, channel_.render(to, reply));
}

}  // namespace netra::adapters
