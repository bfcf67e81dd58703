// The outbox relay (adapters/delivery/outbox_relay.h) over an in-memory outbox: what it does with each row it claims —
// render it with the row's channel, send it through Outbound, and record what became of it — and the webhook's
// wait for a turn's commit (adapters/delivery/commit_waits.h). The PostgreSQL outbox itself: tests/storage/.
#include "adapters/delivery/outbox_relay.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <deque>
#include <future>
#include <latch>
#include <thread>

#include "adapters/delivery/commit_waits.h"
#include "support/collecting_channel.h"

using namespace netra::adapters;
using netra::testing::CollectingChannel;
using netra::testing::CollectingTransport;
using namespace std::chrono_literals;

namespace {

// An outbox in memory with the contract's bookkeeping: rows, their states, the claims made.
class MemoryOutbox : public netra::bot::Outbox {
 public:
  void add(int64_t id, std::string channel, std::string payload) {
    std::lock_guard lock(mutex_);
    queued_.push_back({id, std::move(channel), std::move(payload), 0});
  }
  std::vector<netra::bot::OutboxEntry> claim(size_t limit, const std::string&) override {
    std::lock_guard lock(mutex_);
    std::vector<netra::bot::OutboxEntry> claimed;
    while (!queued_.empty() && claimed.size() < limit) {
      claimed.push_back(queued_.front());
      claimed.back().attempts++;
      queued_.pop_front();
      states_[claimed.back().id] = "sending";
    }
    return claimed;
  }
  bool mark_attempt(int64_t id, const std::string&) override {
    std::lock_guard lock(mutex_);
    ++attempts_asked_;
    changed_.notify_all();
    if (refuse_attempts_) return false;
    attempted_.push_back(id);
    return true;
  }
  void delivered(int64_t id) override { set(id, "delivered"); }
  void release(int64_t id) override { set(id, "released"); }
  void give_up(int64_t id) override { set(id, "given_up"); }
  void mark_maybe_sent(int64_t id) override { set(id, "maybe_sent"); }
  void heartbeat(const std::string&) override {}
  netra::bot::StaleRows mark_stale(std::chrono::seconds, std::chrono::seconds) override { return {}; }
  netra::bot::OutboxCounts counts() override { return {}; }

  // From now on mark_attempt says the rows are no longer this relay's.
  void refuse_attempts() {
    std::lock_guard lock(mutex_);
    refuse_attempts_ = true;
  }
  std::vector<int64_t> attempted() {
    std::lock_guard lock(mutex_);
    return attempted_;
  }
  std::string state(int64_t id) {
    std::lock_guard lock(mutex_);
    return states_[id];
  }
  // Waits until the relay asked to record `count` attempts, granted or refused.
  bool wait_for_attempts_asked(size_t count, std::chrono::milliseconds timeout = 5s) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return attempts_asked_ >= count; });
  }
  // Waits until row `id` reached `state`.
  bool wait_for(int64_t id, const std::string& state, std::chrono::milliseconds timeout = 5s) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return states_[id] == state; });
  }

 private:
  void set(int64_t id, const std::string& state) {
    std::lock_guard lock(mutex_);
    states_[id] = state;
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<netra::bot::OutboxEntry> queued_;
  std::map<int64_t, std::string> states_;
  std::vector<int64_t> attempted_;
  size_t attempts_asked_ = 0;
  bool refuse_attempts_ = false;
};

OutboxRelayConfig quick_relay() {
  OutboxRelayConfig config;
  config.claimer = "test";
  config.chat_key_secret = "k";
  config.poll = 20ms;
  return config;
}

ServerTuning quick_tuning() {
  ServerTuning tuning;
  tuning.backoff_initial_ms = 5;
  tuning.send_attempts = 2;
  return tuning;
}

// An outbox relay wired as serve() wires it: over a memory outbox, into an Outbound over `transport`, with the
// collecting channel (rows for "plain") added. Stopped when the test ends, if the test did not stop it.
class RelayRig {
 public:
  explicit RelayRig(Transport& transport, ServerTuning tuning = quick_tuning())
      : relay(outbox, metrics, quick_relay()), outbound(transport, metrics, tuning) {
    relay.add_channel(channel);
  }
  ~RelayRig() { stop(); }
  void start() { relay.start(outbound); }
  // Stops claiming rows, then gives Outbound until `drain` from now to send what it holds.
  void stop(std::chrono::milliseconds drain = 1s) {
    if (stopped_) return;
    stopped_ = true;
    relay.stop();
    outbound.shutdown(std::chrono::steady_clock::now() + drain);
  }

  MemoryOutbox outbox;
  Metrics metrics;
  CollectingChannel channel;
  OutboxRelay relay;
  Outbound outbound;

 private:
  bool stopped_ = false;
};

std::string payload(const std::string& chat, const std::string& text) {
  return encode_outbox_payload({chat, "", ""}, {{text, {}}});
}

}  // namespace

