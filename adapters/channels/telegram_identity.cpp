#include "adapters/channels/telegram_identity.h"

#include <spdlog/spdlog.h>

namespace netra::adapters {

TelegramIdentity::TelegramIdentity(TelegramChannel& channel, std::chrono::seconds timeout)
    : channel_(channel), transport_(timeout) {
  if (!try_once()) retrier_ = std::thread([this] { retry_until_known(); });
}

TelegramIdentity::~TelegramIdentity() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  if (retrier_.joinable()) retrier_.join();
}

bool TelegramIdentity::try_once() {
  OutboundRequest request = channel_.get_me_request();
  SendResult result = transport_.post(request);
  if (result.status == 200) {
    if (auto username = TelegramChannel::username_in_get_me(result.body)) {
      channel_.learn_bot_username(*username);
      spdlog::info("event=telegram_username username={} source=getMe", *username);
      return true;
    }
  }
  Refusal refusal = channel_.read_refusal(result);
  spdlog::warn(
      "event=telegram_get_me_failed status={} code={} description=\"{}\" effect=\"in groups only a bare "
      "/command reaches Netra until getMe answers; NETRA_TELEGRAM_BOT_USERNAME avoids the wait\"",
      result.status, refusal.code, refusal.description);
  return false;
}

void TelegramIdentity::retry_until_known() {
  std::chrono::seconds pause(30);
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (stop_requested_.wait_for(lock, pause, [this] { return stopping_; })) return;
    }
    if (try_once()) return;
    pause = std::min<std::chrono::seconds>(pause * 2, std::chrono::minutes(10));
  }
}

}  // namespace netra::adapters
