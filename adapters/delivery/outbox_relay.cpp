#include "adapters/delivery/outbox_relay.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "bot/crypto.h"

namespace netra::adapters {

using nlohmann::json;

std::string encode_outbox_payload(const ReplyAddress& to, const std::vector<bot::Reply>& replies) {
  json encoded_replies = json::array();
  for (const auto& reply : replies) {
    json choices = json::array();
    for (const auto& choice : reply.choices) choices.push_back({{"id", choice.id}, {"title", choice.title}});
    encoded_replies.push_back({{"text", reply.text}, {"choices", choices}});
  }
  return json{{"address", {{"chat", to.chat}, {"sender", to.sender}, {"reply_to", to.reply_to}}},
              {"replies", encoded_replies}}
      .dump();
}

std::pair<ReplyAddress, std::vector<bot::Reply>> decode_outbox_payload(const std::string& payload) {
  json decoded = json::parse(payload);
  const json& address = decoded.at("address");
  ReplyAddress to{address.at("chat").get<std::string>(), address.value("sender", ""), address.value("reply_to", "")};
  std::vector<bot::Reply> replies;
  for (const auto& reply : decoded.at("replies")) {
    bot::Reply decoded_reply{reply.at("text").get<std::string>(), {}};
    for (const auto& choice : reply.value("choices", json::array())) {
      decoded_reply.choices.push_back({choice.at("id").get<std::string>(), choice.at("title").get<std::string>()});
    }
    replies.push_back(std::move(decoded_reply));
  }
  return {std::move(to), std::move(replies)};
}

OutboxRelay::OutboxRelay(bot::Outbox& outbox, Metrics& metrics, OutboxRelayConfig config)
    : outbox_(outbox), metrics_(metrics), config_(std::move(config)) {}

OutboxRelay::~OutboxRelay() {
  stop();
}

void OutboxRelay::add_channel(const Channel& channel) {
  channels_[std::string(channel.name())] = &channel;
}

bot::OutboxMessage OutboxRelay::message_for(const std::string& channel, const ReplyAddress& to,
                                            const std::vector<bot::Reply>& replies) const {
  return {channel, bot::hmac_sha256_hex(config_.chat_key_secret, channel + ":" + to.chat),
          encode_outbox_payload(to, replies)};
}

void OutboxRelay::start(Outbound& outbound) {
  outbound_ = &outbound;
  outbox_.heartbeat(config_.claimer);  // alive before the first claim, so nobody reaps it
  last_heartbeat_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { run(); });
}

void OutboxRelay::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_requested_ = true;
  }
  woken_.notify_one();
}

void OutboxRelay::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  woken_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void OutboxRelay::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    woken_.wait_for(lock, config_.poll, [this] { return stopping_ || wake_requested_; });
    if (stopping_) break;
    wake_requested_ = false;
    if (std::chrono::steady_clock::now() < quiet_until_) continue;
    lock.unlock();
    try {
      // A full batch suggests more are waiting: take the next at once, as long as there is room in flight.
      while (relay_batch() > 0 && in_flight_ < config_.max_in_flight) {
      }
      reap();
    } catch (const std::exception& e) {
      // PostgreSQL unreachable (or a bug): the rows stay where they are; try again a little later.
      metrics_.count_error("outbox");
      spdlog::warn("event=outbox_unavailable error=\"{}\"", e.what());
      lock.lock();
      quiet_until_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      continue;
    }
    lock.lock();
  }
}

size_t OutboxRelay::relay_batch() {
  size_t room = config_.max_in_flight - std::min(config_.max_in_flight, in_flight_.load());
  if (room == 0) return 0;
  auto entries = outbox_.claim(room, config_.claimer);
  bool all_taken = true;
  for (const auto& entry : entries) all_taken = relay(entry) && all_taken;
  // Outbound refused some (its queue is full): they were released; the next poll offers them again.
  return all_taken ? entries.size() : 0;
}

