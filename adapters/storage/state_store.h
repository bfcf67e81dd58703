// The conversation state of `netra serve` — dedupe claims, sessions, per-day counters and turns — as one object,
// whichever backend holds it: SqliteStateStore (NETRA_DATA_DIR/state.db, one process) or PostgresStateStore
// (NETRA_DATABASE_URL, shared by replicas). main() chooses; the dispatcher and the conversation see only the
// bot/ interfaces.
#pragma once

#include <cstdint>

#include "bot/delivery_ledger.h"
#include "bot/sender_state.h"
#include "bot/turn_store.h"

namespace netra::adapters::storage {

class StateStore : public bot::DeliveryLedger, public bot::SenderState, public bot::TurnStore {
 public:
  // Deletes expired sessions and dedupe claims and counters of past days. Returns the rows removed.
  virtual int64_t purge_expired() = 0;
};

}  // namespace netra::adapters::storage
