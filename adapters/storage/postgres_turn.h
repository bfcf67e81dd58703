// One turn on PostgreSQL (bot/turn_store.h): a transaction on its own pooled connection that first takes
// pg_advisory_xact_lock on the sender key (so one sender's turns run one after another across all replicas, and
// the lock ends with the transaction — it cannot expire mid-turn), then inserts the deliveries' claims with
// INSERT … ON CONFLICT: no row inserted means every delivery was handled before. The sender's session and counter
// calls on the opening thread, and the outbox rows, join the transaction; COMMIT makes them visible together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_state_store.h"
#include "bot/turn_store.h"

namespace netra::adapters::storage {

class PostgresTurn : public bot::Turn {
 public:
  // BEGIN, the sender's lock (blocks while another turn of the sender is open anywhere), the claims. Throws
  // bot::StorageUnavailable or PgError; nothing is then held.
  PostgresTurn(PostgresStateStore& store, PgPool::Lease connection, std::string sender_key,
               const std::vector<PostgresStateStore::Claim>& claims, std::vector<std::string> pending_keys);
  // Rolls back unless committed, and lets the store forget the turn's pending claims.
  ~PostgresTurn() override;

  bool claimed() const override { return claimed_; }
  // Always durable: the row is inserted in the turn's transaction.
  bool queue_outbox(const bot::OutboxMessage& message) override;
  void commit() override;

 private:
  PostgresStateStore& store_;
  PgPool::Lease connection_;
  std::optional<PgTransaction> transaction_;  // after connection_: rolled back before the lease ends
  std::string sender_key_;
  std::vector<std::string> pending_keys_;
  bool claimed_ = false;
  bool registered_ = false;
};

}  // namespace netra::adapters::storage
