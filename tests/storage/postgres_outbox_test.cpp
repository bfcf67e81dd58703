// The durable outbox on PostgreSQL (adapters/storage/postgres_outbox.h): rows from committed turns are claimed by
// one relay at a time, one chat's rows strictly in order, and a send that may have reached the platform is marked,
// never repeated.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_outbox.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_state_store.h"
#include "support/postgres_server.h"

using namespace netra::adapters::storage;
using netra::testing::PostgresServer;

namespace {

struct OutboxDatabase {
  PostgresServer server;
  PgPool pool{PgPoolConfig{server.url(), 4}};
  PostgresStateStore state{pool, PostgresStateConfig{86400, 7 * 86400, "k"}};
  PostgresOutbox outbox{pool};

  OutboxDatabase() { migrate(*pool.acquire(), postgres_migrations()); }
  // Commits one turn of `sender` that queues `payload` for `chat_key`.
  void queue(const std::string& chat_key, const std::string& payload, const std::string& sender = "s") {
    auto turn = state.begin_turn(sender, {});
    turn->queue_outbox({"telegram", chat_key, payload});
    turn->commit();
  }
  int64_t count(const std::string& sql) { return pool.acquire()->exec(sql).integer(0, 0); }
};

std::vector<std::string> payloads(const std::vector<netra::bot::OutboxEntry>& entries) {
  std::vector<std::string> texts;
  for (const auto& entry : entries) texts.push_back(entry.payload);
  return texts;
}

}  // namespace

TEST_CASE("only the head of each chat's queue is claimed, and the next row only once the head is delivered",
          "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "1a");
  db.queue("chat-1", "1b");
  db.queue("chat-2", "2a");
  auto first = db.outbox.claim(10, "replica-a");
  CHECK(payloads(first) == std::vector<std::string>{"1a", "2a"});
  CHECK(first[0].attempts == 1);
  // While 1a is being sent, nothing of chat-1 is claimable, by anyone.
  CHECK(db.outbox.claim(10, "replica-b").empty());
  db.outbox.delivered(first[0].id);
  auto next = db.outbox.claim(10, "replica-b");
  CHECK(payloads(next) == std::vector<std::string>{"1b"});
  CHECK(db.count("SELECT count(*) FROM outbox WHERE id = " + std::to_string(first[0].id)) == 0);  // deleted
}

TEST_CASE("two relays claiming at once never take the same row", "[postgres]") {
  OutboxDatabase db;
  for (int i = 0; i < 40; ++i) db.queue("chat-" + std::to_string(i), "p" + std::to_string(i));
  std::vector<netra::bot::OutboxEntry> a, b;
  std::thread relay_a([&] {
    for (int round = 0; round < 10; ++round) {
      auto got = db.outbox.claim(3, "a");
      a.insert(a.end(), got.begin(), got.end());
    }
  });
  std::thread relay_b([&] {
    for (int round = 0; round < 10; ++round) {
      auto got = db.outbox.claim(3, "b");
      b.insert(b.end(), got.begin(), got.end());
    }
  });
  relay_a.join();
  relay_b.join();
  std::set<int64_t> ids;
  for (const auto& entry : a) ids.insert(entry.id);
  for (const auto& entry : b) ids.insert(entry.id);
  CHECK(ids.size() == a.size() + b.size());  // no row twice
  CHECK(ids.size() == 40);                   // and every row once
}

TEST_CASE("a live relay's rows are left alone however many others look, until no live send could take so long",
          "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "slow reply");
  REQUIRE(db.outbox.claim(10, "busy-replica").size() == 1);
  for (int beat = 0; beat < 3; ++beat) {
    db.outbox.heartbeat("busy-replica");
    CHECK(db.outbox.mark_stale_maybe_sent(std::chrono::seconds(1), std::chrono::seconds(600)) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  db.outbox.heartbeat("busy-replica");
  CHECK(db.outbox.mark_stale_maybe_sent(std::chrono::seconds(5), std::chrono::seconds(1)) == 1);
}

TEST_CASE("a released row is claimed again, and a given-up row keeps no payload and is never claimed", "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "first");
  db.queue("chat-2", "second");
  auto claimed = db.outbox.claim(10, "a");
  REQUIRE(claimed.size() == 2);
  db.outbox.release(claimed[0].id);
  db.outbox.give_up(claimed[1].id);
  auto again = db.outbox.claim(10, "b");
  REQUIRE(again.size() == 1);
  CHECK(again[0].payload == "first");
  CHECK(again[0].attempts == 1);  // the released claim was never an attempt
  CHECK(db.count("SELECT count(*) FROM outbox WHERE state = 'given_up' AND payload IS NULL") == 1);
  auto counts = db.outbox.counts();
  CHECK(counts.sending == 1);
  CHECK(counts.given_up == 1);
}

TEST_CASE("a row left sending by a replica that died is marked maybe_sent, emptied and never sent again",
          "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "reply that may have gone out");
  db.queue("chat-1", "the chat's next reply");
  db.outbox.heartbeat("replica-that-dies");
  REQUIRE(db.outbox.claim(10, "replica-that-dies").size() == 1);
  // Its replica said it is alive a moment ago and the claim is fresh: it may be sending right now.
  CHECK(db.outbox.mark_stale_maybe_sent(std::chrono::seconds(60), std::chrono::seconds(600)) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // and now it has fallen silent
  CHECK(db.outbox.mark_stale_maybe_sent(std::chrono::seconds(1), std::chrono::seconds(600)) == 1);
  CHECK(db.count("SELECT count(*) FROM outbox WHERE state = 'maybe_sent' AND payload IS NULL") == 1);
  // The chat is not stuck behind it: its next reply goes out.
  auto next = db.outbox.claim(10, "survivor");
  REQUIRE(next.size() == 1);
  CHECK(next[0].payload == "the chat's next reply");
}
