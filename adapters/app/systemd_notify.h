// Talks to systemd through sd_notify(3) (libsystemd) when the service manager asked for it: a unit with
// Type=notify sets NOTIFY_SOCKET, and WatchdogSec= sets WATCHDOG_USEC. Without NOTIFY_SOCKET (a shell, a test,
// another supervisor) every call does nothing, so `netra serve` behaves the same everywhere.
#pragma once

#include <chrono>
#include <string>

namespace netra::adapters {

class SystemdNotifier {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (and WATCHDOG_PID, which must be this process when set) once.
  SystemdNotifier();

  // True when a service manager listens (NOTIFY_SOCKET is set).
  bool enabled() const { return enabled_; }
  // The interval systemd expects WATCHDOG=1 within (WatchdogSec=), or zero when no watchdog is configured.
  std::chrono::microseconds watchdog_interval() const { return watchdog_interval_; }

  // READY=1 with a STATUS= line: the server accepts connections (Type=notify units count as started now).
  void ready(const std::string& status) const;
  // RELOADING=1 while SIGHUP's reload runs; ready() again when it is done.
  void reloading(const std::string& status) const;
  // STOPPING=1: shutdown (draining) has begun.
  void stopping(const std::string& status) const;
  // WATCHDOG=1: the server is healthy; systemd restarts the unit when this stops for watchdog_interval().
  void watchdog() const;
  // STATUS= only (shown by `systemctl status`).
  void status(const std::string& status) const;

 private:
  void send(const std::string& state) const;

  bool enabled_ = false;
  std::chrono::microseconds watchdog_interval_{0};
};

}  // namespace netra::adapters
