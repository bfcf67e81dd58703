#include "adapters/delivery/work_queue.h"

#include <algorithm>

namespace netra::adapters {

ShardedQueue::ShardedQueue(size_t shards, size_t capacity)
    : shards_(std::max<size_t>(shards, 1)), shard_capacity_(std::max<size_t>(capacity / std::max<size_t>(shards, 1), 1)) {
  for (size_t i = 0; i < shards_.size(); ++i) shards_[i].worker = std::thread([this, i] { run(i); });
}

ShardedQueue::~ShardedQueue() { shutdown(Clock::now()); }

bool ShardedQueue::submit(std::string_view key, std::function<void()> task) {
  // A deadline already past: take room that is there now, never wait.
  return submit_within(key, std::move(task), Clock::time_point::min());
}

bool ShardedQueue::submit_within(std::string_view key, std::function<void()> task, Clock::time_point deadline) {
  Shard& shard = shard_of(key);
  std::unique_lock lock(mutex_);
  if (stopping_) return false;
  // A newcomer never takes room the producers already in line are owed.
  if (shard.line.empty() && shard.tasks.size() < shard_capacity_) {
    shard.tasks.push_back(std::move(task));
    lock.unlock();
    shard.work.notify_one();
    return true;
  }
  if (Clock::now() >= deadline) return false;
  Producer me(&task);
  shard.line.push_back(&me);
  while (!me.admitted && !stopping_) {
    if (me.turn.wait_until(lock, deadline) == std::cv_status::timeout) break;
  }
  if (me.admitted) return true;  // the worker queued the task, in line order
  shard.line.erase(std::find(shard.line.begin(), shard.line.end(), &me));
  return false;
}

void ShardedQueue::admit_waiting(Shard& shard) {
  // The worker moves each admitted task into the shard itself: were producers to queue their own tasks once they
  // wake, a later one could wake first and overtake an earlier one of the same key.
  while (!shard.line.empty() && shard.tasks.size() < shard_capacity_) {
    Producer* next = shard.line.front();
    shard.line.pop_front();
    shard.tasks.push_back(std::move(*next->task));
    next->admitted = true;
    next->turn.notify_one();
  }
}

size_t ShardedQueue::waiting_producers() const {
  std::lock_guard lock(mutex_);
  size_t waiting = 0;
  for (const auto& shard : shards_) waiting += shard.line.size();
  return waiting;
}

size_t ShardedQueue::depth() const {
  std::lock_guard lock(mutex_);
  size_t waiting = 0;
  for (const auto& shard : shards_) waiting += shard.tasks.size();
  return waiting;
}

size_t ShardedQueue::shutdown(Clock::time_point deadline) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      stopping_ = true;
      deadline_ = deadline;
    }
  }
  wake_.notify_all();
  {
    std::lock_guard lock(mutex_);
    for (auto& shard : shards_) {
      for (Producer* producer : shard.line) producer->turn.notify_one();
    }
  }
  for (auto& shard : shards_) shard.work.notify_all();
  for (auto& shard : shards_) {
    if (shard.worker.joinable()) shard.worker.join();
  }
  std::lock_guard lock(mutex_);
  return dropped_;
}

bool ShardedQueue::pause_until(Clock::time_point until) {
  std::unique_lock lock(mutex_);
  while (true) {
    auto now = Clock::now();
    if (stopping_ && now >= deadline_) return false;
    if (now >= until) return true;
    wake_.wait_until(lock, stopping_ ? std::min(until, deadline_) : until);
  }
}

void ShardedQueue::run(size_t index) {
  Shard& shard = shards_[index];
  std::unique_lock lock(mutex_);
  while (true) {
    if (stopping_ && (shard.tasks.empty() || Clock::now() >= deadline_)) {
      dropped_ += shard.tasks.size();
      shard.tasks.clear();
      return;
    }
    if (shard.tasks.empty()) {
      shard.work.wait(lock);
      continue;
    }
    auto task = std::move(shard.tasks.front());
    shard.tasks.pop_front();
    admit_waiting(shard);
    lock.unlock();
    try {
      task();
    } catch (...) {
      // Tasks log their own failures (Dispatcher, Outbound); this only keeps the worker alive.
    }
    lock.lock();
  }
}

}  // namespace netra::adapters
