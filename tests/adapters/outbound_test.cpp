#include "adapters/delivery/outbound.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <latch>
#include <thread>

#include "support/collecting_channel.h"

using namespace netra::adapters;
using netra::testing::CollectingChannel;
using netra::testing::CollectingTransport;
using namespace std::chrono_literals;

namespace {

SendResult result_of(int status, std::string body = "", std::string retry_after = "") {
  SendResult result;
  result.status = status;
  result.body = std::move(body);
  result.retry_after = std::move(retry_after);
  return result;
}

OutboundRequest request(const std::string& body) { return {"http://127.0.0.1:9", "/x", {}, body, "test"}; }

ServerTuning fast_tuning() {
  ServerTuning tuning;
  tuning.backoff_initial_ms = 5;
  tuning.send_attempts = 4;
  return tuning;
}

Refusal by_status(int status, std::string retry_after = "") {
  return refusal_by_status(result_of(status, "", std::move(retry_after)));
}

}  // namespace

TEST_CASE("A refusal that is not transient is not retried") {
  RetryPolicy policy;
  CHECK_FALSE(retry_delay(by_status(400), 1, policy));
  CHECK_FALSE(retry_delay(by_status(403), 1, policy));
}

TEST_CASE("Server errors and time-outs are retried with exponential backoff") {
  RetryPolicy policy{5, 100ms, 1000ms};
  CHECK(retry_delay(by_status(500), 1, policy) == 100ms);
  CHECK(retry_delay(by_status(503), 2, policy) == 200ms);
  CHECK(retry_delay(by_status(0), 3, policy) == 400ms);
  CHECK(retry_delay(by_status(502), 4, policy) == 800ms);
  CHECK_FALSE(retry_delay(by_status(500), 5, policy));
}

TEST_CASE("Backoff is capped at the policy's maximum") {
  RetryPolicy policy{20, 100ms, 1000ms};
  CHECK(retry_delay(by_status(500), 10, policy) == 1000ms);
}

TEST_CASE("A 429 honours the Retry-After header when it is longer than the backoff") {
  RetryPolicy policy{5, 100ms, 30000ms};
  CHECK(retry_delay(by_status(429, "2"), 1, policy) == 2000ms);
}

TEST_CASE("A wait longer than the policy allows is not waited for") {
  RetryPolicy policy{5, 100ms, 30000ms, 60s};
  CHECK(retry_delay(by_status(429, "60"), 1, policy) == 60000ms);
  CHECK_FALSE(retry_delay(by_status(429, "61"), 1, policy));
}

TEST_CASE("Refusals are counted by channel and code, and a status-only reading names the status") {
  CollectingTransport transport({500, 404});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  outbound.enqueue("web", "chat-1", {request("x")});
  outbound.shutdown(std::chrono::steady_clock::now() + 2s);
  auto text = metrics.render({});
  CHECK(text.find("netra_outbound_failures_total{channel=\"web\",code=\"500\"} 1") != std::string::npos);
  CHECK(text.find("netra_outbound_failures_total{channel=\"web\",code=\"404\"} 1") != std::string::npos);
  CHECK(text.find("netra_replies_failed_total{channel=\"web\"} 1") != std::string::npos);
  CHECK(transport.attempts() == 2);
}

TEST_CASE("A reply that fails with 500 and then succeeds is delivered exactly once") {
  CollectingTransport transport({500, 500});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  REQUIRE(outbound.enqueue("telegram", "chat-1", {request("hello")}));
  REQUIRE(transport.wait_for_delivered(1));
  outbound.shutdown(std::chrono::steady_clock::now() + 1s);
  CHECK(transport.delivered() == std::vector<std::string>{"hello"});
  CHECK(transport.attempts() == 3);
  auto text = metrics.render({});
  CHECK(text.find("netra_replies_sent_total{channel=\"telegram\"} 1") != std::string::npos);
  CHECK(text.find("netra_reply_retries_total{channel=\"telegram\"} 2") != std::string::npos);
}

TEST_CASE("A reply is given up after the bounded number of attempts") {
  CollectingTransport transport({500, 500, 500, 500, 500, 500});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  outbound.enqueue("whatsapp", "chat-1", {request("never")});
  outbound.shutdown(std::chrono::steady_clock::now() + 2s);
  CHECK(transport.attempts() == 4);
  CHECK(metrics.render({}).find("netra_replies_failed_total{channel=\"whatsapp\"} 1") != std::string::npos);
}

TEST_CASE("The parts of one reply and the replies of one chat go out in order") {
  CollectingTransport transport(std::vector<int>{500});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  outbound.enqueue("telegram", "chat-1", {request("1"), request("2")});
  outbound.enqueue("telegram", "chat-1", {request("3")});
  REQUIRE(transport.wait_for_delivered(3));
  CHECK(transport.delivered() == std::vector<std::string>{"1", "2", "3"});
}