bool OutboxRelay::relay(const bot::OutboxEntry& entry) {
  ++in_flight_;
  auto channel = channels_.find(entry.channel);
  std::pair<ReplyAddress, std::vector<bot::Reply>> decoded;
  try {
    if (channel == channels_.end()) throw std::runtime_error("channel " + entry.channel + " is off on this replica");
    decoded = decode_outbox_payload(entry.payload);
  } catch (const std::exception& e) {
    // Nothing this replica can send: given up rather than claimed again forever.
    spdlog::error("event=outbox_unreadable id={} channel={} error=\"{}\"", entry.id, entry.channel, e.what());
    finish(entry, DeliveryOutcome::given_up);
    return true;
  }
  std::vector<OutboundRequest> requests;
  for (const auto& reply : decoded.second) {
    auto rendered = channel->second->render(decoded.first, reply);
    requests.insert(requests.end(), std::make_move_iterator(rendered.begin()), std::make_move_iterator(rendered.end()));
  }
  // The attempt is recorded right before the first request leaves, not at the claim: a row still waiting in this
  // process's queue when it dies was not sent, and goes back to the queue for another replica.
  auto record_attempt = [this, id = entry.id] {
    try {
      return outbox_.mark_attempt(id, config_.claimer);
    } catch (const std::exception& e) {
      spdlog::warn("event=outbox_attempt_not_recorded id={} error=\"{}\" (not sent)", id, e.what());
      return false;
    }
  };
  return outbound_->enqueue(
      entry.channel, decoded.first.chat, std::move(requests),
      [this, entry](DeliveryOutcome outcome) { finish(entry, outcome); }, record_attempt);
}

void OutboxRelay::finish(const bot::OutboxEntry& entry, DeliveryOutcome outcome) {
  try {
    switch (outcome) {
      case DeliveryOutcome::delivered:
        outbox_.delivered(entry.id);
        break;
      case DeliveryOutcome::not_attempted:
        outbox_.release(entry.id);
        break;
      case DeliveryOutcome::given_up:
        outbox_.give_up(entry.id);
        metrics_.count_error("outbox_given_up");
        break;
      case DeliveryOutcome::skipped:
        // Not ours any more, or the attempt could not be recorded: the row stays as it is (a relay that finds it
        // stale puts it back in the queue, since no attempt was recorded).
        break;
      case DeliveryOutcome::uncertain:
        // The last attempt got no answer: the platform may show it. Not sent again (no idempotency key exists).
        outbox_.mark_maybe_sent(entry.id);
        metrics_.count_error("outbox_maybe_sent");
        spdlog::warn("event=outbox_maybe_sent id={} channel={} reason=no_answer_at_shutdown", entry.id, entry.channel);
        break;
    }
  } catch (const std::exception& e) {
    // The row stays `sending`; a relay marks it maybe_sent after stale_after, so it is never sent twice.
    metrics_.count_error("outbox");
    spdlog::warn("event=outbox_not_recorded id={} error=\"{}\"", entry.id, e.what());
  }
  --in_flight_;
  // The chat's next row may be claimable now. Not after a release or a skip: that row would only be refused again.
  if (outcome != DeliveryOutcome::not_attempted && outcome != DeliveryOutcome::skipped) wake();
}

void OutboxRelay::reap() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_heartbeat_ >= config_.heartbeat_every) {
    outbox_.heartbeat(config_.claimer);
    last_heartbeat_ = now;
  }
  if (now - last_reap_ < config_.reap_every) return;
  last_reap_ = now;
  bot::StaleRows stale = outbox_.mark_stale(config_.silent_after, config_.stale_after);
  for (int64_t i = 0; i < stale.maybe_sent; ++i) metrics_.count_error("outbox_maybe_sent");
  if (stale.maybe_sent > 0) {
    spdlog::warn(
        "event=outbox_maybe_sent rows={} reason=claimer_died_mid_send (not sent again: the platform may "
        "have shown them)",
        stale.maybe_sent);
  }
  if (stale.requeued > 0) {
    spdlog::info("event=outbox_requeued rows={} reason=claimer_died_before_sending", stale.requeued);
    wake();
  }
}

}  // namespace netra::adapters
