// The durable outbox (issue 13): replies a turn wrote (bot/turn_store.h) wait here until a replica's outbox
// relay delivers them. A row goes queued → sending (claimed by one relay) → its attempt recorded and committed
// BEFORE the platform is called → deleted when delivered. A relay that dies leaves its rows `sending`: those never
// attempted go back to the queue for another relay; one whose attempt was recorded may or may not have been shown
// by the platform, so it is marked `maybe_sent` and never sent again blindly (a Telegram or WhatsApp send has no
// idempotency key: resending could show the reply twice).
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
  int attempts = 0;     // attempts recorded before this claim
};

struct OutboxCounts {
  int64_t queued = 0, sending = 0, maybe_sent = 0, given_up = 0;
};

// What mark_stale found among the rows of relays that fell silent.
struct StaleRows {
  int64_t requeued = 0;    // never attempted: queued again for another relay
  int64_t maybe_sent = 0;  // attempted: the platform may have shown them; not sent again
};

class Outbox {
 public:
  virtual ~Outbox() = default;

  // Claims up to `limit` deliverable rows (queued, the head of their chat, no earlier row of the chat sending) for
  // `claimer` (a replica's relay): marks them sending and commits that before returning. Rows another relay is
  // claiming at the same moment are skipped, never waited for.
  virtual std::vector<OutboxEntry> claim(size_t limit, const std::string& claimer) = 0;
  // Records (and commits) that `claimer` is about to send row `id` for the first time, one more attempt. False
  // when the row is no longer `claimer`'s to send (another relay took it over, believing this one dead): then it
  // must not be sent.
  virtual bool mark_attempt(int64_t id, const std::string& claimer) = 0;
  // The platform accepted every request of the row: it is deleted (the payload names the recipient).
  virtual void delivered(int64_t id) = 0;
  // Nothing of the row can have been shown (never attempted, or refused outright): queued again.
  virtual void release(int64_t id) = 0;
  // The platform refused for good or the retries ran out: kept as given_up without its payload.
  virtual void give_up(int64_t id) = 0;
  // The sender stopped after an attempt that got no answer: the platform may show it. Kept as maybe_sent without
  // its payload, never sent again.
  virtual void mark_maybe_sent(int64_t id) = 0;
  // `claimer` is alive (its relay calls this every few seconds).
  virtual void heartbeat(const std::string& claimer) = 0;
  // The rows of relays silent for `silent_for` (they died), and rows sending for longer than `older_than` (no live
  // send takes that long): queued again when never attempted, else maybe_sent without their payload.
  virtual StaleRows mark_stale(std::chrono::seconds silent_for, std::chrono::seconds older_than) = 0;
  virtual OutboxCounts counts() = 0;
};

}  // namespace netra::bot
