// Two `netra serve` replicas on one throwaway PostgreSQL 15 (issue 13), with a fake Telegram Bot API, over real
// HTTP on loopback: they must behave as one bot under redelivery, alternation, a replica killed mid-flow, and a
// concurrent burst over both. The test plays the platform: a webhook that got no 200 is delivered again, to the
// other replica.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "adapters/storage/postgres_connection.h"
#include "integration/fake_platform.h"
#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "support/postgres_server.h"
#include "support/test_support.h"

using netra::testing::FakePlatform;
using netra::testing::NetraProcess;
using netra::testing::PostgresServer;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kToken = "123456:REPLICA-token";
const std::string kSecret = "replica_webhook_secret";
const std::string kSend = "/bot" + kToken + "/sendMessage";

std::string update(int64_t update_id, int64_t chat, const std::string& text) {
  json body = {{"update_id", update_id},
               {"message",
                {{"message_id", update_id % 100000},
                 {"from", {{"id", chat}, {"is_bot", false}, {"first_name", "Uji"}}},
                 {"chat", {{"id", chat}, {"type", "private"}, {"first_name", "Uji"}}},
                 {"date", 1763877000},
                 {"text", text}}}};
  return body.dump();
}

// The webhook's status, or 0 when the replica did not answer (it died).
int post(const NetraProcess& replica, const std::string& body) {
  auto client = replica.client();
  client.set_read_timeout(std::chrono::seconds(15));
  auto response =
      client.Post("/webhook/telegram", {{"X-Telegram-Bot-Api-Secret-Token", kSecret}}, body, "application/json");
  return response ? response->status : 0;
}

// The platform's side of a webhook: delivered again until a replica answers 200, alternating replicas.
void deliver(const std::vector<const NetraProcess*>& replicas, const std::string& body) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (post(*replicas[attempt % replicas.size()], body) == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the platform's pause between redeliveries
  }
  FAIL("no replica accepted the update");
}

struct Replicas {
  PostgresServer database;
  FakePlatform api;
  TempDir dir;
  std::map<std::string, std::string> env;
  std::unique_ptr<NetraProcess> a, b;

  explicit Replicas(std::map<std::string, std::string> extra = {}) {
    env = {{"NETRA_DATABASE_URL", database.url()},
           {"NETRA_SECRET", "0123456789abcdef0123456789abcdef"},
           {"NETRA_TELEGRAM_TOKEN", kToken},
           {"NETRA_TELEGRAM_SECRET", kSecret},
           {"NETRA_TELEGRAM_API_BASE", api.base_url()},
           {"NETRA_TELEGRAM_BOT_USERNAME", "netra_bot"},
           {"NETRA_BACKOFF_INITIAL_MS", "50"},
           {"NETRA_OUTBOX_SILENT_SECONDS", "2"},
           {"NETRA_MEDIA_BURST_MS", "0"}};
    for (auto& [name, value] : extra) env[name] = value;
    a = std::make_unique<NetraProcess>(dir.file("replica-a"), env);
    b = std::make_unique<NetraProcess>(dir.file("replica-b"), env);
  }

  // Stops both replicas; each finishes its queued messages and sends its queued replies first. Afterwards what the
  // fake received is all that will be sent, save rows left in the outbox (count them).
  void stop_both() {
    a->stop();
    b->stop();
  }

  // sendMessage bodies the fake accepted, per chat id, in arrival order.
  std::map<int64_t, std::vector<std::string>> replies() const {
    std::map<int64_t, std::vector<std::string>> by_chat;
    for (const auto& request : api.delivered(kSend)) {
      auto body = json::parse(request.body);
      by_chat[body["chat_id"].get<int64_t>()].push_back(body["text"].get<std::string>());
    }
    return by_chat;
  }
  int64_t count(const std::string& sql) {
    netra::adapters::storage::PgConnection connection(database.url());
    return connection.exec(sql).integer(0, 0);
  }
};

}  // namespace

