#include "adapters/storage/postgres_pool.h"

#include <algorithm>
#include <thread>

namespace netra::adapters::storage {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

PgPool::PgPool(PgPoolConfig config) : config_(std::move(config)), redacted_url_(redact_url(config_.url)) {
  if (config_.size == 0) config_.size = 1;
}

PgPool::Lease::~Lease() {
  if (pool_ && connection_) pool_->give_back(std::move(connection_));
}

void PgPool::give_back(std::unique_ptr<PgConnection> connection) {
  bool keep = connection->reusable();
  if (!keep) connection.reset();  // closed outside the lock would be nicer, but PQfinish on a dead socket is quick
  std::lock_guard lock(mutex_);
  if (keep) {
    idle_.push_back({std::move(connection), Clock::now()});
  } else {
    --open_;
  }
  freed_.notify_one();
}

std::unique_ptr<PgConnection> PgPool::connect() {
  try {
    auto connection = std::make_unique<PgConnection>(config_.url);
    std::lock_guard lock(mutex_);
    backoff_ = milliseconds(0);
    last_failure_.clear();
    return connection;
  } catch (const bot::StorageUnavailable& e) {
    std::lock_guard lock(mutex_);
    --open_;
    backoff_ = backoff_.count() == 0 ? config_.backoff_initial : std::min(backoff_ * 2, config_.backoff_max);
    next_attempt_ = Clock::now() + backoff_;
    last_failure_ = e.what();
    freed_.notify_one();
    throw;
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    freed_.notify_one();
    throw;
  }
}

PgPool::Lease PgPool::acquire() {
  auto deadline = Clock::now() + config_.acquire_timeout;
  std::unique_lock lock(mutex_);
  while (true) {
    if (!idle_.empty()) {
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      if (Clock::now() - idle.since < config_.revalidate_after) return Lease(*this, std::move(idle.connection));
      lock.unlock();
      try {
        idle.connection->exec("SELECT 1");  // one round trip: is the server still there for this connection?
        return Lease(*this, std::move(idle.connection));
      } catch (const std::exception&) {
        idle.connection.reset();
        lock.lock();
        --open_;
        continue;  // another idle one, or a fresh connection
      }
    }
    if (open_ < config_.size) {
      if (Clock::now() < next_attempt_) {
        auto wait = std::chrono::duration_cast<milliseconds>(next_attempt_ - Clock::now());
        throw bot::StorageUnavailable(last_failure_ + " (next attempt in " + std::to_string(wait.count()) + " ms)");
      }
      ++open_;
      lock.unlock();
      return Lease(*this, connect());
    }
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() && open_ >= config_.size) {
      throw bot::StorageUnavailable("no PostgreSQL connection free within " +
                                    std::to_string(config_.acquire_timeout.count()) + " ms (pool of " +
                                    std::to_string(config_.size) + ")");
    }
  }
}

void PgPool::connect_at_startup(milliseconds patience) {
  auto deadline = Clock::now() + patience;
  milliseconds backoff = config_.backoff_initial;
  while (true) {
    try {
      {
        std::lock_guard lock(mutex_);
        ++open_;
      }
      give_back(connect());
      return;
    } catch (const bot::StorageUnavailable& e) {
      if (connect_failure_is_lasting(config_.url)) throw PgConfigError(e.what());
      if (Clock::now() + backoff > deadline) throw;
    }
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, config_.backoff_max);
    std::lock_guard lock(mutex_);
    next_attempt_ = {};  // start-up keeps its own schedule
  }
}

}  // namespace netra::adapters::storage
