#include "bot/reviewer_accounts.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "bot/clock.h"
#include "bot/crypto.h"
#include "bot/reports.h"

namespace netra::bot {
namespace {

// Letters and digits that cannot be mistaken for one another when a password is read aloud or copied by hand.
constexpr std::string_view kPasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr size_t kPasswordLength = 24;  // log2(55) * 24 ≈ 139 bits
// A write per request would be wasted: a few seconds of idle time more or less change nothing.
constexpr int64_t kTouchEverySeconds = 15;

void ensure_sodium() {
  // Safe to call many times and from several threads (libsodium documents it); it fails only when the system
  // has no usable entropy source.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string generate_password() {
  std::string password;
  for (size_t i = 0; i < kPasswordLength; ++i) {
    password += kPasswordAlphabet[randombytes_uniform(static_cast<uint32_t>(kPasswordAlphabet.size()))];
  }
  return password;
}

std::string hash_password(const std::string& password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("crypto_pwhash_str failed (out of memory)");
  }
  return hash;
}

std::string token_hash(const std::string& token) { return sha256_hex(token); }

}  // namespace

bool is_reviewer_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-';
  });
}

ReviewerAccounts::ReviewerAccounts(ReviewerStore& store) : store_(store) {}

std::optional<std::string> ReviewerAccounts::add_reviewer(const std::string& name) {
  if (!is_reviewer_name(name)) {
    throw std::invalid_argument("a reviewer name is 1 to 64 characters of letters, digits, '.', '_' and '-'");
  }
  ensure_sodium();
  std::string password = generate_password();
  if (!store_.add_reviewer(name, hash_password(password), iso_time(unix_now()))) return std::nullopt;
  return password;
}

bool ReviewerAccounts::verify_reviewer(const std::string& name, const std::string& password) {
  ensure_sodium();
  std::optional<std::string> stored = store_.password_hash(name);
  // An unknown name costs the same Argon2id run as a known one, so timing does not tell which names exist.
  std::call_once(dummy_hash_once_, [this] { dummy_hash_ = hash_password(generate_password()); });
  const std::string& hash = stored ? *stored : dummy_hash_;
  password_checks_.acquire();
  bool matches = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  password_checks_.release();
  return stored.has_value() && matches;
}

std::string ReviewerAccounts::open_desk_session(const std::string& reviewer, int64_t now) {
  std::string token = random_hex(32);
  store_.open_desk_session(token_hash(token), DeskSession{reviewer, random_hex(32), now, now});
  return token;
}

std::optional<DeskSession> ReviewerAccounts::find_desk_session(const std::string& token,
                                                               const DeskSessionPolicy& policy, int64_t now) {
  std::string key = token_hash(token);
  auto session = store_.find_desk_session(key);
  if (!session) return std::nullopt;
  if (now - session->last_seen > policy.idle_seconds || now - session->created_at > policy.max_seconds) {
    store_.close_desk_session(key);
    return std::nullopt;
  }
  if (now - session->last_seen >= kTouchEverySeconds) {
    store_.touch_desk_session(key, now);
    session->last_seen = now;
  }
  return session;
}

void ReviewerAccounts::close_desk_session(const std::string& token) {
  store_.close_desk_session(token_hash(token));
}

}  // namespace netra::bot
