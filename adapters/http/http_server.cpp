#include "adapters/http/http_server.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>

#include "adapters/http/http_framing.h"
#include "adapters/http/http_json.h"
#include "adapters/http/reviewer_api.h"
#include "bot/answer_json.h"
#include "bot/storage_error.h"
#include "knowledge/sqlite.h"

namespace netra::adapters {
namespace {

using nlohmann::json;

std::string reason_for(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 411: return "Content-Length is required";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    default: return "request failed";
  }
}

// The body of POST /api/v1/ask: {"question": text, "role": optional contract role}. Throws BadRequest naming the
// field that is missing or wrong; nothing is answered for half-valid input.
struct AskRequest {
  std::string question;  // not blank, at most 4096 bytes
  std::optional<std::string> role;
};

AskRequest read_ask_request(const std::string& body_text) {
  json body = parse_json_object(body_text);
  auto question = body.find("question");
  if (question == body.end() || !question->is_string()) throw BadRequest("\"question\" must be a string");
  std::string text = question->get<std::string>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw BadRequest("\"question\" is empty");
  if (text.size() > 4096) throw BadRequest("\"question\" is longer than 4096 bytes");
  std::optional<std::string> role;
  if (auto given = body.find("role"); given != body.end() && !given->is_null()) {
    if (!given->is_string() || !bot::parse_contract_role(given->get<std::string>())) {
      throw BadRequest("\"role\" must be one of asn, pppk, kades, perangkat, citizen");
    }
    role = given->get<std::string>();
  }
  return {std::move(text), std::move(role)};
}

}  // namespace

json parse_json_object(const std::string& body) {
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) throw BadRequest("malformed JSON");
  if (!parsed.is_object()) throw BadRequest("expected a JSON object");
  return parsed;
}

// The desk's routes without codes or ids.
std::string desk_route_label(const std::string& path) {
  if (path.rfind("/desk/reports/", 0) == 0) {
    size_t action = path.find('/', 14);
    return action == std::string::npos ? "/desk/reports/{code}" : "/desk/reports/{code}" + path.substr(action);
  }
  if (path.rfind("/desk/evidence/", 0) == 0) return "/desk/evidence/{id}";
  for (const char* route : {"/desk", "/desk/login", "/desk/logout", "/desk/desk.css", "/desk/export.csv",
                            "/desk/export.json"}) {
    if (path == route) return route;
  }
  return "other";
}

std::string route_label(const std::string& path, const std::vector<std::string>& webhooks) {
  static const char* known[] = {"/healthz", "/metrics", "/api/v1/ask", "/api/v1/chat", "/api/v1/reports"};
  for (const char* route : known) {
    if (path == route) return route;
  }
  for (const auto& name : webhooks) {
    if (path.size() == 9 + name.size() && path.rfind("/webhook/", 0) == 0 && path.compare(9, name.size(), name) == 0) {
      return path;
    }
  }
  if (path.rfind("/api/v1/reports/", 0) == 0) return "/api/v1/reports/{code}";
  if (path == "/desk" || path.rfind("/desk/", 0) == 0) return desk_route_label(path);
  return "other";
}

HttpServer::HttpServer(const Config& config, Services services)
    : config_(config), services_(services), ask_bodies_(config.tuning.answer_cache_entries) {
  for (const auto& webhook : services_.webhooks) webhook_names_.push_back(webhook.name);
  configure_limits();
  configure_failures();
  server_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    services_.metrics.count_request(route_label(request.path, webhook_names_), request.method, response.status);
  });
  add_routes();
  for (const auto& webhook : services_.webhooks) add_webhook_routes(webhook);
  add_reviewer_routes(server_, services_.reports, {config_.admin_token, config_.admin_label});
  if (services_.desk) services_.desk->add_routes(server_);
}

