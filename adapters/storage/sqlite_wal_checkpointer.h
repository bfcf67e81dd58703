// Checkpoints a WAL-mode SQLite database from a background thread. SQLite's automatic checkpoint runs inside the
// COMMIT that crosses the threshold, so one unlucky message pays for copying a thousand pages back and for the
// fsync: a stall of tens of milliseconds under the store's lock, in the middle of the webhook path. Here that
// work happens beside it, on its own connection (a PASSIVE checkpoint never blocks the writer).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "knowledge/sqlite.h"

namespace netra::adapters::storage {

class WalCheckpointer {
 public:
  // Opens its own connection to `path` (which must already be in WAL mode) and checkpoints every `interval`.
  WalCheckpointer(const std::string& path, std::chrono::milliseconds interval);
  // Stops the thread (a checkpoint in progress finishes first).
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void run();

  knowledge::Database db_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace netra::adapters::storage
