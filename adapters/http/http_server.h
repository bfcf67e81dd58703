// `netra serve`'s HTTP front: the routes of the contract, the server's limits (timeouts, body size, worker
// pool, keep-alive, TCP_NODELAY), request metrics, and the one place where failures become a status: bad
// input is 400 (never 500), an unknown route 404 JSON, an oversized body 413.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "adapters/app/config.h"
#include "adapters/app/metrics.h"
#include "adapters/channels/webchat.h"
#include "adapters/delivery/dispatcher.h"
#include "adapters/delivery/outbound.h"
#include "adapters/desk/desk.h"
#include "bot/answerer.h"
#include "bot/answerer_slot.h"
#include "bot/lru_cache.h"
#include "bot/outbox.h"
#include "bot/report_storage.h"

namespace netra::adapters {

// One webhook platform's routes (POST, and GET for a handshake, at /webhook/<name>): the channel's input role and
// the sender its replies go through (its output role).
struct Webhook {
  std::string name;                  // Channel::name()
  bool get_handshake = false;        // GET /webhook/<name> answers Channel::answer_handshake
  const Channel* channel = nullptr;  // nullptr: the channel is off and its routes answer 404
  ReplySender* sender = nullptr;
};

// What the routes call into. Everything must outlive the server.
struct Services {
  const bot::AnswererSlot& answerers;  // the current knowledge; SIGHUP swaps it
  bot::ReportStorage reports;          // the report side of storage: reviewer API, metrics
  Dispatcher& dispatcher;
  Outbound& outbound;
  Metrics& metrics;
  const WebChatChannel& web;
  std::vector<Webhook> webhooks{};  // one per row of the channel table (adapters/app/webhook_channels.h)
  desk::Desk* desk = nullptr;  // the reviewer desk's routes (/desk…); nullptr: none
  bot::Outbox* outbox = nullptr;  // replicas on PostgreSQL: the durable outbox, for its gauges; nullptr: none
};

class HttpServer {
 public:
  HttpServer(const Config& config, Services services);

  // Binds config.bind:config.port (port 0: any free port). Returns false when the address cannot be bound.
  bool bind();
  int port() const { return port_; }
  // Serves until stop(). Returns false when listening failed.
  bool run();
  // Stops accepting and closes idle connections; run() returns once in-flight requests are done.
  void stop() { server_.stop(); }
  bool is_running() const { return server_.is_running(); }

 private:
  void configure_limits();
  // The exception handler (answer_failure) and httplib's own error responses.
  void configure_failures();
  // The one place where a handler's failure becomes a status: BadRequest and bad JSON values 400, storage
  // unavailable or busy 503 with Retry-After, anything else 500; every failure but the client's is logged.
  void answer_failure(const httplib::Request& request, httplib::Response& response, std::exception_ptr failure);
  void add_routes();
  // /metrics' samples beyond the Metrics counters: caches, queue depths, reports filed, the outbox's rows.
  std::vector<Sample> gauges();
  // The durable outbox's rows by state; when PostgreSQL cannot be asked they are left out and counted as an error.
  void add_outbox_gauges(std::vector<Sample>& samples);
  void ask(const httplib::Request& request, httplib::Response& response);   // POST /api/v1/ask
  void chat(const httplib::Request& request, httplib::Response& response);  // POST /api/v1/chat
  void add_webhook_routes(const Webhook& webhook);
  // The webhook routine of every channel: authenticate the raw body, parse, dedupe and queue, answer.
  void receive(const Channel& channel, ReplySender& sender, const httplib::Request& request,
               httplib::Response& response);

  const Config& config_;
  Services services_;
  std::vector<std::string> webhook_names_;  // for route_label
  // /api/v1/ask bodies by (knowledge generation, role, question): a repeated request skips the analysis and the
  // JSON building too, which cost as much as the answer itself once the answer comes from the answerer's cache.
  bot::LruCache<std::string> ask_bodies_;
  httplib::Server server_;
  int port_ = 0;
  socket_t listen_socket_ = INVALID_SOCKET;  // captured when httplib creates it, to raise its listen backlog
};

// The metrics label of a request path: the route pattern, never the path itself (report codes stay out).
// `webhooks`: the channel names whose /webhook/<name> is a route.
std::string route_label(const std::string& path, const std::vector<std::string>& webhooks = {});

}  // namespace netra::adapters
