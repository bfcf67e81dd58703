// The storage contract of conversation state (adapters/storage/state_store.h): the same test cases against SQLite
// and PostgreSQL. A second store opened on the same database stands for a restarted process or another replica.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "storage/state_backends.h"

using netra::testing::make_state_backend;
using netra::testing::state_backend_names;
using netra::testing::StateOptions;

TEST_CASE("a delivery is claimed once, also after reopening, and can be released for a retry", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  {
    auto store = backend->open();
    CHECK(store->claim_delivery("telegram:1001"));
    CHECK_FALSE(store->claim_delivery("telegram:1001"));
    store->keep_claim("telegram:1001");
    CHECK(store->claim_delivery("telegram:1002"));
    store->release_delivery("telegram:1002");
    CHECK(store->claim_delivery("telegram:1002"));
    store->keep_claim("telegram:1002");
  }
  auto reopened = backend->open();  // closing wrote the kept claims
  CHECK_FALSE(reopened->claim_delivery("telegram:1001"));
  CHECK_FALSE(reopened->claim_delivery("telegram:1002"));
  CHECK(reopened->claim_delivery("telegram:1003"));
}

TEST_CASE("a claim never kept (its message was not accepted) is not written and does not outlive the store",
          "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  {
    auto store = backend->open();
    CHECK(store->claim_delivery("whatsapp:wamid.WAITING"));
    CHECK_FALSE(store->claim_delivery("whatsapp:wamid.WAITING"));  // while it waits, a repeat is a duplicate
    store->persist_claims();
  }
  auto reopened = backend->open();
  CHECK(reopened->claim_delivery("whatsapp:wamid.WAITING"));  // the redelivery is processed
}

TEST_CASE("a persisted claim counts for another store on the same database at once", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  auto first = backend->open();
  auto second = backend->open();
  CHECK(first->claim_delivery("whatsapp:wamid.A"));
  first->keep_claim("whatsapp:wamid.A");
  first->persist_claims();
  CHECK_FALSE(second->claim_delivery("whatsapp:wamid.A"));
  // A released durable claim is gone for everyone: the platform's retry is processed wherever it lands.
  first->release_delivery("whatsapp:wamid.A");
  CHECK(second->claim_delivery("whatsapp:wamid.A"));
}

TEST_CASE("a delivery taken through a committed turn counts as handled for every store", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  auto first = backend->open();
  REQUIRE(first->claim_delivery("telegram:77"));
  {
    auto turn = first->begin_turn("sender-a", {"telegram:77"});
    CHECK(turn->claimed());
    first->save_session("sender-a", R"({"flow":"report"})");
    turn->commit();
  }
  auto second = backend->open();
  CHECK_FALSE(second->claim_delivery("telegram:77"));
  CHECK(second->load_session("sender-a") == std::string(R"({"flow":"report"})"));
}

TEST_CASE("a session is saved, replaced, seen by another store and cleared", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  auto store = backend->open();
  CHECK_FALSE(store->load_session("sender-a"));
  store->save_session("sender-a", R"({"flow":"report","step":"what"})");
  store->save_session("sender-a", R"({"flow":"report","step":"where"})");
  store->save_session("sender-b", R"({"role":"asn"})");
  auto other = backend->open();
  CHECK(other->load_session("sender-a") == std::string(R"({"flow":"report","step":"where"})"));
  other->clear_session("sender-a");
  CHECK_FALSE(store->load_session("sender-a"));
  CHECK(store->load_session("sender-b") == std::string(R"({"role":"asn"})"));
}

TEST_CASE("a quiet session expires after the session TTL and the purge removes it", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  StateOptions short_lived;
  short_lived.session_ttl_seconds = 1;
  short_lived.dedupe_ttl_seconds = 1;
  auto store = backend->open(short_lived);
  store->save_session("sender-a", "{}");
  REQUIRE(store->claim_delivery("telegram:5"));
  store->keep_claim("telegram:5");
  store->persist_claims();
  CHECK(store->load_session("sender-a"));
  CHECK_FALSE(store->claim_delivery("telegram:5"));
  // Both backends count whole seconds somewhere: 2.2 s is past a 1 s TTL on either.
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  CHECK_FALSE(store->load_session("sender-a"));
  CHECK(store->purge_expired() >= 2);          // the session and the claim
  CHECK(store->claim_delivery("telegram:5"));  // outside the dedupe window a delivery counts as new
}

TEST_CASE("daily counters count per sender and name, and another store continues the count", "[state]") {
  auto name = GENERATE(from_range(state_backend_names()));
  INFO("backend: " << name);
  auto backend = make_state_backend(name);
  auto store = backend->open();
  CHECK(store->daily_counter("sender-a", "reports") == 0);
  CHECK(store->bump_daily_counter("sender-a", "reports") == 1);
  CHECK(store->bump_daily_counter("sender-a", "reports") == 2);
  CHECK(store->bump_daily_counter("sender-a", "status") == 1);
  CHECK(store->bump_daily_counter("sender-b", "reports") == 1);
  auto other = backend->open();
  CHECK(other->daily_counter("sender-a", "reports") == 2);
  CHECK(other->bump_daily_counter("sender-a", "reports") == 3);
  CHECK(store->daily_counter("sender-a", "reports") == 3);
  CHECK(store->daily_counter("sender-b", "status") == 0);
}
