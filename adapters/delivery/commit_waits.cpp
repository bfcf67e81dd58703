#include "adapters/delivery/commit_waits.h"

namespace netra::adapters {

void CommitWaits::expect(const std::string& delivery_id) {
  auto now = Clock::now();
  std::lock_guard lock(mutex_);
  if (states_.size() >= 10000) {
    // Nobody waits longer than a webhook's commit wait; older entries belong to requests that failed early.
    std::erase_if(states_, [&](const auto& entry) { return now - entry.second.since > std::chrono::minutes(5); });
  }
  states_[delivery_id] = {State::pending, now};
}

void CommitWaits::finish(const std::vector<std::string>& delivery_ids, bool ok) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& id : delivery_ids) {
      auto state = states_.find(id);
      if (state != states_.end()) state->second.state = ok ? State::ok : State::failed;
    }
  }
  finished_.notify_all();
}

bool CommitWaits::wait(const std::vector<std::string>& delivery_ids, Clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  auto all_finished = [&] {
    for (const auto& id : delivery_ids) {
      auto state = states_.find(id);
      if (state != states_.end() && state->second.state == State::pending) return false;
    }
    return true;
  };
  finished_.wait_until(lock, deadline, all_finished);
  bool ok = true;
  for (const auto& id : delivery_ids) {
    auto state = states_.find(id);
    if (state == states_.end()) continue;
    ok = ok && state->second.state == State::ok;  // still pending at the deadline: not committed (yet)
    states_.erase(state);
  }
  return ok;
}

}  // namespace netra::adapters
