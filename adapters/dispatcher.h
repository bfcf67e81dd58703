// Between a channel and the bot: runs the Conversation on a parsed message and hands the replies to the
// channel's sender. For webhooks it first claims the delivery id (a redelivery does nothing, also across a
// restart: the claim is written to SQLite before the reply goes out), then queues the work so the webhook can
// answer 200 without waiting for the bot. Media a sender sends in a quick burst (an album, photos in a row) are
// gathered first into one message (MediaBursts), so the bot answers them once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "adapters/channel.h"
#include "adapters/config.h"
#include "adapters/media_bursts.h"
#include "adapters/metrics.h"
#include "adapters/outbound.h"
#include "adapters/work_queue.h"
#include "bot/conversation.h"
#include "bot/delivery_ledger.h"

namespace netra::adapters {

class Dispatcher {
 public:
  Dispatcher(bot::Conversation& conversation, bot::DeliveryLedger& store, Outbound& outbound, Metrics& metrics,
             const ServerTuning& tuning);

  // Runs the bot on one message now, on this thread, and gives every reply to `sender`. A failure of the bot
  // is logged and answered with an apology; it never throws — unless `rethrow` is set: the web chat answers on
  // the same HTTP exchange, so it lets the HTTP layer turn the failure into a status (503 when storage is busy).
  bot::ConversationResult process(const ChannelMessage& message, ReplySender& sender, bool rethrow = false);

  enum class Admission { queued, duplicate, busy, ignored };
  // The webhook path. Claims message.delivery_id (duplicate: nothing happens) and queues the bot's work behind
  // earlier messages of the same sender; the work starts by sending the acknowledgements. A full queue is waited
  // on until `deadline` (ServerTuning::admit_wait_ms from the request's start; a past deadline: no wait):
  // holding the platform's request slows its delivery down to what the bot keeps up with. busy: still full; the
  // claim is released so the platform's retry gets processed, and the webhook should answer 503.
  // `sender` must outlive the queue (it is the channel's long-lived ChannelSender). A media message joins its
  // sender's burst and is queued when the burst completes (ServerTuning::media_burst_ms); any other message of the
  // same sender queues the pending burst first. ignored: an album part that did not address the bot and joined no
  // album (nothing is claimed).
  Admission admit(ChannelMessage message, ReplySender& sender, ShardedQueue::Clock::time_point deadline);

  // Claims the delivery id of a report that needs no bot work (a platform's delivery-failure notice) and keeps
  // the claim (written with the next message's claims). False when it was seen before: do nothing.
  bool claim_report(const std::string& delivery_id);

  size_t depth() const { return queue_.depth(); }
  // Webhook requests held while the queue is full (see admit).
  size_t waiting() const { return queue_.waiting_producers(); }
  // Queues the media bursts still gathering, then stops accepting; queued messages are still processed until the
  // deadline. Returns how many were dropped.
  size_t shutdown(std::chrono::steady_clock::time_point deadline);

 private:
  // Queues the bot's work on one message (a burst of one, or of several gathered parts) behind the earlier work of
  // its sender, waiting for room until `deadline`. False when refused: the parts' claims are released.
  bool submit(MediaBurst burst, ShardedQueue::Clock::time_point deadline);
  void log_busy(const std::string& channel, const std::string& delivery_id);

  bot::Conversation& conversation_;
  bot::DeliveryLedger& store_;
  Outbound& outbound_;
  Metrics& metrics_;
  std::chrono::milliseconds admit_wait_;
  ShardedQueue queue_;
  // Under a flood every refusal would log a line; one line a second with the count keeps the log readable.
  std::atomic<int64_t> last_busy_log_ns_{0};
  std::atomic<size_t> busy_unlogged_{0};
  // After queue_: its timer thread queues into queue_, so it must stop first. Empty when media_burst_ms is 0.
  std::optional<MediaBursts> bursts_;
};

// The first characters of a sender key: enough to follow one conversation in the logs, useless to identify
// anyone (the key itself is already a keyed hash).
inline std::string log_key(const std::string& sender_key) {
  return sender_key.substr(0, 10);
}

}  // namespace netra::adapters
