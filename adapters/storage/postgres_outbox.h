// The durable outbox in PostgreSQL (bot/outbox.h), table `outbox` (postgres_schema.cpp). Rows are written by turns
// (PostgresTurn::queue_outbox) and claimed by every replica's relay with FOR UPDATE SKIP LOCKED, so two relays
// never take the same row and never wait for each other.
#pragma once

#include "adapters/storage/postgres_pool.h"
#include "bot/outbox.h"

namespace netra::adapters::storage {

class PostgresOutbox : public bot::Outbox {
 public:
  explicit PostgresOutbox(PgPool& pool) : pool_(pool) {}

  std::vector<bot::OutboxEntry> claim(size_t limit, const std::string& claimer) override;
  bool mark_attempt(int64_t id, const std::string& claimer) override;
  void delivered(int64_t id) override;
  void release(int64_t id) override;
  void give_up(int64_t id) override;
  void mark_maybe_sent(int64_t id) override;
  void heartbeat(const std::string& claimer) override;
  bot::StaleRows mark_stale(std::chrono::seconds silent_for, std::chrono::seconds older_than) override;
  bot::OutboxCounts counts() override;

 private:
  PgPool& pool_;
};

}  // namespace netra::adapters::storage
