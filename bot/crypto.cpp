#include "bot/crypto.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace netra::bot {
namespace {

// sodium_init picks the fastest implementations and opens the entropy source. libsodium documents it as safe to
// call many times and from several threads; it fails only when the system has no usable entropy source.
void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, size_t length) {
  std::string hex(length * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, length);
  hex.pop_back();  // sodium_bin2hex writes a terminating NUL
  return hex;
}

const unsigned char* as_bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  ensure_sodium();
  // The init/update/final form takes a key of any length (a longer one is hashed first, as RFC 2104 says);
  // crypto_auth_hmacsha256 itself wants exactly 32 bytes.
  crypto_auth_hmacsha256_state state;
  unsigned char digest[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, as_bytes(key), key.size());
  crypto_auth_hmacsha256_update(&state, as_bytes(message), message.size());
  crypto_auth_hmacsha256_final(&state, digest);
  return to_hex(digest, sizeof digest);
}

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, as_bytes(bytes), bytes.size());
  return to_hex(digest, sizeof digest);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  ensure_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void random_bytes(unsigned char* out, size_t count) {
  // randombytes_buf's buffer is declared non-null; an empty request (an empty vector's data() may be null) asks for
  // nothing, so it never reaches libsodium (UBSan flags the null pointer otherwise).
  if (count == 0) return;
  ensure_sodium();
  randombytes_buf(out, count);
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  random_bytes(buffer.data(), bytes);
  return to_hex(buffer.data(), bytes);
}

}  // namespace netra::bot
