// A bounded least-recently-used cache of answers. People ask the same few questions over and over ("boleh like
// postingan caleg?"), and an answer is a pure function of the normalised message and the audience while the
// knowledge index stays open, so a repeated question costs a hash lookup instead of an FTS5 query and a re-rank.
// Thread-safe: the HTTP threads and the bot workers share one.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "bot/answer.h"

namespace netra::bot {

class AnswerCache {
 public:
  // capacity 0: the cache is off (every lookup misses, nothing is stored).
  explicit AnswerCache(size_t capacity) : capacity_(capacity) {}
  AnswerCache(const AnswerCache&) = delete;
  AnswerCache& operator=(const AnswerCache&) = delete;

  std::optional<Answer> find(const std::string& key);
  void store(const std::string& key, const Answer& answer);

  struct Stats {
    size_t hits = 0;
    size_t misses = 0;
    size_t size = 0;
  };
  Stats stats() const;

 private:
  using Item = std::pair<std::string, Answer>;

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Item> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Item>::iterator> by_key_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace netra::bot
