// Reviewer accounts, desk sessions and the login throttle as stored rows. The store never sees a password or
// a session token: passwords arrive as libsodium crypto_pwhash_str hashes and tokens as their SHA-256 (both
// made by bot::ReviewerAccounts), so a copy of the database opens no account and no session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class ReviewerStore {
 public:
  virtual ~ReviewerStore() = default;

  // --- accounts
  // Stores a new account. False (and nothing changes) when the name is taken.
  virtual bool add_reviewer(const std::string& name, const std::string& password_hash,
                            const std::string& created_at) = 0;
  // Every account, by name.
  virtual std::vector<Reviewer> reviewers() = 0;
  // Removes the account and its desk sessions, in one transaction. False when there was none.
  virtual bool remove_reviewer(const std::string& name) = 0;
  // The account's crypto_pwhash_str string; nullopt when there is no such account.
  virtual std::optional<std::string> password_hash(const std::string& name) = 0;

  // --- desk sessions, keyed by the SHA-256 (lowercase hex) of the cookie's token
  virtual void open_desk_session(const std::string& token_hash, const DeskSession& session) = 0;
  // The session, if there is one and its reviewer still exists. Expiry is the caller's (ReviewerAccounts).
  virtual std::optional<DeskSession> find_desk_session(const std::string& token_hash) = 0;
  virtual void touch_desk_session(const std::string& token_hash, int64_t last_seen) = 0;
  virtual void close_desk_session(const std::string& token_hash) = 0;

  // --- login throttle: failed logins under a key ("name:budi"), with their Unix time
  // Records a failure at `now`, forgets every failure at or before now - window_seconds (all keys), and
  // returns the key's failures within the window, this one included.
  virtual int64_t record_login_failure(const std::string& key, int64_t now, int64_t window_seconds) = 0;
  // The key's failures after now - window_seconds.
  virtual int64_t login_failures(const std::string& key, int64_t now, int64_t window_seconds) = 0;
  virtual void clear_login_failures(const std::string& key) = 0;
};

}  // namespace netra::bot
