// Between a channel and the bot: runs the Conversation on a parsed message, as one turn of the state store
// (bot/turn_store.h), and hands the replies to the channel's sender. For webhooks it first claims the delivery id
// (a redelivery does nothing, also across a restart: the claim is written before the reply goes out), then queues
// the work so the bot runs off the webhook's thread. Media a sender sends in a quick burst (an album, photos in a
// row) are gathered first into one message (MediaBursts), so the bot answers them once.
//
// With SQLite the webhook answers 200 at once and replies go out from memory. With replicas on PostgreSQL (an
// OutboxRelay given) a webhook's 200 waits until its turn has committed (CommitWaits), and replies are written to
// the durable outbox inside the turn, for whichever replica's relay claims them.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "adapters/channels/channel.h"
#include "adapters/delivery/commit_waits.h"
#include "adapters/delivery/delivery_ledger.h"
#include "adapters/app/config.h"
#include "adapters/channels/media_bursts.h"
#include "adapters/app/metrics.h"
#include "adapters/delivery/outbound.h"
#include "adapters/delivery/outbox_relay.h"
#include "adapters/delivery/work_queue.h"
#include "bot/conversation.h"
#include "bot/turn_store.h"

namespace netra::adapters {

class Dispatcher {
 public:
  // `ledger` and `turns` are the same state store (storage::StateStore) seen through its two roles. `outbox`:
  // replicas on PostgreSQL — replies through the durable outbox, webhooks acknowledged after the commit; null
  // with SQLite.
  Dispatcher(bot::Conversation& conversation, DeliveryLedger& ledger, bot::TurnStore& turns, Outbound& outbound,
             Metrics& metrics, const ServerTuning& tuning, OutboxRelay* outbox = nullptr);

  // Runs the bot on one message now, on this thread, as one turn, and gives every reply to `sender` once the
  // turn committed. A failure of the bot is logged and answered with an apology; it never throws — unless
  // `rethrow` is set: the web chat answers on the same HTTP exchange, so it lets the HTTP layer turn the failure
  // into a status (503 when storage is busy or unreachable).
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

  // For the webhook, after admitting its messages: waits (at most ServerTuning::commit_wait_ms) until the turns of
  // those that were queued have committed. True at once without an outbox (SQLite). False: a turn failed (the
  // database is unreachable) or has not committed yet — answer 503; the platform's redelivery is deduplicated.
  bool await_commits(const std::vector<std::string>& delivery_ids);

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
  // One turn: the claims of `delivery_ids`, the bot, the replies (to the outbox when `durable_replies` and there is
  // one, else to `sender` after the commit). False when the turn failed and nothing of it was kept.
  bool run_turn(const ChannelMessage& message, ReplySender& sender, const std::vector<std::string>& delivery_ids,
                bool rethrow, bool durable_replies, bot::ConversationResult& result /* OUT */);
  // The bot's part of a claimed turn: the conversation's answer, a channel's direct reply, or none for a message
  // with no chat to answer in. A failing bot is answered with an apology; false when storage failed (the turn is
  // not kept).
  bool answer(const ChannelMessage& message, bool rethrow, bot::ConversationResult& result /* OUT */);
  enum class Commit { failed, replies_in_outbox, replies_here };
  // Commits the turn, with its replies in the durable outbox when `durable_replies` and there is one. failed:
  // nothing of the turn was kept; replies_here: the caller sends them.
  Commit commit_turn(bot::Turn& turn, const ChannelMessage& message, const bot::ConversationResult& result,
                     bool rethrow, bool durable_replies);
  void log_unavailable(const ChannelMessage& message, const std::exception& error);

  bot::Conversation& conversation_;
  DeliveryLedger& ledger_;
  bot::TurnStore& turns_;
  Outbound& outbound_;
  OutboxRelay* outbox_;
  Metrics& metrics_;
  std::chrono::milliseconds admit_wait_;
  std::chrono::milliseconds commit_wait_;
  std::optional<CommitWaits> commit_waits_;  // with an outbox only
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
