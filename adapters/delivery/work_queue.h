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
  // full, producers are waiting in line for it (see submit_within), or the queue is shutting down.
  bool submit(std::string_view key, std::function<void()> task);
  // Like submit, but waits until `deadline` for room in a full shard: a caller that can hold its client (a
  // webhook: the platform waits for the answer) slows the producer down instead of refusing work. Waiting
  // callers get room first come, first served, so under a flood no caller waits much longer than the others.
  bool submit_within(std::string_view key, std::function<void()> task, Clock::time_point deadline);
  // Tasks waiting (not yet started).
  size_t depth() const;
  // Callers of submit_within waiting for room.
  size_t waiting_producers() const;
  // Stops accepting, lets waiting tasks run until `deadline`, drops what is left, and joins the workers.
  // Returns how many tasks were dropped. Idempotent. Producers waiting in submit_within are woken and refused;
  // they may still be returning when shutdown does, so the queue must outlive its producers' threads (netra
  // serve joins the HTTP threads before it shuts the queue down).
  size_t shutdown(Clock::time_point deadline);
  // For a running task that waits (a retry's backoff): sleeps until `until`, but returns false at once when a
  // shutdown's deadline passes first, so the task can give up.
  bool pause_until(Clock::time_point until);

 private:
  // A caller of submit_within waiting in line; its own condition variable, so handing it a slot wakes it alone.
  struct Producer {
    explicit Producer(std::function<void()>* waiting_task) : task(waiting_task) {}
    std::function<void()>* task;  // moved into the shard by the worker that admits it
    std::condition_variable turn;
    bool admitted = false;
  };
  // Each shard has its own condition variable for its worker: a submit wakes only the worker that will run it.
  struct Shard {
    std::deque<std::function<void()>> tasks;
    std::deque<Producer*> line;  // producers waiting for room, oldest first
    std::condition_variable work;
    std::thread worker;
  };
  Shard& shard_of(std::string_view key) { return shards_[std::hash<std::string_view>{}(key) % shards_.size()]; }
  void run(size_t shard);
  // Under mutex_: hands free slots to the producers in line, oldest first.
  void admit_waiting(Shard& shard);

  mutable std::mutex mutex_;
  std::condition_variable wake_;  // shutdown: ends pause_until early
  std::vector<Shard> shards_;
  size_t shard_capacity_;
  bool stopping_ = false;
  Clock::time_point deadline_ = Clock::time_point::max();
  size_t dropped_ = 0;
};

}  // namespace netra::adapters
