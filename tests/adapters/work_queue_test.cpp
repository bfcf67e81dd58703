#include "adapters/delivery/work_queue.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace netra::adapters;
using namespace std::chrono_literals;

namespace {

// A task that blocks its worker until opened, so a test can fill a shard and decide when room appears.
class Gate {
 public:
  void open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

}  // namespace

TEST_CASE("tasks of one key run in the order they were submitted", "[work_queue]") {
  ShardedQueue queue(3, 300);  // 100 per shard: room for all 50
  std::mutex mutex;
  std::vector<int> ran;
  for (int i = 0; i < 50; ++i) {
    REQUIRE(queue.submit("chat-1", [&, i] {
      std::lock_guard lock(mutex);
      ran.push_back(i);
    }));
  }
  queue.shutdown(ShardedQueue::Clock::now() + 5s);
  REQUIRE(ran.size() == 50);
  for (int i = 0; i < 50; ++i) CHECK(ran[i] == i);
}

TEST_CASE("a full shard refuses a submit at once, and submit_within once its deadline passes", "[work_queue]") {
  ShardedQueue queue(1, 2);
  Gate gate;
  std::promise<void> started;
  REQUIRE(queue.submit("k", [&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();  // the worker holds the first task; the shard's two slots are free
  REQUIRE(queue.submit("k", [] {}));
  REQUIRE(queue.submit("k", [] {}));
  CHECK_FALSE(queue.submit("k", [] {}));
  auto before = ShardedQueue::Clock::now();
  CHECK_FALSE(queue.submit_within("k", [] {}, before + 50ms));
  CHECK(ShardedQueue::Clock::now() - before >= 50ms);
  CHECK(queue.waiting_producers() == 0);  // the one that gave up left the line
  gate.open();
  queue.shutdown(ShardedQueue::Clock::now() + 5s);
}

TEST_CASE("producers waiting for room get it first come, first served, before newcomers", "[work_queue]") {
  ShardedQueue queue(1, 1);
  Gate gate;
  std::promise<void> started;
  std::mutex mutex;
  std::vector<std::string> ran;
  auto record = [&](std::string name) {
    return [&, name] {
      std::lock_guard lock(mutex);
      ran.push_back(name);
    };
  };
  REQUIRE(queue.submit("k", [&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  REQUIRE(queue.submit("k", record("queued")));
  std::vector<std::future<bool>> producers;
  for (std::string name : {"first", "second", "third"}) {
    size_t ahead = queue.waiting_producers();
    producers.push_back(std::async(std::launch::async, [&, name] {
      return queue.submit_within("k", record(name), ShardedQueue::Clock::now() + 10s);
    }));
    // The next producer starts only once this one is in line, so the order of the line is known.
    for (int i = 0; i < 500 && queue.waiting_producers() == ahead; ++i) std::this_thread::sleep_for(1ms);
    REQUIRE(queue.waiting_producers() == ahead + 1);
  }
  CHECK_FALSE(queue.submit("k", record("newcomer")));  // room the line is owed is not taken by a newcomer
  gate.open();
  for (auto& producer : producers) CHECK(producer.get());
  queue.shutdown(ShardedQueue::Clock::now() + 5s);
  CHECK(ran == std::vector<std::string>{"queued", "first", "second", "third"});
}

TEST_CASE("submit_within waits for room in a full shard and queues the task when a worker frees it", "[work_queue]") {
  ShardedQueue queue(1, 1);
  Gate gate;
  std::promise<void> started;
  std::atomic<bool> late_task_ran{false};
  REQUIRE(queue.submit("k", [&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  REQUIRE(queue.submit("k", [] {}));  // the one slot is taken
  auto waiting = std::async(std::launch::async, [&] {
    return queue.submit_within("k", [&] { late_task_ran = true; }, ShardedQueue::Clock::now() + 5s);
  });
  CHECK(waiting.wait_for(100ms) == std::future_status::timeout);  // still waiting: no room yet
  gate.open();
  CHECK(waiting.get());
  queue.shutdown(ShardedQueue::Clock::now() + 5s);
  CHECK(late_task_ran);
}

TEST_CASE("shutdown ends a wait for room at once, refusing the task", "[work_queue]") {
  auto queue = std::make_unique<ShardedQueue>(1, 1);
  Gate gate;
  std::promise<void> started;
  REQUIRE(queue->submit("k", [&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  REQUIRE(queue->submit("k", [] {}));
  auto waiting = std::async(std::launch::async, [&] {
    return queue->submit_within("k", [] {}, ShardedQueue::Clock::now() + 30s);
  });
  CHECK(waiting.wait_for(50ms) == std::future_status::timeout);
  auto stopper = std::async(std::launch::async, [&] { return queue->shutdown(ShardedQueue::Clock::now()); });
  CHECK(waiting.wait_for(5s) == std::future_status::ready);
  CHECK_FALSE(waiting.get());
  gate.open();
  CHECK(stopper.get() == 1);  // the task still waiting in the shard was dropped at the deadline
}
