// `netra serve`'s own health loop under systemd. Once GET /healthz answers on the listening address it sends
// READY=1 (so `systemctl start` returns when the bot really answers), then probes /healthz every third of the
// watchdog interval and sends WATCHDOG=1 after each good answer. A server whose accept loop or worker pool is
// stuck stops answering, the pings stop, and systemd restarts it after WatchdogSec=. Starts no thread when no
// service manager listens (SystemdNotifier::enabled() is false).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "adapters/app/systemd_notify.h"

namespace netra::adapters {

class HealthLoop {
 public:
  // `bind`/`port`: where the server listens (a wildcard bind is probed on loopback). `ready_status`: the STATUS=
  // line sent with READY=1. `notifier` must outlive the loop.
  HealthLoop(const SystemdNotifier& notifier, const std::string& bind, int port, std::string ready_status);
  ~HealthLoop();
  HealthLoop(const HealthLoop&) = delete;
  HealthLoop& operator=(const HealthLoop&) = delete;

  // Ends the loop (idempotent); no message is sent after it returns.
  void stop();

 private:
  void run();
  // True when GET /healthz answered 200 within `timeout`.
  bool probe(std::chrono::milliseconds timeout) const;
  // Waits up to `period`; false when stop() was called meanwhile.
  bool wait(std::chrono::milliseconds period);

  const SystemdNotifier& notifier_;
  std::string host_;
  int port_;
  std::string ready_status_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace netra::adapters
