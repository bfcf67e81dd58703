// Keyed pseudonyms for senders: HMAC-SHA256(secret, channel ":" platform id), hex. The same person on the same
// channel always maps to the same key, and without the secret nobody can tell who it is (a plain hash of a phone
// number could be reversed by hashing every number). The HMAC itself lives in crypto.h, with the other helpers.
#pragma once

#include <string>
#include <string_view>

namespace netra::bot {

// 64 lowercase hex characters; `secret` is the server's NETRA_SECRET.
std::string sender_key(std::string_view secret, std::string_view channel, std::string_view platform_id);

}  // namespace netra::bot