void HttpServer::configure_limits() {
  const ServerTuning& tuning = config_.tuning;
  // Thread-per-connection: an open keep-alive connection holds a worker, so the pool must exceed the peers'
  // connection count (Telegram opens up to 40) or fresh connections wait for a keep-alive to time out.
  size_t threads = tuning.http_threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_tcp_nodelay(true);  // off by default; Nagle + delayed ACK cost ~40 ms a response
  // Keep httplib's options (SO_REUSEADDR) and remember the listening socket: bind() raises its backlog.
  server_.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket_ = sock;
  });
  server_.set_keep_alive_max_count(tuning.keep_alive_max_count);
  server_.set_keep_alive_timeout(tuning.keep_alive_timeout_seconds);
  server_.set_read_timeout(tuning.read_timeout_seconds);
  server_.set_write_timeout(tuning.write_timeout_seconds);
  server_.set_payload_max_length(tuning.max_body_bytes);
  // Chunked, ambiguous or oversized bodies are refused from the headers, before httplib reads them.
  guard_request_framing(server_, tuning.max_body_bytes,
                        [this](const httplib::Request& request, const FramingRefusal& refusal) {
                          services_.metrics.count_error("http_framing");
                          spdlog::warn("event=http_refused status={} reason=\"{}\" route={}", refusal.status,
                                       refusal.reason, route_label(request.path, webhook_names_));
                        });
}

void HttpServer::configure_failures() {
  // The one place where a failure becomes a status: unreadable input is the client's fault (400), anything
  // else is ours (500, logged). Handlers throw BadRequest rather than answering half-validated input.
  server_.set_exception_handler(
      [this](const httplib::Request& request, httplib::Response& response, std::exception_ptr failure) {
        answer_failure(request, response, failure);
      });
  // httplib's own refusals (no route, body too large, unparsable request line) get a JSON body too.
  server_.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(response, response.status, reason_for(response.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
}

void HttpServer::answer_failure(const httplib::Request& request, httplib::Response& response,
                                std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const BadRequest& e) {
    send_error(response, 400, e.what());
  } catch (const json::exception&) {
    send_error(response, 400, "invalid JSON value");
  } catch (const bot::StorageUnavailable& e) {
    // PostgreSQL unreachable: nothing of the request was committed. A webhook's platform delivers it again.
    services_.metrics.count_error("storage_unavailable");
    spdlog::error("event=request_failed route={} error=\"{}\"", route_label(request.path, webhook_names_), e.what());
    response.set_header("Retry-After", "5");
    send_error(response, 503, "storage unavailable, retry later");
  } catch (const knowledge::SqliteError& e) {
    // Another writer held state.db or reports.db past the busy time-out (NETRA_SQLITE_BUSY_TIMEOUT_MS, 5 s):
    // nothing was committed by the failed step (no receipt is ever given for it), and a retry will likely
    // succeed.
    int primary = e.code() & 0xFF;
    bool busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    services_.metrics.count_error(busy ? "storage_busy" : "storage");
    spdlog::error("event=request_failed route={} error=\"{}\"", route_label(request.path, webhook_names_), e.what());
    if (busy) response.set_header("Retry-After", "2");
    send_error(response, busy ? 503 : 500, busy ? "storage busy, retry later" : "internal error");
  } catch (const std::exception& e) {
    services_.metrics.count_error("internal");
    spdlog::error("event=request_failed route={} error=\"{}\"", route_label(request.path, webhook_names_), e.what());
    send_error(response, 500, "internal error");
  } catch (...) {
    services_.metrics.count_error("internal");
    spdlog::error("event=request_failed route={} error=unknown", route_label(request.path, webhook_names_));
    send_error(response, 500, "internal error");
  }
}

void HttpServer::add_routes() {
  server_.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"status", "ok"}});
  });
  server_.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(services_.metrics.render(gauges()), "text/plain; version=0.0.4; charset=utf-8");
  });
  server_.Post("/api/v1/ask", [this](const httplib::Request& request, httplib::Response& response) {
    ask(request, response);
  });
  server_.Post("/api/v1/chat", [this](const httplib::Request& request, httplib::Response& response) {
    chat(request, response);
  });
}

