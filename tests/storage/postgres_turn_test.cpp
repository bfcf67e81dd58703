// Turns on PostgreSQL (adapters/storage/postgres_turn.h): what makes two replicas one bot — the claim, the state
// and the outbox commit together or not at all, and one sender's turns never overlap, across stores (replicas).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_outbox.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_state_store.h"
#include "support/postgres_server.h"

using namespace netra::adapters::storage;
using netra::testing::PostgresServer;

namespace {

// One database, and two replicas' stores on it, each with its own pool as two processes would have.
struct TwoReplicas {
  PostgresServer server;
  PgPool pool_a{PgPoolConfig{server.url(), 3}};
  PgPool pool_b{PgPoolConfig{server.url(), 3}};
  PostgresStateStore a{pool_a, PostgresStateConfig{86400, 7 * 86400, "shared-secret"}};
  PostgresStateStore b{pool_b, PostgresStateConfig{86400, 7 * 86400, "shared-secret"}};
  PostgresOutbox outbox{pool_a};

  TwoReplicas() { migrate(*pool_a.acquire(), postgres_migrations()); }
  int64_t count(const std::string& sql) { return pool_a.acquire()->exec(sql).integer(0, 0); }
};

}  // namespace

TEST_CASE("a redelivery that reaches the other replica after the turn committed is not claimed again", "[postgres]") {
  TwoReplicas replicas;
  REQUIRE(replicas.a.claim_delivery("telegram:500"));
  {
    auto turn = replicas.a.begin_turn("sender-x", {"telegram:500"});
    REQUIRE(turn->claimed());
    turn->commit();
  }
  CHECK_FALSE(replicas.b.claim_delivery("telegram:500"));  // admission already says duplicate
  // Even a replica that admitted it before the commit (both checks ran first) finds it claimed in its turn.
  auto late = replicas.b.begin_turn("sender-x", {"telegram:500"});
  CHECK_FALSE(late->claimed());
  CHECK(replicas.count("SELECT count(*) FROM delivery_claims") == 1);
}

TEST_CASE("a turn that never commits leaves no claim, no session, no counter and no outbox row", "[postgres]") {
  TwoReplicas replicas;
  replicas.a.save_session("sender-x", R"({"step":"before"})");
  REQUIRE(replicas.a.claim_delivery("whatsapp:wamid.Z"));
  {
    auto turn = replicas.a.begin_turn("sender-x", {"whatsapp:wamid.Z"});
    REQUIRE(turn->claimed());
    replicas.a.save_session("sender-x", R"({"step":"inside"})");
    CHECK(replicas.a.bump_daily_counter("sender-x", "reports") == 1);
    turn->queue_outbox({"whatsapp", "chat-key", R"({"address":{"chat":"62811"},"replies":[]})"});
    // Inside the turn its own thread reads its writes; another replica still sees the committed state.
    CHECK(replicas.a.load_session("sender-x") == std::string(R"({"step":"inside"})"));
    CHECK(replicas.b.load_session("sender-x") == std::string(R"({"step":"before"})"));
  }  // the replica dies before COMMIT: the transaction rolls back
  CHECK(replicas.b.load_session("sender-x") == std::string(R"({"step":"before"})"));
  CHECK(replicas.b.daily_counter("sender-x", "reports") == 0);
  CHECK(replicas.count("SELECT count(*) FROM outbox") == 0);
  CHECK(replicas.b.claim_delivery("whatsapp:wamid.Z"));  // the platform's redelivery is processed
}

TEST_CASE("a committed turn's claim, session, counter and outbox row appear together", "[postgres]") {
  TwoReplicas replicas;
  REQUIRE(replicas.a.claim_delivery("telegram:9"));
  auto turn = replicas.a.begin_turn("sender-x", {"telegram:9"});
  replicas.a.save_session("sender-x", R"({"flow":"report"})");
  replicas.a.bump_daily_counter("sender-x", "status");
  turn->queue_outbox({"telegram", "chat-key", "{}"});
  CHECK_FALSE(replicas.b.load_session("sender-x"));
  CHECK(replicas.count("SELECT count(*) FROM outbox") == 0);
  turn->commit();
  CHECK(replicas.b.load_session("sender-x") == std::string(R"({"flow":"report"})"));
  CHECK(replicas.b.daily_counter("sender-x", "status") == 1);
  CHECK(replicas.count("SELECT count(*) FROM outbox WHERE state = 'queued'") == 1);
}

TEST_CASE("one sender's turns on two replicas run one after the other, other senders' beside them", "[postgres]") {
  TwoReplicas replicas;
  auto first = replicas.a.begin_turn("sender-x", {});
  std::atomic<bool> second_started{false};
  auto second = std::async(std::launch::async, [&] {
    auto turn = replicas.b.begin_turn("sender-x", {});  // waits on pg_advisory_xact_lock
    second_started = true;
    // It reads what the first turn committed.
    auto session = replicas.b.load_session("sender-x");
    turn->commit();
    return session;
  });
  // Another sender is not held up by sender-x's open turn.
  {
    auto other = replicas.b.begin_turn("sender-y", {});
    other->commit();
  }
  // On purpose: that the second turn does NOT start while the first is open is what is tested; 300 ms is ample
  // for it to start if the lock let it (a positive signal cannot show an absence).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(second_started);
  replicas.a.save_session("sender-x", R"({"turn":1})");
  first->commit();
  CHECK(second.get() == std::string(R"({"turn":1})"));
  CHECK(second_started);
}

TEST_CASE("of two turns racing for one delivery on two replicas exactly one claims it", "[postgres]") {
  TwoReplicas replicas;
  // Both admitted it (neither saw the other's claim yet); the sender's lock orders the turns, the claim decides.
  REQUIRE(replicas.a.claim_delivery("telegram:42"));
  REQUIRE(replicas.b.claim_delivery("telegram:42"));
  auto on_a = std::async(std::launch::async, [&] {
    auto turn = replicas.a.begin_turn("sender-x", {"telegram:42"});
    bool claimed = turn->claimed();
    turn->commit();
    return claimed;
  });
  auto on_b = std::async(std::launch::async, [&] {
    auto turn = replicas.b.begin_turn("sender-x", {"telegram:42"});
    bool claimed = turn->claimed();
    turn->commit();
    return claimed;
  });
  CHECK(on_a.get() + on_b.get() == 1);
}
