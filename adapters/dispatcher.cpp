#include "adapters/dispatcher.h"

#include <spdlog/spdlog.h>

namespace netra::adapters {
namespace {

std::string message_kind(const ChannelMessage& message) {
  if (!message.message.media_kind.empty()) return message.message.media_kind;
  return "text";
}

}  // namespace

Dispatcher::Dispatcher(bot::Conversation& conversation, bot::Store& store, Outbound& outbound, Metrics& metrics,
                       const ServerTuning& tuning)
    : conversation_(conversation),
      store_(store),
      outbound_(outbound),
      metrics_(metrics),
      queue_(tuning.inbound_workers, tuning.inbound_queue) {}

bot::ConversationResult Dispatcher::process(const ChannelMessage& message, ReplySender& sender, bool rethrow) {
  bot::ConversationResult result;
  if (message.address.chat.empty()) return result;
  const std::string& channel = message.message.channel;
  if (message.direct_reply) {
    result.replies.push_back(*message.direct_reply);
    result.intent = bot::Intent::help;
  } else {
    auto started = std::chrono::steady_clock::now();
    try {
      result = conversation_.handle(message.message);
    } catch (const std::exception& e) {
      metrics_.count_error("bot");
      spdlog::error("event=bot_failed channel={} sender={} delivery={} error=\"{}\"", channel,
                    log_key(message.message.sender_key), message.delivery_id, e.what());
      if (rethrow) throw;
      result.replies = {bot::Reply{"Maaf, Netra sedang mengalami gangguan. Silakan coba lagi sebentar lagi.", {}}};
      result.intent = bot::Intent::help;
    }
    metrics_.observe_answer_seconds(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  // The delivery's claim (and any other kept) goes to disk before a reply can be seen (Store::persist_claims).
  try {
    store_.persist_claims();
  } catch (const std::exception& e) {
    metrics_.count_error("store");
    spdlog::warn("event=claims_not_saved error=\"{}\" (kept in memory, written with the next message)", e.what());
  }
  spdlog::info("event=message channel={} sender={} delivery={} kind={} intent={} replies={}", channel,
               log_key(message.message.sender_key), message.delivery_id, message_kind(message),
               bot::to_string(result.intent), result.replies.size());
  for (const auto& reply : result.replies) sender.send(message.address, reply);
  return result;
}

Dispatcher::Admission Dispatcher::admit(ChannelMessage message, ReplySender& sender,
                                        ShardedQueue::Clock::time_point deadline) {
  const std::string channel = message.message.channel;
  if (!store_.claim_delivery(message.delivery_id)) {
    metrics_.count_duplicate(channel);
    spdlog::info("event=duplicate channel={} delivery={}", channel, message.delivery_id);
    return Admission::duplicate;
  }
  const std::string delivery_id = message.delivery_id;
  const std::string sender_key = message.message.sender_key;
  // A full queue is waited on rather than refused: the platform holds the request and sends no more on that
  // connection meanwhile, so a flood slows to what the bot keeps up with instead of turning into 503s (each of
  // which the platform would resend).
  auto task = [this, message = std::move(message), &sender]() mutable {
    // Only now is the message taken: its claim is kept (written before the reply, in process) and the
    // acknowledgements go out, first in the chat's outbound shard, so before any reply. A message refused or
    // dropped before this point has claimed nothing on disk and acknowledged nothing: its redelivery is processed.
    store_.keep_claim(message.delivery_id);
    outbound_.enqueue(message.message.channel, message.address.chat, std::move(message.acknowledgements));
    process(message, sender);
  };
  if (!queue_.submit_within(sender_key, std::move(task), deadline)) {
    store_.release_delivery(delivery_id);  // only in memory: never kept, so never written
    metrics_.count_dropped("inbound");
    log_busy(channel, delivery_id);
    return Admission::busy;
  }
  metrics_.count_inbound(channel);
  return Admission::queued;
}

void Dispatcher::log_busy(const std::string& channel, const std::string& delivery_id) {
  busy_unlogged_.fetch_add(1);
  int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch()).count();
  int64_t last = last_busy_log_ns_.load();
  if (now - last < 1'000'000'000 || !last_busy_log_ns_.compare_exchange_strong(last, now)) return;
  size_t refused = busy_unlogged_.exchange(0);
  spdlog::warn("event=inbound_busy channel={} delivery={} depth={} refused_since_last_line={}", channel, delivery_id,
               queue_.depth(), refused);
}

size_t Dispatcher::shutdown(std::chrono::steady_clock::time_point deadline) {
  size_t dropped = queue_.shutdown(deadline);
  if (dropped > 0) {
    for (size_t i = 0; i < dropped; ++i) metrics_.count_dropped("inbound");
    spdlog::warn("event=inbound_dropped_at_shutdown messages={}", dropped);
  }
  return dropped;
}

}  // namespace netra::adapters
