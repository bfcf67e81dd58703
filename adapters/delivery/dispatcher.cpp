#include "adapters/delivery/dispatcher.h"

#include <spdlog/spdlog.h>

#include "bot/storage_error.h"

namespace netra::adapters {
namespace {

std::string message_kind(const ChannelMessage& message) {
  if (!message.message.media_kind.empty()) return message.message.media_kind;
  return "text";
}

}  // namespace

Dispatcher::Dispatcher(bot::Conversation& conversation, DeliveryLedger& ledger, bot::TurnStore& turns,
                       Outbound& outbound, Metrics& metrics, const ServerTuning& tuning, OutboxRelay* outbox)
    : conversation_(conversation),
      ledger_(ledger),
      turns_(turns),
      outbound_(outbound),
      outbox_(outbox),
      metrics_(metrics),
      admit_wait_(tuning.admit_wait_ms),
      commit_wait_(tuning.commit_wait_ms),
      queue_(tuning.inbound_workers, tuning.inbound_queue) {
  if (outbox_) commit_waits_.emplace();
  if (tuning.media_burst_ms > 0) {
    MediaBursts::Limits limits;
    limits.quiet = std::chrono::milliseconds(tuning.media_burst_ms);
    limits.max_hold = 4 * limits.quiet;
    bursts_.emplace(limits, [this](MediaBurst burst) {
      return submit(std::move(burst), ShardedQueue::Clock::now() + admit_wait_);
    });
  }
}

bot::ConversationResult Dispatcher::process(const ChannelMessage& message, ReplySender& sender, bool rethrow) {
  bot::ConversationResult result;
  run_turn(message, sender, {}, rethrow, false, result);
  return result;
}

void Dispatcher::log_unavailable(const ChannelMessage& message, const std::exception& error) {
  metrics_.count_error("storage_unavailable");
  spdlog::error(
      "event=turn_failed channel={} sender={} delivery={} error=\"{}\" (nothing kept; a redelivery is "
      "processed)",
      message.message.channel, log_key(message.message.sender_key), message.delivery_id, error.what());
}

bool Dispatcher::run_turn(const ChannelMessage& message, ReplySender& sender,
                          const std::vector<std::string>& delivery_ids, bool rethrow, bool durable_replies,
                          bot::ConversationResult& result) {
  const std::string& channel = message.message.channel;
  std::unique_ptr<bot::Turn> turn;
  try {
    turn = turns_.begin_turn(message.message.sender_key, delivery_ids);
  } catch (const bot::StorageUnavailable& e) {
    log_unavailable(message, e);
    if (rethrow) throw;
    return false;
  }
  if (!turn->claimed()) {  // another replica (or this one, earlier) handled it: nothing to do
    metrics_.count_duplicate(channel);
    spdlog::info("event=duplicate channel={} delivery={} stage=turn", channel, message.delivery_id);
    return true;
  }
  if (!answer(message, rethrow, result)) return false;
  Commit commit = commit_turn(*turn, message, result, rethrow, durable_replies);
  if (commit == Commit::failed) return false;
  spdlog::info("event=message channel={} sender={} delivery={} kind={} intent={} replies={}", channel,
               log_key(message.message.sender_key), message.delivery_id, message_kind(message),
               bot::to_string(result.intent), result.replies.size());
  if (commit == Commit::replies_in_outbox) {
    outbox_->wake();
  } else if (!message.address.chat.empty()) {
    for (const auto& reply : result.replies) sender.send(message.address, reply);
  }
  return true;
}

bool Dispatcher::answer(const ChannelMessage& message, bool rethrow, bot::ConversationResult& result) {
  if (message.address.chat.empty()) return true;  // nothing to answer; the claim still counts
  if (message.direct_reply) {
    result.replies.push_back(*message.direct_reply);
    result.intent = bot::Intent::help;
    return true;
  }
  auto started = std::chrono::steady_clock::now();
  try {
    result = conversation_.handle(message.message);
  } catch (const bot::StorageUnavailable& e) {
    log_unavailable(message, e);  // the turn rolls back: no half-written conversation, no reply
    if (rethrow) throw;
    return false;
  } catch (const std::exception& e) {
    // The bot itself failed (not storage): the user gets an apology and the turn still commits, so a redelivery
    // of this message is a duplicate.
    metrics_.count_error("bot");
    spdlog::error("event=bot_failed channel={} sender={} delivery={} error=\"{}\"", message.message.channel,
                  log_key(message.message.sender_key), message.delivery_id, e.what());
    if (rethrow) throw;
    result.replies = {bot::Reply{"Maaf, Netra sedang mengalami gangguan. Silakan coba lagi sebentar lagi.", {}}};
    result.intent = bot::Intent::help;
  }
  metrics_.observe_answer_seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return true;
}

Dispatcher::Commit Dispatcher::commit_turn(bot::Turn& turn, const ChannelMessage& message,
                                           const bot::ConversationResult& result, bool rethrow, bool durable_replies) {
  // The replies are written with the turn (durable outbox) or kept here until it committed: either way nobody
  // sees an answer before the delivery's claim is stored (DeliveryLedger::persist_claims, Turn::commit).
  bool queued_durably = false;
  try {
    if (durable_replies && outbox_ && !result.replies.empty()) {
      queued_durably =
          turn.queue_outbox(outbox_->message_for(message.message.channel, message.address, result.replies));
    }
    turn.commit();
  } catch (const std::exception& e) {
    bool unavailable = dynamic_cast<const bot::StorageUnavailable*>(&e) != nullptr;
    if (unavailable || outbox_) {
      // Shared storage: without the commit nothing happened, and the platform must deliver the message again.
      log_unavailable(message, e);
      if (rethrow) throw;
      return Commit::failed;
    }
    // SQLite: the claims stay in memory for the next write; an answer matters more than a possible repeat.
    metrics_.count_error("store");
    spdlog::warn("event=claims_not_saved error=\"{}\" (kept in memory, written with the next message)", e.what());
  }
  return queued_durably ? Commit::replies_in_outbox : Commit::replies_here;
}

Dispatcher::Admission Dispatcher::admit(ChannelMessage message, ReplySender& sender,
                                        ShardedQueue::Clock::time_point deadline) {
  const std::string channel = message.message.channel;
  if (message.joins_album_only && !bursts_) return Admission::ignored;  // not addressed, and nothing to join
  if (!ledger_.claim_delivery(message.delivery_id)) {
    metrics_.count_duplicate(channel);
    spdlog::info("event=duplicate channel={} delivery={}", channel, message.delivery_id);
    return Admission::duplicate;
  }
  if (bursts_ && MediaBursts::gathers(message)) {
    const std::string delivery_id = message.delivery_id;
    auto added = bursts_->add(std::move(message), sender);
    if (!added.taken) {
      ledger_.release_delivery(delivery_id);  // only in memory: never kept, so never written
      return Admission::ignored;
    }
    metrics_.count_inbound(channel);
    bool queued = true;
    for (auto& burst : added.ready) queued = submit(std::move(burst), deadline) && queued;
    return queued ? Admission::queued : Admission::busy;
  }
  // The sender's media gathered so far go first: the bot reads them before this message.
  if (bursts_) {
    if (auto earlier = bursts_->take(message.message.sender_key)) submit(std::move(*earlier), deadline);
  }
  // Only a message answered on its own holds its webhook until the commit: a part of a media burst is answered
  // at once, or the platform would hold back the album's next part until the burst timed out.
  if (commit_waits_) commit_waits_->expect(message.delivery_id);
  MediaBurst single;
  single.delivery_ids.push_back(message.delivery_id);
  single.message = std::move(message);
  single.sender = &sender;
  single.parts = 1;
  if (!submit(std::move(single), deadline)) return Admission::busy;
  metrics_.count_inbound(channel);
  return Admission::queued;
}

bool Dispatcher::claim_report(const std::string& delivery_id) {
  if (!ledger_.claim_delivery(delivery_id)) return false;
  ledger_.keep_claim(delivery_id);
  return true;
}

bool Dispatcher::await_commits(const std::vector<std::string>& delivery_ids) {
  if (!commit_waits_ || delivery_ids.empty()) return true;
  return commit_waits_->wait(delivery_ids, CommitWaits::Clock::now() + commit_wait_);
}

bool Dispatcher::submit(MediaBurst burst, ShardedQueue::Clock::time_point deadline) {
  const std::string channel = burst.message.message.channel;
  const std::string sender_key = burst.message.message.sender_key;
  const std::string first_delivery = burst.message.delivery_id;
  std::vector<std::string> delivery_ids = burst.delivery_ids;
  if (burst.parts > 1) {
    spdlog::info("event=media_gathered channel={} sender={} delivery={} parts={}", channel, log_key(sender_key),
                 first_delivery, burst.parts);
  }
  // A full queue is waited on rather than refused: the platform holds the request and sends no more on that
  // connection meanwhile, so a flood slows to what the bot keeps up with instead of turning into 503s (each of
  // which the platform would resend).
  auto task = [this, burst = std::move(burst)]() mutable {
    // Only now is the message taken: its turn takes its claims (written with the turn, before any reply) and the
    // acknowledgements go out, first in the chat's outbound shard, so before any reply. A message refused or
    // dropped before this point has claimed nothing on disk and acknowledged nothing: its redelivery is processed.
    ChannelMessage& message = burst.message;
    outbound_.enqueue(message.message.channel, message.address.chat, std::move(message.acknowledgements));
    bot::ConversationResult result;
    bool kept = run_turn(message, *burst.sender, burst.delivery_ids, false, true, result);
    if (commit_waits_) commit_waits_->finish(burst.delivery_ids, kept);
  };
  if (!queue_.submit_within(sender_key, std::move(task), deadline)) {
    for (const auto& delivery_id : delivery_ids) ledger_.release_delivery(delivery_id);
    if (commit_waits_) commit_waits_->finish(delivery_ids, false);
    metrics_.count_dropped("inbound");
    log_busy(channel, first_delivery);
    return false;
  }
  return true;
}

void Dispatcher::log_busy(const std::string& channel, const std::string& delivery_id) {
  busy_unlogged_.fetch_add(1);
  int64_t now =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  int64_t last = last_busy_log_ns_.load();
  if (now - last < 1'000'000'000 || !last_busy_log_ns_.compare_exchange_strong(last, now)) return;
  size_t refused = busy_unlogged_.exchange(0);
  spdlog::warn("event=inbound_busy channel={} delivery={} depth={} refused_since_last_line={}", channel, delivery_id,
               queue_.depth(), refused);
}

size_t Dispatcher::shutdown(std::chrono::steady_clock::time_point deadline) {
  // Media still gathering were acknowledged to the platform already: the bot gets them before the queue closes.
  if (bursts_) {
    for (auto& burst : bursts_->take_all()) submit(std::move(burst), ShardedQueue::Clock::time_point::min());
  }
  size_t dropped = queue_.shutdown(deadline);
  if (dropped > 0) {
    for (size_t i = 0; i < dropped; ++i) metrics_.count_dropped("inbound");
    spdlog::warn("event=inbound_dropped_at_shutdown messages={}", dropped);
  }
  return dropped;
}

}  // namespace netra::adapters
