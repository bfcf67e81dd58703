#include "adapters/storage/postgres_state_store.h"

#include <optional>

#include "adapters/storage/postgres_turn.h"
#include "bot/crypto.h"

namespace netra::adapters::storage {
namespace {

// Durations travel as seconds; make_interval keeps the SQL readable.
constexpr PgStatement kSelectClaim{"netra_claim_select",
                                   "SELECT 1 FROM delivery_claims WHERE channel = $1 AND id_hmac = $2 "
                                   "AND seen_at >= now() - make_interval(secs => $3::double precision)"};
constexpr PgStatement kInsertKeptClaim{
    "netra_claim_insert_kept",
    "INSERT INTO delivery_claims(channel, id_hmac) VALUES ($1, $2) ON CONFLICT (channel, id_hmac) DO NOTHING"};
constexpr PgStatement kDeleteClaim{"netra_claim_delete",
                                   "DELETE FROM delivery_claims WHERE channel = $1 AND id_hmac = $2"};
constexpr PgStatement kSelectSession{"netra_session_select",
                                     "SELECT state FROM sessions WHERE sender_key = $1 "
                                     "AND updated_at >= now() - make_interval(secs => $2::double precision)"};
constexpr PgStatement kUpsertSession{
    "netra_session_upsert",
    "INSERT INTO sessions(sender_key, state, updated_at) VALUES ($1, $2, now()) "
    "ON CONFLICT (sender_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at"};
constexpr PgStatement kDeleteSession{"netra_session_delete", "DELETE FROM sessions WHERE sender_key = $1"};
constexpr PgStatement kBumpCounter{
    "netra_counter_bump",
    "INSERT INTO counters(sender_key, name, day, count) VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date, 1) "
    "ON CONFLICT (sender_key, name, day) DO UPDATE SET count = counters.count + 1 RETURNING count"};
constexpr PgStatement kSelectCounter{
    "netra_counter_select",
    "SELECT count FROM counters WHERE sender_key = $1 AND name = $2 AND day = (now() AT TIME ZONE 'UTC')::date"};
constexpr PgStatement kPurgeClaims{
    "netra_purge_claims",
    "DELETE FROM delivery_claims WHERE seen_at < now() - make_interval(secs => $1::double precision)"};
constexpr PgStatement kPurgeSessions{
    "netra_purge_sessions",
    "DELETE FROM sessions WHERE updated_at < now() - make_interval(secs => $1::double precision)"};
constexpr PgStatement kPurgeCounters{"netra_purge_counters",
                                     "DELETE FROM counters WHERE day < (now() AT TIME ZONE 'UTC')::date - 2"};
// Outbox rows that will never be sent (given up, maybe sent) are kept as long as dedupe claims, for the record.
constexpr PgStatement kPurgeOutbox{"netra_purge_outbox",
                                   "DELETE FROM outbox WHERE state IN ('maybe_sent', 'given_up') "
                                   "AND created_at < now() - make_interval(secs => $1::double precision)"};

std::string pending_key(const std::string& channel, const std::string& id_hmac) {
  return channel + '\n' + id_hmac;
}

}  // namespace

PostgresStateStore::PostgresStateStore(PgPool& pool, PostgresStateConfig config)
    : pool_(pool), config_(std::move(config)) {}

PostgresStateStore::~PostgresStateStore() {
  try {
    persist_claims();
  } catch (const std::exception&) {
    // The server is gone: the unwritten claims (delivery-failure notices) only mean a notice counted twice.
  }
}

PostgresStateStore::Claim PostgresStateStore::claim_of(const std::string& delivery_id) const {
  size_t colon = delivery_id.find(':');
  return {colon == std::string::npos ? "" : delivery_id.substr(0, colon),
          bot::hmac_sha256_hex(config_.pseudonym_key, delivery_id)};
}

bool PostgresStateStore::claim_delivery(const std::string& delivery_id) {
  Claim claim = claim_of(delivery_id);
  std::string key = pending_key(claim.channel, claim.id_hmac);
  {
    std::lock_guard lock(mutex_);
    if (pending_.count(key)) return false;
  }
  {
    auto connection = pool_.acquire();
    auto found =
        connection->run(kSelectClaim, {claim.channel, claim.id_hmac, std::to_string(config_.dedupe_ttl_seconds)});
    if (found.rows() > 0) return false;
  }
  std::lock_guard lock(mutex_);
  return pending_.emplace(key, false).second;
}

void PostgresStateStore::keep_claim(const std::string& delivery_id) {
  Claim claim = claim_of(delivery_id);
  std::lock_guard lock(mutex_);
  auto pending = pending_.find(pending_key(claim.channel, claim.id_hmac));
  if (pending != pending_.end()) pending->second = true;
}

void PostgresStateStore::release_delivery(const std::string& delivery_id) {
  Claim claim = claim_of(delivery_id);
  {
    std::lock_guard lock(mutex_);
    if (pending_.erase(pending_key(claim.channel, claim.id_hmac))) return;
  }
  auto connection = pool_.acquire();
  connection->run(kDeleteClaim, {claim.channel, claim.id_hmac});
}

void PostgresStateStore::persist_claims() {
  std::vector<std::string> kept;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, is_kept] : pending_) {
      if (is_kept) kept.push_back(key);
    }
  }
  if (kept.empty()) return;
  {
    auto connection = pool_.acquire();
    PgTransaction transaction(*connection);
    for (const auto& key : kept) {
      size_t split = key.find('\n');
      connection->run(kInsertKeptClaim, {key.substr(0, split), key.substr(split + 1)});
    }
    transaction.commit();
  }
  forget_pending(kept);
}