TEST_CASE("a Telegram update redelivered to the other replica is answered once", "[postgres][replicas]") {
  Replicas replicas;
  const std::string first = update(5001, 7001, "halo");
  REQUIRE(post(*replicas.a, first) == 200);
  REQUIRE(replicas.api.wait_for_delivered(kSend, 1));
  REQUIRE(post(*replicas.b, first) == 200);  // the platform's retry, landing on the other replica
  // A later update through B is the barrier: once its answer is out, an answer to the retry would be too.
  REQUIRE(post(*replicas.b, update(5002, 7002, "halo")) == 200);
  REQUIRE(replicas.api.wait_for_delivered(kSend, 2));
  replicas.stop_both();
  auto replies = replicas.replies();
  CHECK(replies[7001].size() == 1);
  CHECK(replies[7002].size() == 1);
  CHECK(replicas.b->log().find("event=duplicate channel=telegram") != std::string::npos);
  CHECK(replicas.count("SELECT count(*) FROM outbox") == 0);  // delivered rows are gone, with their addresses
}

TEST_CASE("a report conversation alternating between the replicas goes through to the receipt",
          "[postgres][replicas]") {
  Replicas replicas;
  const int64_t chat = 7100;
  int64_t update_id = 6000;
  for (size_t step = 0; step < netra::testing::kReportFlow.size(); ++step) {
    const NetraProcess& replica = step % 2 == 0 ? *replicas.a : *replicas.b;
    // A 200 means the step is committed: the next step, on the other replica, continues from it.
    REQUIRE(post(replica, update(++update_id, chat, netra::testing::kReportFlow[step])) == 200);
  }
  std::string receipt;
  netra::testing::wait_until([&] {
    auto replies = replicas.replies()[chat];
    if (!replies.empty()) receipt = netra::testing::receipt_in(replies.back());
    return !receipt.empty();
  });
  CHECK_FALSE(receipt.empty());
  // Each step answered exactly once, in order: the receipt is the last reply and appears once.
  auto replies = replicas.replies()[chat];
  size_t receipts = 0;
  for (const auto& text : replies) receipts += !netra::testing::receipt_in(text).empty();
  CHECK(receipts == 1);
  CHECK(replies.size() >= netra::testing::kReportFlow.size());
}

TEST_CASE("a replica killed mid-flow loses nothing and duplicates nothing, and the other one carries on",
          "[postgres][replicas]") {
  Replicas replicas;
  replicas.api.set_delay(std::chrono::milliseconds(150));  // sends take a while: some are in flight at the kill
  const int kChats = 24;
  std::vector<std::string> updates;
  for (int i = 0; i < kChats; ++i) updates.push_back(update(8000 + i, 7200 + i, "halo"));
  // The platform sends everything to A at once; A dies part-way.
  std::vector<std::future<int>> first_tries;
  for (const auto& body : updates) {
    first_tries.push_back(std::async(std::launch::async, [&replicas, body] { return post(*replicas.a, body); }));
  }
  replicas.api.wait_for_delivered(kSend, 3, std::chrono::seconds(10));
  replicas.a->kill_hard();
  size_t accepted_by_a = 0;
  for (auto& attempt : first_tries) accepted_by_a += attempt.get() == 200;
  INFO("accepted by A before it died: " << accepted_by_a);
  // The platform delivers again what got no 200 — and, to be hard on dedupe, what did too — to B.
  for (const auto& body : updates) deliver({replicas.b.get()}, body);

  // Every chat gets its answer, except those whose answer A was sending when it died: B marks those maybe_sent
  // (NETRA_OUTBOX_SILENT_SECONDS=2) rather than risk showing them twice.
  int64_t maybe_sent = 0;
  size_t answered = 0;
  for (int wait = 0; wait < 150; ++wait) {
    maybe_sent = replicas.count("SELECT count(*) FROM outbox WHERE state = 'maybe_sent'");
    answered = replicas.replies().size();
    if (answered + static_cast<size_t>(maybe_sent) >= static_cast<size_t>(kChats) &&
        replicas.count("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") == 0) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  INFO("answered: " << answered << ", maybe_sent: " << maybe_sent);
  CHECK(answered + static_cast<size_t>(maybe_sent) >= static_cast<size_t>(kChats));
  // Only a send A had actually started can be in doubt — at most one per outbound worker (4) — not the replies
  // that were merely waiting in its memory: those went back to the queue and B sent them.
  CHECK(maybe_sent <= 4);
  for (const auto& [chat, texts] : replicas.replies()) {
    INFO("chat " << chat);
    CHECK(texts.size() == 1);  // never twice
  }
  CHECK(replicas.count("SELECT count(*) FROM delivery_claims") == kChats);
  CHECK(replicas.count("SELECT count(*) FROM outbox WHERE state = 'maybe_sent' AND payload IS NOT NULL") == 0);
  // The survivor's /metrics shows what is in doubt, for the operator.
  auto metrics = replicas.b->client().Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("netra_outbox_maybe_sent " + std::to_string(maybe_sent)) != std::string::npos);
}

