// A local stand-in for the Telegram Bot API during the webhook benchmark: answers every POST (sendMessage,
// answerCallbackQuery, …) with {"ok":true}, so Netra's replies cost a real loopback HTTP round trip but never leave
// the machine. GET /count tells how many requests arrived, so the benchmark can report replies delivered.
#include <httplib.h>

#include <atomic>
#include <string>

#include "bench/bench_server.h"

int main() {
  std::atomic<unsigned long long> received{0};
  httplib::Server server;
  // More threads than Netra keeps pooled outbound connections (8), so a reply never waits for a free worker here.
  server.new_task_queue = [] { return new httplib::ThreadPool(16); };
  server.set_tcp_nodelay(true);
  // api.telegram.org keeps a client's connection open across many requests; httplib's default (5 requests)
  // would make Netra reconnect for every fifth reply, a cost the real API does not impose.
  server.set_keep_alive_max_count(10000);
  server.set_keep_alive_timeout(30);
  server.Post(".*", [&received](const httplib::Request&, httplib::Response& response) {
    ++received;
    response.set_content(R"({"ok":true,"result":{}})", "application/json");
  });
  server.Get("/count", [&received](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::to_string(received.load()), "text/plain");
  });
  return netra::bench::serve_until_signalled(server);
}
