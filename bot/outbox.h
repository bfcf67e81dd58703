// The durable outbox (issue 13): replies a turn wrote (bot/turn_store.h) wait here until a replica's outbox
// relay delivers them. A row goes queued → sending (the attempt is recorded and committed BEFORE the platform is
// called) → deleted when delivered. A row found still `sending` long after its claim belonged to a replica that
// died mid-send: the platform may or may not have shown it, so it is marked `maybe_sent` and never sent again
// blindly (a Telegram or WhatsApp send has no idempotency key: resending could show the reply twice).
// One chat's messages go out in order: only the oldest open row of a chat can be claimed, and none while an
// earlier one is being sent.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace netra::bot {

struct OutboxEntry {
  int64_t id = 0;
  std::string channel;
  std::string payload;  // as the turn wrote it (OutboxMessage::payload)
  int attempts = 0;     // claims so far, this one included
};

struct OutboxCounts {
  int64_t queued = 0, sending = 0, maybe_sent = 0, given_up = 0;
};

class Outbox {
 public:
  virtual ~Outbox() = default;

  // Claims up to `limit` deliverable rows (queued, the head of their chat, no earlier row of the chat sending) for
  // `claimer` (a replica's name, for the logs): marks them sending with one more attempt and commits that before
  // returning. Rows another replica is claiming at the same moment are skipped, never waited for.
  virtual std::vector<OutboxEntry> claim(size_t limit, const std::string& claimer) = 0;
  // The platform accepted every request of the row: it is deleted (the payload names the recipient).
  virtual void delivered(int64_t id) = 0;
  // The row was claimed but never attempted (the sender was shutting down, its queue full): queued again.
  virtual void release(int64_t id) = 0;
  // The platform refused for good or the retries ran out: kept as given_up without its payload.
  virtual void give_up(int64_t id) = 0;
  // The sender stopped after an attempt that got no answer: the platform may show it. Kept as maybe_sent without
  // its payload, never sent again.
  virtual void mark_maybe_sent(int64_t id) = 0;
  // `claimer` is alive (its relay calls this every few seconds).
  virtual void heartbeat(const std::string& claimer) = 0;
  // Rows whose claimer has been silent for `silent_for` (it died mid-send), or sending since longer than
  // `older_than` (no live send takes that long), become maybe_sent without their payload. Returns how many.
  virtual int64_t mark_stale_maybe_sent(std::chrono::seconds silent_for, std::chrono::seconds older_than) = 0;
  virtual OutboxCounts counts() = 0;
};

}  // namespace netra::bot
