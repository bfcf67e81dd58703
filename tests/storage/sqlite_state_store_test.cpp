// The SQLite state store's own behaviour (adapters/storage/sqlite_state_store.h): claims batched in memory, the
// schema upgrade, the background WAL checkpoint. What both backends share is in state_store_contract_test.cpp.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "adapters/storage/sqlite_state_store.h"
#include "bot/clock.h"
#include "bot/crypto.h"
#include "knowledge/sqlite.h"
#include "support/test_support.h"

using namespace netra::adapters::storage;
using netra::bot::hmac_sha256_hex;
using netra::bot::unix_now;
using netra::knowledge::Database;
using netra::knowledge::Statement;
using netra::testing::TempDir;

namespace {

SqliteStateConfig config_in(const TempDir& dir) {
  SqliteStateConfig config;
  config.path = dir.file("state.db");
  config.pseudonym_key = "test-key";
  return config;
}

}  // namespace

TEST_CASE("claims stored by the earlier schema (a rowid table) still count after the upgrade", "[sqlite]") {
  TempDir dir;
  auto config = config_in(dir);
  {
    Database old(config.path, Database::Mode::read_write_create);
    old.exec(
        "CREATE TABLE deliveries(id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);"
        "CREATE INDEX deliveries_seen ON deliveries(seen_at);");
    Statement insert(old, "INSERT INTO deliveries(id, seen_at) VALUES (?1, ?2)");
    insert.bind(1, hmac_sha256_hex(config.pseudonym_key, "whatsapp:wamid.OLD")).bind(2, unix_now()).run();
  }
  SqliteStateStore store(config);
  CHECK_FALSE(store.claim_delivery("whatsapp:wamid.OLD"));
  CHECK(store.claim_delivery("whatsapp:wamid.NEW"));
  Database check(config.path, Database::Mode::read_write_create);
  Statement old_table(check, "SELECT count(*) FROM sqlite_master WHERE name = 'deliveries'");
  REQUIRE(old_table.step());
  CHECK(old_table.column_int(0) == 0);
}

TEST_CASE("kept claims wait in memory until persist_claims writes them together", "[sqlite]") {
  TempDir dir;
  auto config = config_in(dir);
  SqliteStateStore store(config);
  Database reader(config.path, Database::Mode::read_only);
  auto rows_on_disk = [&] {
    Statement count(reader, "SELECT count(*) FROM delivery_claims");
    REQUIRE(count.step());
    return count.column_int(0);
  };
  CHECK(store.claim_delivery("telegram:1"));
  CHECK(store.claim_delivery("telegram:2"));
  CHECK(store.claim_delivery("telegram:3"));
  CHECK_FALSE(store.claim_delivery("telegram:1"));  // a claim in memory already counts
  store.keep_claim("telegram:1");
  store.keep_claim("telegram:2");
  CHECK(rows_on_disk() == 0);
  store.persist_claims();
  CHECK(rows_on_disk() == 2);                       // the kept ones; telegram:3 is still waiting to be accepted
  CHECK_FALSE(store.claim_delivery("telegram:2"));  // and on disk still counts
  store.persist_claims();                           // nothing waiting: nothing written
  CHECK(rows_on_disk() == 2);
}

TEST_CASE("the WAL is checkpointed into the database file in the background, not only at close", "[sqlite]") {
  TempDir dir;
  auto config = config_in(dir);
  config.checkpoint_interval_ms = 50;
  SqliteStateStore store(config);
  auto size_before = std::filesystem::file_size(config.path);
  for (int i = 0; i < 300; ++i) {
    store.save_session("sender-" + std::to_string(i), std::string(500, 'x'));  // ~40 pages, only in the WAL
  }
  // The checkpoint thread runs every 50 ms: wait for it to move the WAL's pages into the file.
  CHECK(netra::testing::wait_until([&] { return std::filesystem::file_size(config.path) > size_before; },
                                   std::chrono::seconds(2), std::chrono::milliseconds(20)));
  CHECK(store.load_session("sender-299") == std::string(500, 'x'));
}

TEST_CASE("a write waits the configured busy time-out for another writer's lock, then fails with SQLITE_BUSY",
          "[sqlite]") {
  TempDir dir;
  auto config = config_in(dir);
  config.busy_timeout = std::chrono::milliseconds(300);
  SqliteStateStore store(config);
  Database other(config.path, Database::Mode::read_write_create);
  other.exec("BEGIN IMMEDIATE");  // holds the write lock, as another process would
  auto started = std::chrono::steady_clock::now();
  int code = 0;
  try {
    store.save_session("sender-1", "{}");
  } catch (const netra::knowledge::SqliteError& e) {
    code = e.code() & 0xFF;
  }
  auto waited = std::chrono::steady_clock::now() - started;
  CHECK(code == SQLITE_BUSY);
  CHECK(waited >= std::chrono::milliseconds(290));
  CHECK(waited < std::chrono::milliseconds(300) + std::chrono::seconds(3));  // the configured wait, not the default
  other.exec("ROLLBACK");
  store.save_session("sender-1", "{}");  // the lock is gone: the write goes through
  CHECK(store.load_session("sender-1") == "{}");
}
