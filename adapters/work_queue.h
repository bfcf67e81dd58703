// A bounded queue of tasks run by a few worker threads, sharded by a key so that the tasks of one key (one
// sender, one chat) run in order on one thread while different keys run in parallel. Used for bot processing
// after a webhook is acknowledged and for sending replies.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace netra::adapters {

class ShardedQueue {
 public:
  using Clock = std::chrono::steady_clock;

  // `capacity` bounds the tasks waiting over all shards (each shard holds capacity / shards, at least 1).
  ShardedQueue(size_t shards, size_t capacity);
  // Shuts down without draining.
  ~ShardedQueue();
  ShardedQueue(const ShardedQueue&) = delete;
  ShardedQueue& operator=(const ShardedQueue&) = delete;

  // Queues a task behind the earlier tasks of the same key. False, and the task is not run, when that shard is
  // full or the queue is shutting down.
  bool submit(std::string_view key, std::function<void()> task);
  // Whether submit(key, …) would find room now: lets a caller refuse before doing work that a refused submit
  // would waste. Only a hint (another thread may fill the shard first), so submit's answer still counts.
  bool has_room(std::string_view key) const;
  // Tasks waiting (not yet started).
  size_t depth() const;
  // Stops accepting, lets waiting tasks run until `deadline`, drops what is left, and joins the workers.
  // Returns how many tasks were dropped. Idempotent.
  size_t shutdown(Clock::time_point deadline);
  // For a running task that waits (a retry's backoff): sleeps until `until`, but returns false at once when a
  // shutdown's deadline passes first, so the task can give up.
  bool pause_until(Clock::time_point until);

 private:
  struct Shard {
    std::deque<std::function<void()>> tasks;
    std::thread worker;
  };
  void run(size_t shard);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Shard> shards_;
  size_t shard_capacity_;
  bool stopping_ = false;
  Clock::time_point deadline_ = Clock::time_point::max();
  size_t dropped_ = 0;
};

}  // namespace netra::adapters
