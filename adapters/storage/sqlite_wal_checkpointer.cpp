#include "adapters/storage/sqlite_wal_checkpointer.h"

namespace netra::adapters::storage {

WalCheckpointer::WalCheckpointer(const std::string& path, std::chrono::milliseconds interval)
    : db_(path, knowledge::Database::Mode::read_write_create), interval_(interval), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  thread_.join();
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (!stop_requested_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const std::exception&) {
      // A checkpoint that cannot run now (the file locked by another process) is simply tried again next time;
      // until then the WAL grows, which costs disk, not correctness.
    }
    lock.lock();
  }
}

}  // namespace netra::adapters::storage
