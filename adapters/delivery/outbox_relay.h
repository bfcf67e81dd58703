// Delivers the durable outbox (bot/outbox.h) when replicas share PostgreSQL: the turns write their replies there,
// and every replica's relay claims rows — its own right after they commit (wake), rows another replica left
// behind (it died after COMMIT) on a short poll — and hands each to the in-process Outbound, which sends them with
// its retries and refusal handling. Right before a row's first request leaves, the relay records the attempt
// (and does not send if the row is no longer its own). When Outbound is done with a row the relay records it:
// delivered (deleted), given up, released (never attempted, or refused outright: another claim may send it), or,
// when an attempt got no answer at all, maybe_sent (never resent). The rows of a relay that fell silent (its
// replica died) are put back in the queue when no attempt was recorded, else marked maybe_sent.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/channels/channel.h"
#include "adapters/app/metrics.h"
#include "adapters/delivery/outbound.h"
#include "bot/outbox.h"
#include "bot/turn_store.h"

namespace netra::adapters {

struct OutboxRelayConfig {
  std::string claimer;                      // this replica in claimed_by and the logs, e.g. host:pid
  std::string chat_key_secret;              // keys chat_key (NETRA_SECRET, which replicas share)
  size_t max_in_flight = 16;                // rows claimed and not yet finished
  std::chrono::milliseconds poll{500};      // how often it looks for rows nobody woke it for
  std::chrono::seconds heartbeat_every{2};  // says this relay is alive (outbox_relays)
  // A row `sending` whose relay has been silent this long belonged to a replica that died mid-send.
  std::chrono::seconds silent_after{15};
  // A row `sending` for longer is stale even if its relay seems alive: more than every attempt with its time-out
  // and backoff could take (serve derives it from the tuning).
  std::chrono::seconds stale_after{900};
  std::chrono::seconds reap_every{5};
};

// A row's payload: where the replies go and what they say. JSON, so a row written by one replica's version can be
// read by another's.
std::string encode_outbox_payload(const ReplyAddress& to, const std::vector<bot::Reply>& replies);
// Throws nlohmann::json::exception for a payload this version cannot read.
std::pair<ReplyAddress, std::vector<bot::Reply>> decode_outbox_payload(const std::string& payload);

class OutboxRelay {
 public:
  // `outbox` and `metrics` must outlive the relay. Nothing runs before start().
  OutboxRelay(bot::Outbox& outbox, Metrics& metrics, OutboxRelayConfig config);
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // The channel that renders (and whose Outbound refusals are read for) its rows. Before start().
  void add_channel(const Channel& channel);
  // The outbox row for replies to `to` on `channel`.
  bot::OutboxMessage message_for(const std::string& channel, const ReplyAddress& to,
                                 const std::vector<bot::Reply>& replies) const;
  // Starts the relay's thread, sending through `outbound`. Outbound calls back into the relay when a batch ends,
  // also when it drops batches as it is destroyed, so construct the relay before the Outbound it starts with.
  void start(Outbound& outbound);
  // A turn just committed rows: look now rather than at the next poll.
  void wake();
  // Stops claiming (rows already handed to Outbound finish or are released by it). Idempotent.
  void stop();

 private:
  void run();
  // Claims what fits in flight and hands it to Outbound. Returns the rows claimed.
  size_t relay_batch();
  // Hands one row to Outbound. False when Outbound refused it (the row was released).
  bool relay(const bot::OutboxEntry& entry);
  void finish(const bot::OutboxEntry& entry, DeliveryOutcome outcome);
  void reap();

  bot::Outbox& outbox_;
  Outbound* outbound_ = nullptr;
  Metrics& metrics_;
  OutboxRelayConfig config_;
  std::map<std::string, const Channel*> channels_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool wake_requested_ = false;
  bool stopping_ = false;
  std::atomic<size_t> in_flight_{0};
  std::chrono::steady_clock::time_point last_reap_{};
  std::chrono::steady_clock::time_point last_heartbeat_{};
  std::chrono::steady_clock::time_point quiet_until_{};  // after a storage failure: poll again only then
  std::thread thread_;
};

}  // namespace netra::adapters
