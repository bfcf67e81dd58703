// The small cryptographic helpers every layer shares — keyed hashes (HMAC-SHA256), digests (SHA-256),
// constant-time comparison and random ids — on libsodium's primitives. Sender pseudonyms (pseudonym.h), the
// storage backends' hashed delivery ids, webhook signatures and the desk's tokens all use these, so there is one
// implementation to review. Every function is safe to call from several threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace netra::bot {

// HMAC-SHA256 (RFC 2104, as crypto_auth_hmacsha256 computes it for a key of any length) of `message` under
// `key`: 64 lowercase hex characters.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// SHA-256 of `bytes`: 64 lowercase hex characters.
std::string sha256_hex(std::string_view bytes);

// Constant-time comparison (sodium_memcmp) for secrets and signatures: false when the lengths differ (the length
// is not secret), else whether every byte is equal, in a time that does not depend on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

// `count` bytes from the operating system's CSPRNG (randombytes_buf), into `out` (OUT: must hold `count`).
void random_bytes(unsigned char* out, size_t count);

// Hex of `bytes` random bytes (2 * bytes lowercase hex characters): session tokens, CSRF tokens, claimer ids.
std::string random_hex(size_t bytes);

}  // namespace netra::bot
