#include "adapters/app/systemd_notify.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace netra::adapters {
namespace {

// STATUS= is one line: newlines would end the assignment early.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

SystemdNotifier::SystemdNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  enabled_ = socket && *socket;
  uint64_t usec = 0;
  // 0 = keep WATCHDOG_USEC in the environment: children (none today) are not told anything different.
  if (enabled_ && sd_watchdog_enabled(0, &usec) > 0) watchdog_interval_ = std::chrono::microseconds(usec);
}

void SystemdNotifier::send(const std::string& state) const {
  if (!enabled_) return;
  int result = sd_notify(0, state.c_str());
  if (result < 0) spdlog::warn("event=sd_notify_failed error=\"{}\"", std::strerror(-result));
}

void SystemdNotifier::ready(const std::string& status) const {
  send("READY=1\nSTATUS=" + one_line(status));
}

void SystemdNotifier::reloading(const std::string& status) const {
  send("RELOADING=1\nSTATUS=" + one_line(status));
}

void SystemdNotifier::stopping(const std::string& status) const {
  send("STOPPING=1\nSTATUS=" + one_line(status));
}

void SystemdNotifier::watchdog() const {
  send("WATCHDOG=1");
}

void SystemdNotifier::status(const std::string& status) const {
  send("STATUS=" + one_line(status));
}

}  // namespace netra::adapters
