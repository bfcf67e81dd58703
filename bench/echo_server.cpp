// The ceiling of the HTTP benchmark: a bare cpp-httplib server that parses a POSTed JSON body and echoes it,
// configured exactly as Netra's server (adapters/http/http_server.cpp: thread pool size, TCP_NODELAY, keep-alive,
// time-outs, body limit — taken from the same ServerTuning defaults), so that Netra's throughput divided by this
// one is what Netra's own work per request costs, on this machine, in this run.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "adapters/app/config.h"
#include "bench/bench_server.h"

int main() {
  const netra::adapters::ServerTuning tuning;  // Netra's defaults, not a copy of them
  httplib::Server server;
  size_t threads = tuning.http_threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(tuning.keep_alive_max_count);
  server.set_keep_alive_timeout(tuning.keep_alive_timeout_seconds);
  server.set_read_timeout(tuning.read_timeout_seconds);
  server.set_write_timeout(tuning.write_timeout_seconds);
  server.set_payload_max_length(tuning.max_body_bytes);
  server.Post(".*", [](const httplib::Request& request, httplib::Response& response) {
    // Parse and re-serialise, as Netra's routes do, so the ceiling includes the JSON work any route must do.
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
      response.status = 400;
      response.set_content(R"({"error":"malformed JSON"})", "application/json");
      return;
    }
    response.set_content(body.dump(), "application/json");
  });
  return netra::bench::serve_until_signalled(server);
}
