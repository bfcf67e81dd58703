// Conversation state in PostgreSQL (NETRA_DATABASE_URL), shared by every replica: dedupe claims, sessions,
// per-day counters, and turns — a message's claim, state changes and outbox rows in one transaction under
// pg_advisory_xact_lock on its sender key (bot/turn_store.h). Time is the database's clock (now(), UTC days), so
// replicas whose clocks differ still agree on expiry and on "today".
//
// Outside a turn each call is its own short transaction on a pooled connection. Inside one — on the thread that
// opened it, for its sender key — calls run on the turn's connection, in its transaction.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/state_store.h"

namespace netra::adapters::storage {

struct PostgresStateConfig {
  int64_t session_ttl_seconds = 86400;     // a quiet session (and a half-finished report) expires after this
  int64_t dedupe_ttl_seconds = 7 * 86400;  // Meta retries for up to 7 days
  // Delivery ids are stored as HMACs under this key (NETRA_SECRET, which replicas share).
  std::string pseudonym_key;
};

class PostgresTurn;

class PostgresStateStore : public StateStore {
 public:
  // Uses `pool` (which must outlive the store); the schema must be migrated (postgres_migrations.h).
  PostgresStateStore(PgPool& pool, PostgresStateConfig config);
  ~PostgresStateStore() override;

  // The ledger. A claim first lives in this process (as on SQLite): claim_delivery checks this process's pending
  // claims and the table; keep_claim + persist_claims write claims that no turn took (a platform's delivery-failure
  // notices), while a turn writes its own deliveries' claims in its transaction.
  bool claim_delivery(const std::string& delivery_id) override;
  void keep_claim(const std::string& delivery_id) override;
  void release_delivery(const std::string& delivery_id) override;
  void persist_claims() override;

  std::optional<std::string> load_session(const std::string& sender_key) override;
  void save_session(const std::string& sender_key, const std::string& state_json) override;
  void clear_session(const std::string& sender_key) override;
  int64_t bump_daily_counter(const std::string& sender_key, const std::string& name) override;
  int64_t daily_counter(const std::string& sender_key, const std::string& name) override;

  std::unique_ptr<bot::Turn> begin_turn(const std::string& sender_key,
                                        const std::vector<std::string>& delivery_ids) override;

  int64_t purge_expired() override;

 private:
  friend class PostgresTurn;
  struct Claim {
    std::string channel, id_hmac;
  };
  Claim claim_of(const std::string& delivery_id) const;
  // The connection of the turn this thread has open for `sender_key`, or null.
  PgConnection* turn_connection(const std::string& sender_key);
  void register_turn(const std::string& sender_key, PgConnection& connection);
  void unregister_turn(const std::string& sender_key);
  void forget_pending(const std::vector<std::string>& keys);

  PgPool& pool_;
  PostgresStateConfig config_;
  std::mutex mutex_;
  // Pending claims of this process, "channel\nhmac" → kept (accepted for processing, not yet written). A claim
  // that a turn took stays here, not kept, until the turn ends: a redelivery meanwhile is a duplicate at once.
  std::unordered_map<std::string, bool> pending_;
  struct OpenTurn {
    std::thread::id thread;
    PgConnection* connection;
  };
  std::unordered_map<std::string, OpenTurn> open_turns_;  // by sender key
};

}  // namespace netra::adapters::storage