TEST_CASE("An outbox payload keeps the address and every reply with its choices") {
  ReplyAddress to{"583920174", "", "1042"};
  std::vector<netra::bot::Reply> replies = {{"Halo", {{"menu:tanya", "Tanya aturan"}}}, {"Kedua", {}}};
  auto [address, decoded] = decode_outbox_payload(encode_outbox_payload(to, replies));
  CHECK(address.chat == "583920174");
  CHECK(address.reply_to == "1042");
  REQUIRE(decoded.size() == 2);
  CHECK(decoded[0].text == "Halo");
  REQUIRE(decoded[0].choices.size() == 1);
  CHECK(decoded[0].choices[0].id == "menu:tanya");
  CHECK(decoded[1].text == "Kedua");
  CHECK_THROWS(decode_outbox_payload("{\"replies\":[]}"));
}

TEST_CASE("An outbox row's chat key identifies the chat without naming it") {
  MemoryOutbox outbox;
  Metrics metrics;
  OutboxRelay relay(outbox, metrics, quick_relay());
  auto message = relay.message_for("telegram", {"583920174", "", ""}, {{"Halo", {}}});
  CHECK(message.channel == "telegram");
  CHECK(message.chat_key.find("583920174") == std::string::npos);
  CHECK(message.chat_key == relay.message_for("telegram", {"583920174", "", ""}, {}).chat_key);
  CHECK(message.chat_key != relay.message_for("telegram", {"583920175", "", ""}, {}).chat_key);
}

TEST_CASE("A claimed row is rendered by its channel, sent, and recorded as delivered") {
  CollectingTransport transport;
  RelayRig rig(transport);
  rig.outbox.add(1, "plain", encode_outbox_payload({"chat-9", "", ""}, {{"satu", {}}, {"dua", {}}}));
  rig.start();
  CHECK(rig.outbox.wait_for(1, "delivered"));
  CHECK(transport.attempted() == std::vector<std::string>{"chat-9:satu", "chat-9:dua"});
  CHECK(rig.outbox.attempted() == std::vector<int64_t>{1});  // recorded once, before the first request
}

TEST_CASE("A row refused for good is recorded as given up, and so is one for a channel that is off here") {
  CollectingTransport transport(403);
  RelayRig rig(transport);
  rig.outbox.add(1, "plain", payload("chat-1", "blocked"));
  rig.outbox.add(2, "whatsapp", payload("chat-2", "nobody renders this"));
  rig.start();
  CHECK(rig.outbox.wait_for(1, "given_up"));
  CHECK(rig.outbox.wait_for(2, "given_up"));
}

TEST_CASE("A row still waiting in Outbound at shutdown is released for another replica, not lost") {
  // One worker, busy with a slow first send: the second row waits in the queue and is dropped at shutdown. The
  // send is slow enough that stopping the relay and Outbound takes less, however loaded the machine.
  class SlowTransport : public Transport {
   public:
    SendResult post(const OutboundRequest&) override {
      entered.count_down();
      std::this_thread::sleep_for(500ms);
      SendResult result;
      result.status = 200;
      return result;
    }
    std::latch entered{1};
  } transport;
  ServerTuning tuning = quick_tuning();
  tuning.outbound_workers = 1;
  RelayRig rig(transport, tuning);
  rig.outbox.add(1, "plain", payload("chat-1", "first"));
  rig.outbox.add(2, "plain", payload("chat-2", "second"));
  rig.start();
  transport.entered.wait();  // both rows were claimed in one batch, and the first is being sent
  rig.stop(0ms);             // the relay hands the whole batch to Outbound before it stops
  CHECK(rig.outbox.wait_for(2, "released"));
  CHECK(rig.outbox.wait_for(1, "delivered"));
}

TEST_CASE("A row whose attempt cannot be recorded as this relay's is not sent") {
  CollectingTransport transport;
  RelayRig rig(transport);
  rig.outbox.refuse_attempts();  // e.g. another replica took it over, believing this one dead
  rig.outbox.add(1, "plain", payload("chat-1", "not mine"));
  rig.start();
  REQUIRE(rig.outbox.wait_for_attempts_asked(1));
  rig.stop();  // Outbound's worker has finished with the row when this returns
  CHECK(transport.attempted().empty());
  CHECK(rig.outbox.state(1) == "sending");  // left as it is: neither released nor recorded
}

TEST_CASE("A webhook waits for its turn's commit, and hears when it failed") {
  CommitWaits waits;
  waits.expect("telegram:1");
  waits.expect("telegram:2");
  auto committed = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(50ms);  // so that, most likely, the waits below are already waiting (either order works)
    waits.finish({"telegram:1"}, true);
    waits.finish({"telegram:2"}, false);
  });
  CHECK(waits.wait({"telegram:1"}, CommitWaits::Clock::now() + 5s));
  CHECK_FALSE(waits.wait({"telegram:2"}, CommitWaits::Clock::now() + 5s));
  committed.get();
  // Not committed by the deadline: no 200 either.
  waits.expect("telegram:3");
  CHECK_FALSE(waits.wait({"telegram:3"}, CommitWaits::Clock::now() + 50ms));
  // A delivery nobody waits for (a media burst part) does not hold anyone.
  CHECK(waits.wait({"telegram:4"}, CommitWaits::Clock::now()));
}
