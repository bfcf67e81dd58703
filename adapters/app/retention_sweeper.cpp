#include "adapters/app/retention_sweeper.h"

#include <spdlog/spdlog.h>

#include "bot/clock.h"

namespace netra::adapters {

RetentionSweeper::RetentionSweeper(bot::RetentionStore& retention, bot::RetentionPolicy policy,
                                   std::chrono::seconds interval)
    : retention_(retention), policy_(std::move(policy)), interval_(interval), thread_([this] { run(); }) {}

RetentionSweeper::~RetentionSweeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RetentionSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      auto removed = retention_.expire(policy_, bot::unix_now());
      // Counts only: the audit trail names the codes; the log stays free of them.
      if (!removed.empty()) spdlog::info("event=reports_expired count={}", removed.size());
    } catch (const std::exception& e) {
      spdlog::error("event=retention_failed error=\"{}\"", e.what());
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace netra::adapters
