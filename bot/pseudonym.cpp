#include "bot/pseudonym.h"

#include "bot/crypto.h"

namespace netra::bot {

std::string sender_key(std::string_view secret, std::string_view channel, std::string_view platform_id) {
  std::string message(channel);
  message += ':';
  message += platform_id;
  return hmac_sha256_hex(secret, message);
}

}  // namespace netra::bot