TEST_CASE("A full outbound queue drops the batch and counts it") {
  // A transport that blocks until released keeps the only worker busy.
  class BlockingTransport : public Transport {
   public:
    SendResult post(const OutboundRequest&) override {
      entered.count_down();
      std::unique_lock lock(mutex);
      released.wait(lock, [&] { return open; });
      return result_of(200);
    }
    void release() {
      std::lock_guard lock(mutex);
      open = true;
      released.notify_all();
    }
    std::latch entered{1};  // the worker took the first batch and is blocked in it
    std::mutex mutex;
    std::condition_variable released;
    bool open = false;
  } transport;
  ServerTuning tuning = fast_tuning();
  tuning.outbound_workers = 1;
  tuning.outbound_queue = 2;
  Metrics metrics;
  Outbound outbound(transport, metrics, tuning);
  outbound.enqueue("telegram", "c", {request("busy")});
  transport.entered.wait();
  CHECK(outbound.enqueue("telegram", "c", {request("a")}));
  CHECK(outbound.enqueue("telegram", "c", {request("b")}));
  CHECK_FALSE(outbound.enqueue("telegram", "c", {request("c")}));
  CHECK(metrics.render({}).find("netra_queue_dropped_total{queue=\"outbound\"} 1") != std::string::npos);
  transport.release();
  outbound.shutdown(std::chrono::steady_clock::now() + 1s);
}

TEST_CASE("Shutdown lets queued replies go out before the deadline") {
  CollectingTransport transport;
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  for (int i = 0; i < 20; ++i) outbound.enqueue("telegram", "chat-" + std::to_string(i), {request("m")});
  CHECK(outbound.shutdown(std::chrono::steady_clock::now() + 2s) == 0);
  CHECK(transport.delivered().size() == 20);
  CHECK_FALSE(outbound.enqueue("telegram", "late", {request("m")}));
}

TEST_CASE("Shutdown abandons a retry whose backoff outlasts the drain deadline") {
  CollectingTransport transport({500, 500, 500});
  ServerTuning tuning = fast_tuning();
  tuning.backoff_initial_ms = 60000;
  Metrics metrics;
  Outbound outbound(transport, metrics, tuning);
  outbound.enqueue("telegram", "chat", {request("m")});
  REQUIRE(transport.wait_for_attempts(1));  // the retry now waits out its backoff
  auto started = std::chrono::steady_clock::now();
  outbound.shutdown(started + 100ms);
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  CHECK(transport.delivered().empty());
}

TEST_CASE("A platform's description is logged without digit runs that could be a phone number or chat id") {
  CHECK(loggable_description("Forbidden: bot was blocked by the user") == "Forbidden: bot was blocked by the user");
  CHECK(loggable_description("(#131047) undeliverable to 6281234567890") == "(#131047) undeliverable to …");
  CHECK(loggable_description("chat -1001557912345 \"quoted\"\nnext") == "chat -…  quoted  next");
  CHECK(loggable_description(std::string(500, 'x')).size() == 200);
}

TEST_CASE("A batch's completion says delivered once the platform accepted every request") {
  CollectingTransport transport(std::vector<int>{500});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  std::promise<DeliveryOutcome> outcome;
  REQUIRE(outbound.enqueue("telegram", "chat-1", {request("1"), request("2")},
                           [&](DeliveryOutcome done) { outcome.set_value(done); }));
  CHECK(outcome.get_future().get() == DeliveryOutcome::delivered);
  CHECK(transport.delivered() == std::vector<std::string>{"1", "2"});
  outbound.shutdown(std::chrono::steady_clock::now() + 1s);
}

TEST_CASE("A batch's completion says given_up when a request was refused for good") {
  CollectingTransport transport(std::vector<int>{403});
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  std::promise<DeliveryOutcome> outcome;
  outbound.enqueue("telegram", "chat-1", {request("blocked")}, [&](DeliveryOutcome done) { outcome.set_value(done); });
  CHECK(outcome.get_future().get() == DeliveryOutcome::given_up);
  outbound.shutdown(std::chrono::steady_clock::now() + 1s);
}

TEST_CASE("A batch abandoned at shutdown is not_attempted after outright refusals, uncertain after no answer") {
  for (int status : {500, 0}) {
    INFO("first answer " << status);
    CollectingTransport transport(std::vector<int>{status, status, status});
    ServerTuning tuning = fast_tuning();
    tuning.backoff_initial_ms = 60000;  // the retry waits past the drain deadline
    Metrics metrics;
    Outbound outbound(transport, metrics, tuning);
    std::promise<DeliveryOutcome> outcome;
    outbound.enqueue("telegram", "chat", {request("m")}, [&](DeliveryOutcome done) { outcome.set_value(done); });
    REQUIRE(transport.wait_for_attempts(1));  // answered once; the retry waits out its backoff
    outbound.shutdown(std::chrono::steady_clock::now() + 50ms);
    CHECK(outcome.get_future().get() == (status == 0 ? DeliveryOutcome::uncertain : DeliveryOutcome::not_attempted));
  }
}

TEST_CASE("A channel's output role renders each reply with its channel and sends it to the chat, in order") {
  CollectingTransport transport;
  Metrics metrics;
  Outbound outbound(transport, metrics, fast_tuning());
  CollectingChannel channel;
  ChannelSender sender(channel, outbound);
  sender.send({"chat-7", "", ""}, {"satu", {}});
  sender.send({"chat-7", "", ""}, {"dua", {}});
  REQUIRE(transport.wait_for_delivered(2));
  CHECK(transport.delivered() == std::vector<std::string>{"chat-7:satu", "chat-7:dua"});
  outbound.shutdown(std::chrono::steady_clock::now() + 1s);
  CHECK(metrics.render({}).find("netra_replies_sent_total{channel=\"plain\"} 2") != std::string::npos);
}
