// Webhook acknowledgements held until the message's turn commits (replicas on PostgreSQL). A webhook answered 200
// is never delivered again by the platform, so with a shared database the 200 waits until what the message changed
// is committed: a replica killed before that point loses nothing — the platform gets no 200 and delivers the
// message again, to whichever replica, which handles it as new (the dead one's transaction rolled back). With
// SQLite (one process) nothing waits, as before.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace netra::adapters {

class CommitWaits {
 public:
  using Clock = std::chrono::steady_clock;

  // A webhook will wait for `delivery_id`'s turn (call before the work is queued).
  void expect(const std::string& delivery_id);
  // The turn of these deliveries ended: committed (or found them handled before: `ok`), or failed.
  void finish(const std::vector<std::string>& delivery_ids, bool ok);
  // Waits until every expected id among `delivery_ids` finished or `deadline` passes, then forgets them. True when
  // all that were expected finished ok (ids never expected do not count).
  bool wait(const std::vector<std::string>& delivery_ids, Clock::time_point deadline);

 private:
  enum class State { pending, ok, failed };
  struct Entry {
    State state = State::pending;
    Clock::time_point since;
  };
  std::mutex mutex_;
  std::condition_variable finished_;
  // Entries are removed by wait(); one whose webhook failed before it could wait is dropped after a while.
  std::unordered_map<std::string, Entry> states_;
};

}  // namespace netra::adapters
