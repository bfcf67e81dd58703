// Learns the Telegram bot's own username with getMe, so that group messages meant for other bots can be told
// apart (TelegramChannel: until the name is known, only a bare /command addresses Netra in a group). The first try
// runs in the constructor, bounded by `timeout`; while it fails, a background thread tries again with growing
// pauses (30 s, doubling, at most 10 min) until it succeeds or the identity is destroyed. Not used when
// NETRA_TELEGRAM_BOT_USERNAME is set.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "adapters/delivery/outbound.h"
#include "adapters/channels/telegram.h"

namespace netra::adapters {

class TelegramIdentity {
 public:
  // `channel` must outlive this object.
  explicit TelegramIdentity(TelegramChannel& channel, std::chrono::seconds timeout = std::chrono::seconds(3));
  // Stops the retries (at once, not after the current pause).
  ~TelegramIdentity();
  TelegramIdentity(const TelegramIdentity&) = delete;
  TelegramIdentity& operator=(const TelegramIdentity&) = delete;

 private:
  // One getMe; true when the channel now knows its name.
  bool try_once();
  void retry_until_known();

  TelegramChannel& channel_;
  HttpTransport transport_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread retrier_;
};

}  // namespace netra::adapters
