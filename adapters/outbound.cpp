#include "adapters/outbound.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <thread>

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
    if (name == "Content-Type") content_type = value;
    else headers.emplace(name, value);
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

std::optional<std::chrono::milliseconds> retry_delay(const SendResult& result, int attempt, const RetryPolicy& policy) {
  using std::chrono::milliseconds;
  bool retryable = result.status == 0 || result.status == 429 || result.status >= 500;
  if (!retryable || attempt >= policy.attempts) return std::nullopt;
  milliseconds backoff = policy.initial * (1LL << std::min(attempt - 1, 16));
  backoff = std::min(backoff, policy.max);
  if (result.status == 429) {
    long long seconds = 0;
    auto answer = nlohmann::json::parse(result.body, nullptr, false);
    if (answer.is_object() && answer.contains("parameters") && answer["parameters"].is_object()) {
      seconds = answer["parameters"].value("retry_after", 0LL);
    }
    if (seconds == 0 && !result.retry_after.empty()) {
      std::from_chars(result.retry_after.data(), result.retry_after.data() + result.retry_after.size(), seconds);
    }
    // Waiting less than the platform asks only earns another 429; waiting minutes blocks the chat's queue.
    backoff = std::max(backoff, milliseconds(std::clamp(seconds, 0LL, 60LL) * 1000));
  }
  return backoff;
}

Outbound::Outbound(Transport& transport, Metrics& metrics, const ServerTuning& tuning)
    : transport_(transport),
      metrics_(metrics),
      policy_{tuning.send_attempts, std::chrono::milliseconds(tuning.backoff_initial_ms),
              std::chrono::milliseconds(tuning.backoff_max_ms)},
      queue_(tuning.outbound_workers, tuning.outbound_queue) {}

bool Outbound::enqueue(const std::string& channel, const std::string& chat, std::vector<OutboundRequest> requests) {
  if (requests.empty()) return true;
  size_t count = requests.size();
  bool queued = queue_.submit(chat, [this, channel, requests = std::move(requests)] {
    for (const auto& request : requests) deliver(channel, request);
  });
  if (!queued) {
    metrics_.count_dropped("outbound");
    spdlog::warn("event=outbound_dropped channel={} requests={} depth={} reason=queue_full_or_stopping", channel,
                 count, queue_.depth());
  }
  return queued;
}

void Outbound::deliver(const std::string& channel, const OutboundRequest& request) {
  for (int attempt = 1;; ++attempt) {
    SendResult result = transport_.post(request);
    if (result.status >= 200 && result.status < 300) {
      metrics_.count_reply(channel, true);
      return;
    }
    auto delay = retry_delay(result, attempt, policy_);
    // Log the status and httplib's error only: the path holds the bot token, the body the user's chat id.
    if (!delay) {
      metrics_.count_reply(channel, false);
      spdlog::error("event=send_failed channel={} what={} status={} error=\"{}\" attempts={}", channel, request.what,
                    result.status, result.error, attempt);
      return;
    }
    metrics_.count_retry(channel);
    spdlog::warn("event=send_retry channel={} what={} status={} error=\"{}\" attempt={} delay_ms={}", channel,
                 request.what, result.status, result.error, attempt, delay->count());
    if (!queue_.pause_until(std::chrono::steady_clock::now() + *delay)) {
      metrics_.count_reply(channel, false);
      metrics_.count_dropped("outbound");
      spdlog::error("event=send_abandoned channel={} what={} reason=shutdown attempts={}", channel, request.what,
                    attempt);
      return;
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
