// Shared start-up of the two helper servers of the HTTP benchmark (echo ceiling, fake Telegram API): bind a free
// 127.0.0.1 port, print it on stdout so scripts/bench can find it without guessing ports, and serve until SIGTERM
// or SIGINT. Signals are waited for on a thread of their own, as in `netra serve`, because httplib::Server::stop()
// is not async-signal-safe.
#pragma once

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

namespace netra::bench {

inline int serve_until_signalled(httplib::Server& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread exists, so all inherit it
  int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::fprintf(stderr, "cannot bind 127.0.0.1\n");
    return 1;
  }
  std::printf("port %d\n", port);
  std::fflush(stdout);
  std::thread watcher([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    // A signal before listening began: wait, or stop() finds nothing to stop.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.stop();
  });
  bool ok = server.listen_after_bind();
  watcher.join();
  return ok ? 0 : 1;
}

}  // namespace netra::bench
