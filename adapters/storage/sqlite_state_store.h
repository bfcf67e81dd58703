// Conversation state in SQLite (NETRA_DATA_DIR/state.db), the single-process backend and the default: per-sender
// sessions keyed by sender_key, the dedupe table of delivery ids, and per-sender counters for abuse limits. It
// never holds a phone number, chat id, user id, username or display name: only keyed hashes. Thread-safe (one
// connection behind a mutex; SQLite serialises writers anyway; a second connection only checkpoints the WAL in the
// background). Its turns (bot/turn_store.h) keep the batched claims of one process: a turn takes the claims made
// at admission and its commit writes them; replies are delivered by the caller (no outbox).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/storage/sqlite_wal_checkpointer.h"
#include "adapters/storage/state_store.h"
#include "knowledge/sqlite.h"

namespace netra::adapters::storage {

struct SqliteStateConfig {
  std::string path;                        // e.g. var/state.db
  int64_t session_ttl_seconds = 86400;     // a quiet session (and a half-finished report) expires after this
  int64_t dedupe_ttl_seconds = 7 * 86400;  // Meta retries for up to 7 days
  // Delivery ids are stored as HMACs under this key: a WhatsApp message id embeds the sender's phone number.
  std::string pseudonym_key;
  // WAL checkpoints run on a background thread this often (sqlite_wal_checkpointer.h); 0: inside COMMITs, as
  // SQLite does by default.
  int checkpoint_interval_ms = 200;
  // How long a write waits for another connection's lock before it fails with SQLITE_BUSY (a 503 at the HTTP
  // edge): NETRA_SQLITE_BUSY_TIMEOUT_MS.
  std::chrono::milliseconds busy_timeout{5000};
};

class SqliteStateStore : public StateStore {
 public:
  // Opens or creates the database and migrates its schema. Throws knowledge::SqliteError.
  explicit SqliteStateStore(SqliteStateConfig config);
  ~SqliteStateStore() override;
  SqliteStateStore(const SqliteStateStore&) = delete;
  SqliteStateStore& operator=(const SqliteStateStore&) = delete;

  // Records a delivery id (channel-scoped, e.g. "telegram:870213455"). Returns true the first time, false when it
  // was seen within the dedupe window: the caller then does nothing. The claim is held in memory (it already
  // counts for the next call) until keep_claim or release_delivery.
  bool claim_delivery(const std::string& delivery_id) override;
  // The claimed message was accepted for processing: persist_claims will write the claim. Until then a claim
  // exists only in memory, so a process killed while a message waits to be accepted has not taken it, and the
  // platform's redelivery of it is processed.
  void keep_claim(const std::string& delivery_id) override;
  // Forgets a claimed delivery so a redelivery is processed (used when the message could not be accepted).
  void release_delivery(const std::string& delivery_id) override;
  // Writes the kept claims, all in one transaction: a write per webhook was a third of the webhook path's cost
  // (docs/benchmarks.md). The bot calls it after handling a message and before its replies go out, so normally a
  // claim is on disk before anyone sees an answer. Throws knowledge::SqliteError (the claims stay in memory for
  // the next call; the caller then sends its replies anyway: an answer matters more than a possible repeat).
  // Also done when the store closes.
  void persist_claims() override;

  // The session state (JSON text) of a sender, if not expired.
  std::optional<std::string> load_session(const std::string& sender_key) override;
  void save_session(const std::string& sender_key, const std::string& state_json) override;
  void clear_session(const std::string& sender_key) override;

  // Adds one to a named counter of a sender for the current UTC day and returns the new count.
  int64_t bump_daily_counter(const std::string& sender_key, const std::string& name) override;
  // The counter's current value for today, without changing it.
  int64_t daily_counter(const std::string& sender_key, const std::string& name) override;

  // A turn of one process: takes (keeps) the claims admission made for `delivery_ids` and always counts as
  // claimed (admission already turned duplicates away); its commit writes the kept claims (persist_claims);
  // queue_outbox answers false — the caller delivers the replies itself, from memory, as before replicas existed.
  std::unique_ptr<bot::Turn> begin_turn(const std::string& sender_key,
                                        const std::vector<std::string>& delivery_ids) override;

  // Deletes expired sessions, dedupe rows and old counters. Returns rows removed.
  int64_t purge_expired() override;

  const SqliteStateConfig& config() const { return config_; }

 private:
  SqliteStateConfig config_;
  void write_pending_claims();  // under mutex_

  std::mutex mutex_;
  knowledge::Database db_;  // opened with the schema migrated, so the statements below can be prepared
  // Prepared once: preparing cost more than running these one-row statements (12 % of the webhook path's CPU,
  // docs/benchmarks.md). Used only under mutex_, and reset after each use so no read transaction stays open.
  knowledge::Statement select_delivery_, upsert_delivery_, delete_delivery_;
  knowledge::Statement select_session_, upsert_session_, delete_session_;
  knowledge::Statement bump_counter_, select_counter_;
  std::unordered_map<std::string, int64_t> pending_claims_;  // claim key → seen_at, not yet written
  std::vector<std::string> kept_claims_;           // the pending claims accepted for processing: the next write's rows
  std::unique_ptr<WalCheckpointer> checkpointer_;  // null when checkpoint_interval_ms is 0
};

}  // namespace netra::adapters::storage
