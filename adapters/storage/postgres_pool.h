// A small pool of PostgreSQL connections shared by the threads of one `netra serve`: the inbound workers (one
// turn each), the outbox relay and the HTTP threads of the web chat. A connection is used by one thread at a time
// (a libpq connection is not thread-safe) and goes back to the pool when its Lease ends; a broken one, or one left
// inside a transaction, is closed instead. When the server is unreachable, new connections are attempted with
// exponential backoff (100 ms doubling to 5 s) and, between attempts, acquire() fails at once with
// bot::StorageUnavailable — so a webhook gets its 503 immediately instead of every request knocking on a dead
// server.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/storage/postgres_connection.h"

namespace netra::adapters::storage {

struct PgPoolConfig {
  std::string url;                                  // NETRA_DATABASE_URL
  size_t size = 8;                                  // connections at most
  std::chrono::milliseconds acquire_timeout{5000};  // wait for a free connection before StorageUnavailable
  std::chrono::milliseconds backoff_initial{100};   // after a failed connection attempt; doubled per failure
  std::chrono::milliseconds backoff_max{5000};
  // A connection idle longer than this is checked with an empty query before it is handed out: the server may
  // have restarted or closed it meanwhile, and a turn should not be the one to find out.
  std::chrono::milliseconds revalidate_after{10000};
};

class PgPool {
 public:
  explicit PgPool(PgPoolConfig config);
  PgPool(const PgPool&) = delete;
  PgPool& operator=(const PgPool&) = delete;

  // A connection for the lifetime of the lease, given back (or closed, when no longer reusable) at its end.
  class Lease {
   public:
    Lease(PgPool& pool, std::unique_ptr<PgConnection> connection) : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PgConnection& operator*() const { return *connection_; }
    PgConnection* operator->() const { return connection_.get(); }

   private:
    PgPool* pool_;
    std::unique_ptr<PgConnection> connection_;
  };

  // A free connection, or a new one when fewer than `size` are open. Throws bot::StorageUnavailable when the
  // server cannot be reached (or is in its backoff after a failure) or no connection frees up within
  // acquire_timeout; PgConfigError for a malformed URL.
  Lease acquire();

  // Start-up: opens one connection, retrying with backoff while the server is unreachable, for at most
  // `patience`. Throws PgConfigError at once when the failure is lasting (wrong password, unknown database:
  // connect_failure_is_lasting), bot::StorageUnavailable when patience runs out. Messages hold the redacted URL.
  void connect_at_startup(std::chrono::milliseconds patience);

  const std::string& redacted_url() const { return redacted_url_; }
  size_t size() const { return config_.size; }

 private:
  void give_back(std::unique_ptr<PgConnection> connection);
  std::unique_ptr<PgConnection> connect();  // outside mutex_; records failures for the backoff

  struct Idle {
    std::unique_ptr<PgConnection> connection;
    std::chrono::steady_clock::time_point since;
  };

  PgPoolConfig config_;
  std::string redacted_url_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<Idle> idle_;
  size_t open_ = 0;  // connections handed out or idle, plus attempts in progress
  std::chrono::milliseconds backoff_{0};
  std::chrono::steady_clock::time_point next_attempt_{};
  std::string last_failure_;
};

}  // namespace netra::adapters::storage
