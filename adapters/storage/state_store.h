// The conversation state of `netra serve` — dedupe claims, sessions, per-day counters and turns — as one object,
// whichever backend holds it: SqliteStateStore (NETRA_DATA_DIR/state.db, one process) or PostgresStateStore
// (NETRA_DATABASE_URL, shared by replicas). main() chooses; the dispatcher sees it as the DeliveryLedger
// (adapters/delivery/) and a TurnStore, the conversation as bot/'s SenderState.
#pragma once

#include <cstdint>

#include "adapters/delivery/delivery_ledger.h"
#include "bot/sender_state.h"
#include "bot/turn_store.h"

namespace netra::adapters::storage {

class StateStore : public DeliveryLedger, public bot::SenderState, public bot::TurnStore {
 public:
  // Deletes expired sessions and dedupe claims and counters of past days. Returns the rows removed.
  virtual int64_t purge_expired() = 0;
};

}  // namespace netra::adapters::storage