std::vector<Sample> HttpServer::gauges() {
  auto cache = services_.answerers.current()->cache_stats();
  std::vector<Sample> samples = {
      {"netra_answer_cache_hits_total", "counter", "Questions answered from the answer cache.",
       static_cast<double>(cache.hits)},
      {"netra_answer_cache_misses_total", "counter", "Questions answered by retrieval (not cached yet).",
       static_cast<double>(cache.misses)},
      {"netra_ask_cache_hits_total", "counter", "/api/v1/ask requests answered with a cached response body.",
       static_cast<double>(ask_bodies_.stats().hits)},
      {"netra_outbound_queue_depth", "gauge", "Reply batches waiting to be sent.",
       static_cast<double>(services_.outbound.depth())},
      {"netra_inbound_queue_depth", "gauge", "Messages waiting for the bot.",
       static_cast<double>(services_.dispatcher.depth())},
      {"netra_inbound_waiting_requests", "gauge", "Webhook requests held until the full inbound queue has room.",
       static_cast<double>(services_.dispatcher.waiting())},
      {"netra_reports_filed_total", "counter", "Reports filed (stored in the report desk).",
       static_cast<double>(services_.reports.reports.count())},
  };
  if (services_.outbox) add_outbox_gauges(samples);
  return samples;
}

void HttpServer::add_outbox_gauges(std::vector<Sample>& samples) {
  try {
    auto rows = services_.outbox->counts();
    samples.push_back({"netra_outbox_queued", "gauge", "Outbox rows waiting for a relay (all replicas).",
                       static_cast<double>(rows.queued)});
    samples.push_back({"netra_outbox_sending", "gauge", "Outbox rows claimed by a relay (all replicas).",
                       static_cast<double>(rows.sending)});
    samples.push_back({"netra_outbox_maybe_sent", "gauge",
                       "Outbox rows whose replica died mid-send: perhaps shown, never resent (kept 7 days).",
                       static_cast<double>(rows.maybe_sent)});
    samples.push_back({"netra_outbox_given_up", "gauge", "Outbox rows refused for good (kept 7 days).",
                       static_cast<double>(rows.given_up)});
  } catch (const std::exception& e) {
    services_.metrics.count_error("storage_unavailable");  // the rest of /metrics still answers
  }
}

void HttpServer::ask(const httplib::Request& request, httplib::Response& response) {
  auto [text, role] = read_ask_request(request.body);
  // The generation first (see AnswererSlot::generation): a body cached under it never comes from an older index.
  std::string key = std::to_string(services_.answerers.generation()) + '\n' + role.value_or("") + '\n' + text;
  if (auto cached = ask_bodies_.find(key)) {
    response.set_content(*std::move(cached), "application/json");
    return;
  }
  auto started = std::chrono::steady_clock::now();
  auto answer = services_.answerers.current()->answer(text, role);
  services_.metrics.observe_answer_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  send_json(response, 200, bot::to_json(answer));
  ask_bodies_.store(key, response.body);
}

void HttpServer::chat(const httplib::Request& request, httplib::Response& response) {
  auto messages = services_.web.parse(request.body);
  CollectingSender collected;
  bot::ConversationResult result;
  for (const auto& message : messages) result = services_.dispatcher.process(message, collected, true);
  json replies = json::array();
  json choices = json::array();
  for (const auto& [address, reply] : collected.replies()) {
    replies.push_back(reply.text);
    for (const auto& choice : reply.choices) choices.push_back({{"id", choice.id}, {"title", choice.title}});
  }
  send_json(response, 200, {{"replies", replies}, {"intent", bot::to_string(result.intent)}, {"choices", choices}});
}

void HttpServer::add_webhook_routes(const Webhook& webhook) {
  const std::string path = "/webhook/" + webhook.name;
  const std::string off = "the " + webhook.name + " channel is off";
  server_.Post(path, [this, webhook, off](const httplib::Request& request, httplib::Response& response) {
    if (!webhook.channel) return send_error(response, 404, off);
    receive(*webhook.channel, *webhook.sender, request, response);
  });
  if (!webhook.get_handshake) return;
  server_.Get(path, [webhook, off](const httplib::Request& request, httplib::Response& response) {
    if (!webhook.channel) return send_error(response, 404, off);
    std::optional<std::string> answer = webhook.channel->answer_handshake(request);
    if (!answer) {
      spdlog::warn("event={}_verification_refused", webhook.name);
      return send_error(response, 403, "verification failed");
    }
    spdlog::info("event={}_verified", webhook.name);
    response.set_content(*answer, "text/plain");
  });
}

