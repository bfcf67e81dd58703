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
  CHECK(first[0].attempts == 0);  // claimed, not attempted yet
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
  db.outbox.heartbeat("busy-replica");
  auto claimed = db.outbox.claim(10, "busy-replica");
  REQUIRE(claimed.size() == 1);
  REQUIRE(db.outbox.mark_attempt(claimed[0].id, "busy-replica"));
  for (int beat = 0; beat < 3; ++beat) {
    db.outbox.heartbeat("busy-replica");
    auto stale = db.outbox.mark_stale(std::chrono::seconds(1), std::chrono::seconds(600));
    CHECK(stale.requeued + stale.maybe_sent == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // on purpose: heartbeats spread past the 1 s limit
  }
  db.outbox.heartbeat("busy-replica");
  CHECK(db.outbox.mark_stale(std::chrono::seconds(5), std::chrono::seconds(1)).maybe_sent == 1);
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
  CHECK(again[0].attempts == 0);  // the released claim was never an attempt
  CHECK(db.count("SELECT count(*) FROM outbox WHERE state = 'given_up' AND payload IS NULL") == 1);
  auto counts = db.outbox.counts();
  CHECK(counts.sending == 1);
  CHECK(counts.given_up == 1);
}

TEST_CASE("a row a dead replica was sending is marked maybe_sent and emptied, one it never attempted is queued again",
          "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "reply that may have gone out");
  db.queue("chat-1", "the chat's next reply");
  db.queue("chat-2", "reply still waiting in the dead replica's memory");
  db.outbox.heartbeat("replica-that-dies");
  auto claimed = db.outbox.claim(10, "replica-that-dies");
  REQUIRE(claimed.size() == 2);
  REQUIRE(db.outbox.mark_attempt(claimed[0].id, "replica-that-dies"));  // its request left; the answer never came
  // Its replica said it is alive a moment ago: it may be sending right now.
  auto fresh = db.outbox.mark_stale(std::chrono::seconds(60), std::chrono::seconds(600));
  CHECK(fresh.requeued + fresh.maybe_sent == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // and now it has fallen silent
  auto stale = db.outbox.mark_stale(std::chrono::seconds(1), std::chrono::seconds(600));
  CHECK(stale.maybe_sent == 1);
  CHECK(stale.requeued == 1);
  CHECK(db.count("SELECT count(*) FROM outbox WHERE state = 'maybe_sent' AND payload IS NULL") == 1);
  // Neither chat is stuck: chat-1's next reply and chat-2's unsent one go out from the survivor.
  auto next = db.outbox.claim(10, "survivor");
  CHECK(payloads(next) ==
        std::vector<std::string>{"the chat's next reply", "reply still waiting in the dead replica's memory"});
}

TEST_CASE("a replica taken for dead cannot send a row another one has taken over", "[postgres]") {
  OutboxDatabase db;
  db.queue("chat-1", "reply");
  db.outbox.heartbeat("slow-replica");
  auto claimed = db.outbox.claim(10, "slow-replica");
  REQUIRE(claimed.size() == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // on purpose: the replica falls silent past 1 s
  REQUIRE(db.outbox.mark_stale(std::chrono::seconds(1), std::chrono::seconds(600)).requeued == 1);
  auto taken_over = db.outbox.claim(10, "survivor");
  REQUIRE(taken_over.size() == 1);
  CHECK_FALSE(db.outbox.mark_attempt(claimed[0].id, "slow-replica"));  // woke up too late: must not send
  CHECK(db.outbox.mark_attempt(taken_over[0].id, "survivor"));
}
