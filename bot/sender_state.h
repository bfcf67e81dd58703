// Per-sender conversation state: the session (a JSON document: menu position, a half-finished report) and the
// per-day counters behind the abuse limits (reports filed, status checks). Both are keyed by sender_key, a keyed
// hash that identifies no one (bot/pseudonym.h). The dialogue core uses only this interface; the storage backends
// implement it (adapters/storage/: SQLite state.db, and PostgreSQL for replicas).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace netra::bot {

class SenderState {
 public:
  virtual ~SenderState() = default;

  // The sender's session state (JSON text), unless absent or expired (a quiet session expires after the
  // backend's session TTL, 24 h by default).
  virtual std::optional<std::string> load_session(const std::string& sender_key) = 0;
  virtual void save_session(const std::string& sender_key, const std::string& state_json) = 0;
  virtual void clear_session(const std::string& sender_key) = 0;

  // Adds one to the sender's counter `name` for the current UTC day and returns the new count.
  virtual int64_t bump_daily_counter(const std::string& sender_key, const std::string& name) = 0;
  // Today's value of the counter, unchanged.
  virtual int64_t daily_counter(const std::string& sender_key, const std::string& name) = 0;
};

}  // namespace netra::bot
