// A bounded, thread-safe least-recently-used map from a string key to a value, counting hits and misses. Netra
// caches what is a pure function of its key while the knowledge index stays open: answers by normalised
// question (bot::Answerer) and answer JSON bodies by request (the HTTP API).
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace netra::bot {

struct CacheStats {
  size_t hits = 0;
  size_t misses = 0;
  size_t size = 0;
};

template <typename Value>
class LruCache {
 public:
  // capacity 0: the cache is off (every lookup misses, nothing is stored).
  explicit LruCache(size_t capacity) : capacity_(capacity) {}
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  std::optional<Value> find(const std::string& key) {
    if (capacity_ == 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) {
      ++misses_;
      return std::nullopt;
    }
    ++hits_;
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->second;
  }

  void store(const std::string& key, const Value& value) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (auto found = by_key_.find(key); found != by_key_.end()) {
      // Two threads computed the same new key at once: keep the first, the value is the same.
      recent_.splice(recent_.begin(), recent_, found->second);
      return;
    }
    if (recent_.size() >= capacity_) {
      by_key_.erase(recent_.back().first);
      recent_.pop_back();
    }
    recent_.emplace_front(key, value);
    by_key_.emplace(key, recent_.begin());
  }

  CacheStats stats() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, recent_.size()};
  }

 private:
  using Item = std::pair<std::string, Value>;

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Item> recent_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Item>::iterator> by_key_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace netra::bot
