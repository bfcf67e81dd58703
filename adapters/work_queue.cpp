#include "adapters/work_queue.h"

#include <algorithm>

namespace netra::adapters {

ShardedQueue::ShardedQueue(size_t shards, size_t capacity)
    : shards_(std::max<size_t>(shards, 1)), shard_capacity_(std::max<size_t>(capacity / std::max<size_t>(shards, 1), 1)) {
  for (size_t i = 0; i < shards_.size(); ++i) shards_[i].worker = std::thread([this, i] { run(i); });
}

ShardedQueue::~ShardedQueue() { shutdown(Clock::now()); }

bool ShardedQueue::submit(std::string_view key, std::function<void()> task) {
  size_t shard = std::hash<std::string_view>{}(key) % shards_.size();
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || shards_[shard].tasks.size() >= shard_capacity_) return false;
    shards_[shard].tasks.push_back(std::move(task));
  }
  wake_.notify_all();
  return true;
}

bool ShardedQueue::has_room(std::string_view key) const {
  size_t shard = std::hash<std::string_view>{}(key) % shards_.size();
  std::lock_guard lock(mutex_);
  return !stopping_ && shards_[shard].tasks.size() < shard_capacity_;
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
      wake_.wait(lock);
      continue;
    }
    auto task = std::move(shard.tasks.front());
    shard.tasks.pop_front();
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
