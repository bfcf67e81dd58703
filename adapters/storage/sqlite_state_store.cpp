#include "adapters/storage/sqlite_state_store.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

#include "bot/clock.h"
#include "bot/crypto.h"

namespace netra::adapters::storage {
namespace {

using knowledge::Database;
using knowledge::Statement;

// WAL lets readers and the writer work at once. synchronous=NORMAL is durable against a crashed or killed
// process (the WAL is in the OS cache); losing a session or a dedupe row to a power cut is acceptable here.
constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
-- One b-tree keyed by the (random) claim key: a claim is written for every webhook delivery, so each extra
-- index would be another random page written per message. The hourly purge scans it instead.
CREATE TABLE IF NOT EXISTS delivery_claims(id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions(sender_key TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS counters(
  sender_key TEXT NOT NULL, name TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY(sender_key, name, day));
CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated_at);
)sql";

bool has_table(Database& db, const char* name) {
  Statement query(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  return query.bind(1, name).step();
}

knowledge::Database open_migrated(const std::string& path, std::chrono::milliseconds busy_timeout) {
  Database db(path, Database::Mode::read_write_create);
  sqlite3_busy_timeout(db.handle(), static_cast<int>(busy_timeout.count()));
  db.exec(kSchema);
  // Before 2026-11-26 the claims lived in a rowid table with two indexes; carry them over once. The check is
  // inside the write transaction: two processes opening the store at once must not both move the table.
  {
    knowledge::Transaction move(db, true);
    if (has_table(db, "deliveries")) {
      db.exec(
          "INSERT OR IGNORE INTO delivery_claims(id, seen_at) SELECT id, seen_at FROM deliveries;"
          "DROP TABLE deliveries;");
    }
    move.commit();
  }
  return db;
}

// Rewinds a cached statement when the scope ends, also when reading its row throws.
struct ResetOnExit {
  Statement& statement;
  ~ResetOnExit() { statement.reset(); }
};

// A turn of the single-process store: the claims were made (and duplicates turned away) at admission; the commit
// writes them, with every other kept claim, in one transaction.
class SqliteTurn : public bot::Turn {
 public:
  explicit SqliteTurn(SqliteStateStore& store) : store_(store) {}
  bool claimed() const override { return true; }
  bool queue_outbox(const bot::OutboxMessage&) override { return false; }
  void commit() override { store_.persist_claims(); }

 private:
  SqliteStateStore& store_;
};

}  // namespace

SqliteStateStore::SqliteStateStore(SqliteStateConfig config)
    : config_(std::move(config)),
      db_(open_migrated(config_.path, config_.busy_timeout)),
      select_delivery_(db_, "SELECT seen_at FROM delivery_claims WHERE id = ?1"),
      upsert_delivery_(db_, "INSERT OR REPLACE INTO delivery_claims(id, seen_at) VALUES (?1, ?2)"),
      delete_delivery_(db_, "DELETE FROM delivery_claims WHERE id = ?1"),
      select_session_(db_, "SELECT state, updated_at FROM sessions WHERE sender_key = ?1"),
      upsert_session_(db_, "INSERT OR REPLACE INTO sessions(sender_key, state, updated_at) VALUES (?1, ?2, ?3)"),
      delete_session_(db_, "DELETE FROM sessions WHERE sender_key = ?1"),
      bump_counter_(db_,
                    "INSERT INTO counters(sender_key, name, day, count) VALUES (?1, ?2, ?3, 1) "
                    "ON CONFLICT(sender_key, name, day) DO UPDATE SET count = count + 1 RETURNING count"),
      select_counter_(db_, "SELECT count FROM counters WHERE sender_key = ?1 AND name = ?2 AND day = ?3") {
  if (config_.checkpoint_interval_ms > 0) {
    db_.exec("PRAGMA wal_autocheckpoint=0");
    checkpointer_ =
        std::make_unique<WalCheckpointer>(config_.path, std::chrono::milliseconds(config_.checkpoint_interval_ms));
  }
  purge_expired();
}

SqliteStateStore::~SqliteStateStore() {
  try {
    persist_claims();
  } catch (const std::exception&) {
    // Closing with the database locked: the unwritten claims only mean a redelivery would be answered again.
  }
}

bool SqliteStateStore::claim_delivery(const std::string& delivery_id) {
  std::string key = bot::hmac_sha256_hex(config_.pseudonym_key, delivery_id);
  int64_t now = bot::unix_now();
  std::lock_guard lock(mutex_);
  if (pending_claims_.count(key)) return false;
  {
    ResetOnExit rewind{select_delivery_};
    select_delivery_.bind(1, key);
    if (select_delivery_.step() && select_delivery_.column_int(0) >= now - config_.dedupe_ttl_seconds) return false;
  }
  pending_claims_.emplace(std::move(key), now);
  return true;
}

void SqliteStateStore::keep_claim(const std::string& delivery_id) {
  std::string key = bot::hmac_sha256_hex(config_.pseudonym_key, delivery_id);
  std::lock_guard lock(mutex_);
  if (pending_claims_.count(key)) kept_claims_.push_back(std::move(key));
}

void SqliteStateStore::release_delivery(const std::string& delivery_id) {
  std::string key = bot::hmac_sha256_hex(config_.pseudonym_key, delivery_id);
  std::lock_guard lock(mutex_);
  if (pending_claims_.erase(key)) {
    std::erase(kept_claims_, key);
    return;
  }
  delete_delivery_.bind(1, key).run();
}

std::unique_ptr<bot::Turn> SqliteStateStore::begin_turn(const std::string&,
                                                        const std::vector<std::string>& delivery_ids) {
  for (const auto& delivery_id : delivery_ids) keep_claim(delivery_id);
  return std::make_unique<SqliteTurn>(*this);
}

void SqliteStateStore::persist_claims() {
  std::lock_guard lock(mutex_);
  write_pending_claims();
}

void SqliteStateStore::write_pending_claims() {
  if (kept_claims_.empty()) return;  // no write transaction (and no write lock) for nothing
  knowledge::Transaction transaction(db_, true);
  for (const auto& key : kept_claims_) {
    auto claim = pending_claims_.find(key);
    if (claim == pending_claims_.end()) continue;
    ResetOnExit rewind{upsert_delivery_};
    upsert_delivery_.bind(1, key).bind(2, claim->second).step();
  }
  transaction.commit();
  for (const auto& key : kept_claims_) pending_claims_.erase(key);
  kept_claims_.clear();
}

std::optional<std::string> SqliteStateStore::load_session(const std::string& sender_key) {
  std::lock_guard lock(mutex_);
  ResetOnExit rewind{select_session_};
  select_session_.bind(1, sender_key);
  if (!select_session_.step()) return std::nullopt;
  if (select_session_.column_int(1) < bot::unix_now() - config_.session_ttl_seconds) return std::nullopt;
  return select_session_.column_text(0);
}

void SqliteStateStore::save_session(const std::string& sender_key, const std::string& state_json) {
  std::lock_guard lock(mutex_);
  upsert_session_.bind(1, sender_key).bind(2, state_json).bind(3, bot::unix_now()).run();
}

void SqliteStateStore::clear_session(const std::string& sender_key) {
  std::lock_guard lock(mutex_);
  delete_session_.bind(1, sender_key).run();
}

int64_t SqliteStateStore::bump_daily_counter(const std::string& sender_key, const std::string& name) {
  std::string day = bot::utc_day(bot::unix_now());
  std::lock_guard lock(mutex_);
  ResetOnExit rewind{bump_counter_};
  bump_counter_.bind(1, sender_key).bind(2, name).bind(3, day);
  return bump_counter_.step() ? bump_counter_.column_int(0) : 0;
}

int64_t SqliteStateStore::daily_counter(const std::string& sender_key, const std::string& name) {
  std::string day = bot::utc_day(bot::unix_now());
  std::lock_guard lock(mutex_);
  ResetOnExit rewind{select_counter_};
  select_counter_.bind(1, sender_key).bind(2, name).bind(3, day);
  return select_counter_.step() ? select_counter_.column_int(0) : 0;
}

int64_t SqliteStateStore::purge_expired() {
  int64_t now = bot::unix_now();
  std::lock_guard lock(mutex_);
  int64_t removed = 0;
  Statement deliveries(db_, "DELETE FROM delivery_claims WHERE seen_at < ?1");
  deliveries.bind(1, now - config_.dedupe_ttl_seconds).run();
  removed += db_.changes();
  Statement sessions(db_, "DELETE FROM sessions WHERE updated_at < ?1");
  sessions.bind(1, now - config_.session_ttl_seconds).run();
  removed += db_.changes();
  Statement counters(db_, "DELETE FROM counters WHERE day < ?1");
  counters.bind(1, bot::utc_day(now - 2 * 86400)).run();
  removed += db_.changes();
  return removed;
}

}  // namespace netra::adapters::storage
