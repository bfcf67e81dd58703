// Telegram Bot API file download (bot::MediaFetcher for "telegram:<file_id>" refs): getFile?file_id=… answers
// {"ok":true,"result":{file_id, file_size, file_path}}, and the bytes are at
// {NETRA_TELEGRAM_API_BASE}/file/bot<token>/<file_path>. Bots may download files up to 20 MB. The token is in
// both paths: they are never logged.
#pragma once

#include <chrono>
#include <string>

#include "adapters/app/config.h"
#include "bot/evidence.h"

namespace netra::adapters {

class TelegramMedia : public bot::MediaFetcher {
 public:
  explicit TelegramMedia(TelegramConfig config, std::chrono::seconds timeout = std::chrono::seconds(15));
  bot::FetchedMedia fetch(const std::string& media_ref, size_t max_bytes) const override;

 private:
  TelegramConfig config_;
  std::chrono::seconds timeout_;
  std::string origin_, path_prefix_;
};

}  // namespace netra::adapters
