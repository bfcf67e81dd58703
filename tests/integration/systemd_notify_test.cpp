// The sd_notify protocol as systemd sees it: the test binds the AF_UNIX datagram socket a Type=notify unit would
// get, passes it in NOTIFY_SOCKET (and a watchdog interval in WATCHDOG_USEC), and reads what `netra serve` says.
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::TempDir;

namespace {

class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      throw std::runtime_error("cannot bind " + path + ": " + std::strerror(errno));
    }
  }
  ~NotifySocket() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }

  // The next datagram, or "" after `timeout`.
  std::string receive(std::chrono::milliseconds timeout) {
    timeval wait{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
    char buffer[4096];
    ssize_t size = ::recv(fd_, buffer, sizeof(buffer), 0);
    return size > 0 ? std::string(buffer, static_cast<size_t>(size)) : "";
  }

  // Reads datagrams until one contains `state` (e.g. "READY=1"); returns it, or "" after `timeout` in all.
  std::string wait_for(const std::string& state, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      std::string message = receive(std::chrono::milliseconds(200));
      if (has(message, state)) return message;
    }
    return "";
  }

  static bool has(const std::string& message, const std::string& state) {
    return ("\n" + message + "\n").find("\n" + state + "\n") != std::string::npos;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

TEST_CASE("Under a notify socket, netra serve reports ready, feeds the watchdog, and reports reloads and stopping") {
  TempDir dir;
  NotifySocket systemd(dir.file("notify.sock"));
  NetraProcess server(dir.file("var"), {{"NOTIFY_SOCKET", dir.file("notify.sock")}, {"WATCHDOG_USEC", "300000"}});

  std::string ready = systemd.wait_for("READY=1", std::chrono::seconds(10));
  REQUIRE_FALSE(ready.empty());
  CHECK(ready.find("STATUS=serving on 127.0.0.1:" + std::to_string(server.port())) != std::string::npos);

  // A 300 ms watchdog is fed every 100 ms while /healthz answers.
  int pings = 0;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < until) {
    if (NotifySocket::has(systemd.receive(std::chrono::milliseconds(200)), "WATCHDOG=1")) ++pings;
  }
  CHECK(pings >= 5);

  server.send_signal(SIGHUP);
  CHECK_FALSE(systemd.wait_for("RELOADING=1", std::chrono::seconds(10)).empty());
  CHECK_FALSE(systemd.wait_for("READY=1", std::chrono::seconds(30)).empty());

  auto after_reload = server.client().Get("/healthz");
  REQUIRE(after_reload);
  CHECK(after_reload->status == 200);

  server.send_signal(SIGTERM);
  CHECK_FALSE(systemd.wait_for("STOPPING=1", std::chrono::seconds(10)).empty());
  CHECK(server.stop() == 0);
}