TEST_CASE("a concurrent burst over both replicas, every update delivered to both, is answered once per update",
          "[postgres][replicas]") {
  Replicas replicas;
  const int kChats = 12, kMessages = 3;
  std::vector<std::future<void>> senders;
  for (int c = 0; c < kChats; ++c) {
    senders.push_back(std::async(std::launch::async, [&replicas, c] {
      for (int m = 0; m < kMessages; ++m) {
        std::string body = update(9000 + c * 10 + m, 7300 + c, m == 1 ? "menu" : "halo");
        // The original and the platform's retry race each other on the two replicas.
        auto on_a = std::async(std::launch::async, [&] { return post(*replicas.a, body); });
        int on_b = post(*replicas.b, body);
        int status_a = on_a.get();
        if (status_a != 200 && on_b != 200) deliver({replicas.a.get(), replicas.b.get()}, body);
      }
    }));
  }
  for (auto& sender : senders) sender.get();
  REQUIRE(replicas.api.wait_for_delivered(kSend, kChats * kMessages, std::chrono::seconds(30)));
  replicas.stop_both();
  CHECK(replicas.count("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") == 0);
  auto replies = replicas.replies();
  CHECK(replies.size() == static_cast<size_t>(kChats));
  for (const auto& [chat, texts] : replies) {
    INFO("chat " << chat);
    CHECK(texts.size() == static_cast<size_t>(kMessages));
  }
  CHECK(replicas.count("SELECT count(*) FROM delivery_claims") == kChats * kMessages);
}

TEST_CASE("while PostgreSQL is down webhooks get 503 and nothing is lost, and once it is back the update is answered",
          "[postgres][replicas]") {
  Replicas replicas;
  REQUIRE(post(*replicas.a, update(9500, 7400, "halo")) == 200);
  REQUIRE(replicas.api.wait_for_delivered(kSend, 1));
  // The platform has the first reply a moment before its relay deletes the outbox row; the outage starts once
  // that row is gone, so what is left open afterwards is the outage's doing.
  INFO("waiting for the first reply's outbox row to be deleted");
  REQUIRE(netra::testing::wait_until([&] { return replicas.count("SELECT count(*) FROM outbox") == 0; }));
  replicas.database.stop();
  const std::string during = update(9501, 7401, "halo");
  CHECK(post(*replicas.a, during) == 503);
  CHECK(post(*replicas.b, during) == 503);
  CHECK(replicas.a->client().Get("/healthz")->status == 200);  // the process itself is fine
  replicas.database.start();
  deliver({replicas.b.get(), replicas.a.get()}, during);  // the platform's retries
  REQUIRE(replicas.api.wait_for_delivered(kSend, 2, std::chrono::seconds(15)));
  replicas.stop_both();
  CHECK(replicas.count("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") == 0);
  CHECK(replicas.replies()[7401].size() == 1);
}

TEST_CASE("a wrong database password stops netra serve at start-up with a clear message without the password",
          "[postgres][replicas]") {
  netra::testing::PostgresServerOptions options;
  options.password = "the-right-one";
  PostgresServer database(options);
  TempDir dir;
  std::string output;
  int status = netra::testing::run_netra({"serve"},
                                         {{"NETRA_DATA_DIR", dir.file("var")},
                                          {"NETRA_PORT", "0"},
                                          {"NETRA_SECRET", "0123456789abcdef0123456789abcdef"},
                                          {"NETRA_DATABASE_URL", "postgresql://netra:Wrong-Pass-123@127.0.0.1:" +
                                                                     std::to_string(database.port()) + "/postgres"}},
                                         output);
  CHECK(status == 1);
  CHECK(output.find("password authentication failed") != std::string::npos);
  CHECK(output.find("postgresql://netra:***@127.0.0.1") != std::string::npos);
  CHECK(output.find("Wrong-Pass-123") == std::string::npos);
}

TEST_CASE("NETRA_DATABASE_URL without NETRA_SECRET is refused: replicas must share the secret",
          "[postgres][replicas]") {
  TempDir dir;
  std::string output;
  int status = netra::testing::run_netra(
      {"serve"}, {{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_DATABASE_URL", "postgresql://netra@127.0.0.1:1/x"}},
      output);
  CHECK(status == 1);
  CHECK(output.find("NETRA_SECRET") != std::string::npos);
}