void PostgresStateStore::forget_pending(const std::vector<std::string>& keys) {
  std::lock_guard lock(mutex_);
  for (const auto& key : keys) pending_.erase(key);
}

PgConnection* PostgresStateStore::turn_connection(const std::string& sender_key) {
  std::lock_guard lock(mutex_);
  auto open = open_turns_.find(sender_key);
  if (open == open_turns_.end() || open->second.thread != std::this_thread::get_id()) return nullptr;
  return open->second.connection;
}

void PostgresStateStore::register_turn(const std::string& sender_key, PgConnection& connection) {
  std::lock_guard lock(mutex_);
  open_turns_[sender_key] = {std::this_thread::get_id(), &connection};
}

void PostgresStateStore::unregister_turn(const std::string& sender_key) {
  std::lock_guard lock(mutex_);
  auto open = open_turns_.find(sender_key);
  if (open != open_turns_.end() && open->second.thread == std::this_thread::get_id()) open_turns_.erase(open);
}

// Runs `work` on the connection of this thread's turn of `sender_key`, or on a pooled one (its own transaction).
template <typename Work>
auto with_connection(PgPool& pool, PgConnection* turn, Work&& work) {
  if (turn) return work(*turn);
  auto lease = pool.acquire();
  return work(*lease);
}

std::optional<std::string> PostgresStateStore::load_session(const std::string& sender_key) {
  return with_connection(pool_, turn_connection(sender_key), [&](PgConnection& connection) {
    auto row = connection.run(kSelectSession, {sender_key, std::to_string(config_.session_ttl_seconds)});
    return row.rows() == 0 ? std::nullopt : std::optional<std::string>(row.text(0, 0));
  });
}

void PostgresStateStore::save_session(const std::string& sender_key, const std::string& state_json) {
  with_connection(pool_, turn_connection(sender_key), [&](PgConnection& connection) {
    connection.run(kUpsertSession, {sender_key, state_json});
  });
}

void PostgresStateStore::clear_session(const std::string& sender_key) {
  with_connection(pool_, turn_connection(sender_key),
                  [&](PgConnection& connection) { connection.run(kDeleteSession, {sender_key}); });
}

int64_t PostgresStateStore::bump_daily_counter(const std::string& sender_key, const std::string& name) {
  return with_connection(pool_, turn_connection(sender_key), [&](PgConnection& connection) {
    return connection.run(kBumpCounter, {sender_key, name}).integer(0, 0);
  });
}

int64_t PostgresStateStore::daily_counter(const std::string& sender_key, const std::string& name) {
  return with_connection(pool_, turn_connection(sender_key), [&](PgConnection& connection) {
    auto row = connection.run(kSelectCounter, {sender_key, name});
    return row.rows() == 0 ? int64_t{0} : row.integer(0, 0);
  });
}

std::unique_ptr<bot::Turn> PostgresStateStore::begin_turn(const std::string& sender_key,
                                                          const std::vector<std::string>& delivery_ids) {
  std::vector<Claim> claims;
  std::vector<std::string> keys;
  for (const auto& delivery_id : delivery_ids) {
    claims.push_back(claim_of(delivery_id));
    keys.push_back(pending_key(claims.back().channel, claims.back().id_hmac));
  }
  {
    // The turn takes these claims: pending (a redelivery meanwhile is a duplicate at once) but not kept, so
    // persist_claims never writes them outside the turn's transaction.
    std::lock_guard lock(mutex_);
    for (const auto& key : keys) pending_[key] = false;
  }
  try {
    return std::make_unique<PostgresTurn>(*this, pool_.acquire(), sender_key, claims, keys);
  } catch (...) {
    forget_pending(keys);  // nothing was claimed: the platform's redelivery must be processed
    throw;
  }
}

int64_t PostgresStateStore::purge_expired() {
  auto connection = pool_.acquire();
  int64_t removed = 0;
  removed += connection->run(kPurgeClaims, {std::to_string(config_.dedupe_ttl_seconds)}).affected();
  removed += connection->run(kPurgeSessions, {std::to_string(config_.session_ttl_seconds)}).affected();
  removed += connection->run(kPurgeCounters).affected();
  removed += connection->run(kPurgeOutbox, {std::to_string(config_.dedupe_ttl_seconds)}).affected();
  return removed;
}

}  // namespace netra::adapters::storage
