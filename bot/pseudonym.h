// Keyed pseudonyms for senders: HMAC-SHA256(secret, channel ":" platform id), hex. The same person on the same
// channel always maps to the same key, and without the secret nobody can tell who it is (a plain hash of a phone
// number could be reversed by hashing every number).
#pragma once

#include <string>
#include <string_view>

namespace netra::bot {

std::string sender_key(std::string_view secret, std::string_view channel, std::string_view platform_id);

// HMAC-SHA256 of message under key, lowercase hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// Constant-time comparison (CRYPTO_memcmp); false when lengths differ.
bool constant_time_equal(std::string_view a, std::string_view b);

// Hex of n random bytes from OpenSSL's CSPRNG. Throws std::runtime_error if the CSPRNG fails.
std::string random_hex(size_t bytes);

}  // namespace netra::bot