void HttpServer::receive(const Channel& channel, ReplySender& sender, const httplib::Request& request,
                         httplib::Response& response) {
  if (!channel.authentic(request)) {
    services_.metrics.count_error("auth_" + std::string(channel.name()));
    spdlog::warn("event=webhook_unauthenticated channel={}", channel.name());
    return send_error(response, 401, "authentication failed");
  }
  // One wait per request, however many messages it carries; once one is refused the rest are not waited for.
  auto deadline = ShardedQueue::Clock::now() + std::chrono::milliseconds(config_.tuning.admit_wait_ms);
  bool busy = false;
  const std::string name(channel.name());
  WebhookBatch batch;
  try {
    batch = channel.read(request.body);
  } catch (const std::exception& e) {  // BadRequest, or a json::exception from a value of the wrong type
    if (!channel.acknowledges_unreadable_bodies()) throw;
    // Signed by the platform, so not an attacker's; refusing it would only bring it back for days.
    services_.metrics.count_error("unreadable_" + name);
    spdlog::error("event=webhook_unreadable channel={} bytes={} error=\"{}\" (acknowledged)", name,
                  request.body.size(), e.what());
    return send_json(response, 200, {{"ok", true}});
  }
  if (batch.truncated) {
    services_.metrics.count_error("batch_truncated_" + name);
    spdlog::warn("event=webhook_batch_truncated channel={} read={} bytes={}", name, batch.messages.size(),
                 request.body.size());
  }
  for (const auto& failure : batch.failures) {
    // A redelivered notification counts once.
    if (!failure.delivery_id.empty() && !services_.dispatcher.claim_report(failure.delivery_id)) continue;
    // A message the platform accepted earlier and could not deliver: only counted and logged. Retrying cannot
    // help (it is usually the closed 24-hour window), and the code and words never name the recipient.
    services_.metrics.count_async_failure(name, failure.code);
    spdlog::warn("event=delivery_failed channel={} code={} description=\"{}\"", channel.name(), failure.code,
                 failure.description);
  }
  std::vector<std::string> admitted;
  for (auto& message : batch.messages) {
    if (busy) deadline = ShardedQueue::Clock::time_point::min();
    std::string delivery_id = message.delivery_id;
    auto admission = services_.dispatcher.admit(std::move(message), sender, deadline);
    busy |= admission == Dispatcher::Admission::busy;
    if (admission == Dispatcher::Admission::queued) admitted.push_back(std::move(delivery_id));
  }
  // 503 makes the platform retry later; what was admitted is deduplicated on that retry.
  if (busy) return send_error(response, 503, "busy, retry later");
  // Replicas on PostgreSQL: the 200 promises the message is stored (else a replica dying now would lose it).
  if (!services_.dispatcher.await_commits(admitted)) {
    response.set_header("Retry-After", "5");
    return send_error(response, 503, "not stored yet, retry later");
  }
  send_json(response, 200, {{"ok", true}});
}

bool HttpServer::bind() {
  bool bound = false;
  if (config_.port == 0) {
    port_ = server_.bind_to_any_port(config_.bind);
    bound = port_ > 0;
  } else {
    port_ = config_.port;
    bound = server_.bind_to_port(config_.bind, config_.port);
  }
  // The packaged httplib listens with a backlog of 5: a burst of new connections (a platform opening 40 at once,
  // stalled clients) overflows it, the kernel drops SYNs and a new connection — a health check — waits 1, 3, 7 s
  // for its retransmits. Listening again on the bound socket raises the backlog (capped by net.core.somaxconn).
  if (bound && listen_socket_ != INVALID_SOCKET && ::listen(listen_socket_, 1024) != 0) {
    spdlog::warn("event=listen_backlog_unchanged backlog=5");
  }
  return bound;
}

bool HttpServer::run() { return server_.listen_after_bind(); }

}  // namespace netra::adapters
