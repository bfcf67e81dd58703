#include "adapters/app/health_loop.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace netra::adapters {
namespace {

// A wildcard bind accepts on loopback too; probing there needs no route to anything else.
std::string probe_host(const std::string& bind) {
  if (bind.empty() || bind == "0.0.0.0") return "127.0.0.1";
  if (bind == "::" || bind == "[::]") return "::1";
  return bind;
}

}  // namespace

HealthLoop::HealthLoop(const SystemdNotifier& notifier, const std::string& bind, int port, std::string ready_status)
    : notifier_(notifier), host_(probe_host(bind)), port_(port), ready_status_(std::move(ready_status)) {
  if (notifier_.enabled()) thread_ = std::thread(&HealthLoop::run, this);
}

HealthLoop::~HealthLoop() {
  stop();
}

void HealthLoop::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool HealthLoop::wait(std::chrono::milliseconds period) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, period, [this] { return stopping_; });
}

bool HealthLoop::probe(std::chrono::milliseconds timeout) const {
  httplib::Client client(host_, port_);
  client.set_connection_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  client.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  client.set_keep_alive(false);
  auto response = client.Get("/healthz");
  return response && response->status == 200;
}

void HealthLoop::run() {
  using std::chrono::milliseconds;
  // Ready once the server answers, not merely once the socket is bound.
  while (!probe(milliseconds(1000))) {
    if (!wait(milliseconds(50))) return;
  }
  notifier_.ready(ready_status_);
  auto interval = std::chrono::duration_cast<milliseconds>(notifier_.watchdog_interval());
  if (interval.count() == 0) return;  // no WatchdogSec=: nothing more to tell
  // Three probes per interval: one slow or failed probe does not miss the deadline; three in a row do.
  auto period = std::max(milliseconds(10), interval / 3);
  auto timeout = std::clamp(period, milliseconds(100), milliseconds(5000));
  notifier_.watchdog();
  bool healthy = true;
  while (wait(period)) {
    if (probe(timeout)) {
      if (!healthy) spdlog::info("event=health_probe_recovered");
      healthy = true;
      notifier_.watchdog();
    } else {
      if (healthy) spdlog::warn("event=health_probe_failed address={}:{} path=/healthz", host_, port_);
      healthy = false;
    }
  }
}

}  // namespace netra::adapters
