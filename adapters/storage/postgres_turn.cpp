#include "adapters/storage/postgres_turn.h"

namespace netra::adapters::storage {
namespace {

// hashtextextended is PostgreSQL's own 64-bit string hash (11+): the sender key becomes the lock's bigint key.
constexpr PgStatement kLockSender{"netra_turn_lock", "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))"};
// A claim older than the dedupe window counts as new again (the row is refreshed), like an absent one.
constexpr PgStatement kInsertClaim{
    "netra_turn_claim",
    "INSERT INTO delivery_claims(channel, id_hmac) VALUES ($1, $2) "
    "ON CONFLICT (channel, id_hmac) DO UPDATE SET seen_at = now() "
    "WHERE delivery_claims.seen_at < now() - make_interval(secs => $3::double precision) RETURNING 1"};
constexpr PgStatement kInsertOutbox{"netra_outbox_insert",
                                    "INSERT INTO outbox(channel, chat_key, payload) VALUES ($1, $2, $3)"};

}  // namespace

PostgresTurn::PostgresTurn(PostgresStateStore& store, PgPool::Lease connection, std::string sender_key,
                           const std::vector<PostgresStateStore::Claim>& claims, std::vector<std::string> pending_keys)
    : store_(store),
      connection_(std::move(connection)),
      sender_key_(std::move(sender_key)),
      pending_keys_(std::move(pending_keys)) {
  transaction_.emplace(*connection_);
  if (!sender_key_.empty()) connection_->run(kLockSender, {sender_key_});
  claimed_ = claims.empty();  // the web chat has no delivery to deduplicate
  const std::string ttl = std::to_string(store_.config_.dedupe_ttl_seconds);
  for (const auto& claim : claims) {
    if (connection_->run(kInsertClaim, {claim.channel, claim.id_hmac, ttl}).rows() > 0) claimed_ = true;
  }
  if (!sender_key_.empty()) {
    store_.register_turn(sender_key_, *connection_);
    registered_ = true;
  }
}

PostgresTurn::~PostgresTurn() {
  if (registered_) store_.unregister_turn(sender_key_);
  transaction_.reset();  // ROLLBACK unless committed
  store_.forget_pending(pending_keys_);
}

bool PostgresTurn::queue_outbox(const bot::OutboxMessage& message) {
  connection_->run(kInsertOutbox, {message.channel, message.chat_key, message.payload});
  return true;
}

void PostgresTurn::commit() {
  // Out of the routing first: from here on the session calls of this thread are not the turn's.
  if (registered_) store_.unregister_turn(sender_key_);
  registered_ = false;
  transaction_->commit();
  // Claims kept outside turns (delivery-failure notices) go with it, as on SQLite; if that fails they stay pending
  // for the next turn — the committed turn is unaffected.
  try {
    store_.persist_claims();
  } catch (const std::exception&) {
  }
}

}  // namespace netra::adapters::storage
