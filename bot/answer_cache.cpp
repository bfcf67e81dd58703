#include "bot/answer_cache.h"

namespace netra::bot {

std::optional<Answer> AnswerCache::find(const std::string& key) {
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

void AnswerCache::store(const std::string& key, const Answer& answer) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (auto found = by_key_.find(key); found != by_key_.end()) {
    // Two threads answered the same new question at once: keep the first, it is the same answer.
    recent_.splice(recent_.begin(), recent_, found->second);
    return;
  }
  if (recent_.size() >= capacity_) {
    by_key_.erase(recent_.back().first);
    recent_.pop_back();
  }
  recent_.emplace_front(key, answer);
  by_key_.emplace(key, recent_.begin());
}

AnswerCache::Stats AnswerCache::stats() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, recent_.size()};
}

}  // namespace netra::bot
