// Applies the retention policy in the background: once at start-up, then every hour, the report store deletes
// the reports whose time is up (bot::RetentionStore::expire), each with an audit line.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "bot/retention_store.h"

namespace netra::adapters {

class RetentionSweeper {
 public:
  // `retention` must outlive the sweeper.
  RetentionSweeper(bot::RetentionStore& retention, bot::RetentionPolicy policy,
                   std::chrono::seconds interval = std::chrono::hours(1));
  // Stops the thread (an expiry in progress finishes first).
  ~RetentionSweeper();
  RetentionSweeper(const RetentionSweeper&) = delete;
  RetentionSweeper& operator=(const RetentionSweeper&) = delete;

 private:
  void run();

  bot::RetentionStore& retention_;
  bot::RetentionPolicy policy_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace netra::adapters
