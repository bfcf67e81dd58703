#include "adapters/app/serve.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <thread>

#include "adapters/app/command_line.h"
#include "adapters/app/config.h"
#include "adapters/app/health_loop.h"
#include "adapters/app/install_paths.h"
#include "adapters/app/knowledge_loader.h"
#include "adapters/app/logging.h"
#include "adapters/app/retention_sweeper.h"
#include "adapters/app/systemd_notify.h"
#include "adapters/app/webhook_channels.h"
#include "adapters/channels/media_fetch.h"
#include "adapters/channels/telegram.h"
#include "adapters/delivery/dispatcher.h"
#include "adapters/delivery/outbound.h"
#include "adapters/delivery/outbox_relay.h"
#include "adapters/http/http_server.h"
#include "adapters/storage/storage.h"
#include "bot/answerer_slot.h"
#include "bot/conversation.h"
#include "knowledge/index.h"

namespace netra::adapters {
namespace {

constexpr const char* kServeFooter =
    "A channel without credentials is off (its webhook answers 404). SIGTERM or SIGINT stops the server; queued "
    "replies get NETRA_DRAIN_SECONDS to go out. SIGHUP reloads the knowledge (rebuilding the index when the corpus "
    "changed) without dropping a request; an invalid corpus keeps the old one. Under systemd (Type=notify) it "
    "reports readiness and feeds the watchdog (deploy/systemd/netra.service).";

OutboxRelayConfig relay_config(const Config& config) {
  OutboxRelayConfig relay;
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  relay.claimer = std::string(host) + ":" + std::to_string(::getpid());
  relay.chat_key_secret = config.secret;
  relay.max_in_flight = config.tuning.outbound_workers * 4;
  relay.silent_after = std::chrono::seconds(config.tuning.outbox_silent_seconds);
  // No live replica holds a row longer than all its attempts with their time-outs and the longest wait between
  // them (a platform's retry_after is followed up to 60 s); twice that, to be safe.
  int longest_wait = std::max(60, config.tuning.backoff_max_ms / 1000);
  relay.stale_after =
      std::chrono::seconds(2 * config.tuning.send_attempts * (config.tuning.send_timeout_seconds + longest_wait));
  return relay;
}

// Waits for SIGTERM/SIGINT on its own thread (the signals are blocked everywhere else, so no handler runs in
// an arbitrary thread) and stops the server; SIGUSR1 only ends the wait when the server stopped by itself;
// SIGHUP runs `reload`. Between signals it purges expired sessions and dedupe rows once an hour.
void watch_signals(HttpServer& server, storage::StateStore& store, const std::atomic<bool>& serving_done,
                   sigset_t signals, const std::function<void()>& reload) {
  auto last_purge = std::chrono::steady_clock::now();
  while (true) {
    timespec wait{60, 0};
    int signal = sigtimedwait(&signals, nullptr, &wait);
    if (signal == SIGUSR1) return;
    if (signal == SIGHUP) {
      reload();
      continue;
    }
    if (signal == SIGTERM || signal == SIGINT) {
      spdlog::info("event=stopping signal={}", signal == SIGTERM ? "SIGTERM" : "SIGINT");
      // A signal during start-up: wait until listening has begun, or stop() would find nothing to stop.
      while (!server.is_running() && !serving_done) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      server.stop();
      return;
    }
    if (std::chrono::steady_clock::now() - last_purge >= std::chrono::hours(1)) {
      last_purge = std::chrono::steady_clock::now();
      try {
        spdlog::info("event=purged rows={}", store.purge_expired());
      } catch (const std::exception& e) {
        spdlog::error("event=purge_failed error=\"{}\"", e.what());
      }
    }
  }
}

// Loads the corpus again and swaps the new answerer in; requests already answering keep the old one. An invalid
// corpus is logged and counted, and the old knowledge stays.
void reload_knowledge(KnowledgeLoader& loader, bot::AnswererSlot& answerers, Metrics& metrics,
                      const SystemdNotifier& notifier) {
  spdlog::info("event=knowledge_reload_started");
  notifier.reloading("reloading the knowledge");
  std::string outcome;
  try {
    auto loaded = loader.load();
    answerers.replace(loaded.answerer);
    spdlog::info("event=knowledge_reloaded generation={} entries={} rebuilt={}", answerers.generation(),
                 loaded.entries, loaded.rebuilt);
    outcome = "knowledge reloaded";
  } catch (const std::exception& e) {
    metrics.count_error("knowledge_reload");
    spdlog::error("event=knowledge_reload_failed kept_generation={} error=\"{}\"", answerers.generation(), e.what());
    outcome = "knowledge reload failed, kept the previous one";
  }
  notifier.ready("serving; " + outcome + " (generation " + std::to_string(answerers.generation()) + ")");
}

// Opens the state and report storage (the database first: a wrong URL or password should stop start-up before
// the knowledge is built) and logs what a shared database holds.
storage::Storage open_backend(const Config& config, const SystemdNotifier& notifier) {
  notifier.status("opening the state store");
  storage::Storage backend = storage::open_storage(storage_settings(config));
  if (backend.shared()) {
    spdlog::info("event=database_ready url={} pool={} schema_version={} migrations_applied={}",
                 backend.pool->redacted_url(), backend.pool->size(), backend.migrations.newest_in_database,
                 backend.migrations.applied.size());
    if (backend.migrations.newest_in_database > backend.migrations.newest_known) {
      spdlog::warn("event=database_schema_newer version={} known={} (a newer netra migrated it; upgrade this one)",
                   backend.migrations.newest_in_database, backend.migrations.newest_known);
    }
  }
  return backend;
}

// The knowledge at start-up: the pins of earlier generations removed, the index built when missing or stale.
LoadedKnowledge load_knowledge(KnowledgeLoader& loader, const Config& config, const SystemdNotifier& notifier) {
  if (size_t removed = loader.remove_stale_pins()) spdlog::info("event=knowledge_pins_removed count={}", removed);
  notifier.status("loading the knowledge");
  LoadedKnowledge loaded = loader.load();
  if (loaded.rebuilt) {
    spdlog::info("event=knowledge_built index={} from={}", config.knowledge_index, config.knowledge_dir);
  }
  return loaded;
}

void log_started(const Config& config, int port, const storage::Storage& backend, size_t knowledge_entries,
                 const std::vector<std::optional<OpenedChannel>>& opened, size_t reviewers) {
  spdlog::info("event=started address={}:{} data_dir={} state={} knowledge_entries={}", config.bind, port,
               config.data_dir, backend.description, knowledge_entries);
  for (size_t i = 0; i < opened.size(); ++i) {
    const WebhookChannelRow& row = webhook_channels()[i];
    spdlog::info("event=channel name={} state={}", row.name,
                 opened[i] ? "on" : "off (" + std::string(row.off_reason) + ")");
  }
  spdlog::info("event=channel name=web state=on");
  spdlog::info("event=reviewer_api state={}", config.admin_token.empty() ? "off (NETRA_ADMIN_TOKEN unset)" : "on");
  spdlog::info("event=desk path=/desk reviewers={} templates={}", reviewers, config.desk.templates_dir);
  if (config.secret_generated) spdlog::info("event=secret_generated path={}/secret", config.data_dir);
}

// Serves until SIGTERM or SIGINT (or until the server stops by itself), with the signal watcher (SIGHUP runs
// `reload`) and the systemd health loop. Returns false when listening failed.
bool serve_until_stopped(HttpServer& server, const Config& config, storage::StateStore& store,
                         const SystemdNotifier& notifier, const std::function<void()>& reload) {
  std::atomic<bool> serving_done{false};
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGUSR1, SIGHUP}) sigaddset(&signals, signal);
  std::thread watcher(watch_signals, std::ref(server), std::ref(store), std::cref(serving_done), signals,
                      std::cref(reload));
  HealthLoop health(notifier, config.bind, server.port(),
                    "serving on " + config.bind + ":" + std::to_string(server.port()));
  bool listened = server.run();
  serving_done = true;
  health.stop();
  notifier.stopping("draining queued messages and replies");
  // Ends the watcher's wait when the server stopped without a signal; harmless when it already returned
  // (the thread is not joined yet, so its id is still valid).
  pthread_kill(watcher.native_handle(), SIGUSR1);
  watcher.join();
  return listened;
}

int serve(const Config& config) {
  SystemdNotifier notifier;
  storage::Storage backend = open_backend(config, notifier);
  storage::StateStore& store = *backend.state;
  KnowledgeLoader loader(knowledge::KnowledgeSource{config.knowledge_dir}, config.knowledge_index,
                         config.tuning.answer_cache_entries);
  LoadedKnowledge loaded = load_knowledge(loader, config, notifier);
  bot::AnswererSlot answerers(std::move(loaded.answerer));
  bot::ReportStorage reports = backend.reports->storage();
  // The webhook platforms, from the one table (webhook_channels.h); a row without credentials stays off (nullopt).
  std::vector<std::optional<OpenedChannel>> opened;
  for (const auto& row : webhook_channels()) opened.push_back(row.open(config));
  PlatformMedia media = platform_media(opened);
  bot::ConversationLimits limits;
  limits.evidence.max_bytes = config.evidence_max_bytes;
  bot::Conversation conversation(answerers, store, reports.reports, reports.threads, limits, &media);
  desk::Desk desk(reports, config.desk, answerers);
  RetentionSweeper retention(reports.retention, config.retention);

  Metrics metrics;
  // Before the Outbound it sends through: Outbound reports dropped batches back to it as it is destroyed.
  std::optional<OutboxRelay> relay;
  if (backend.outbox) relay.emplace(*backend.outbox, metrics, relay_config(config));
  HttpTransport transport(std::chrono::seconds(config.tuning.send_timeout_seconds));
  Outbound outbound(transport, metrics, config.tuning);
  Dispatcher dispatcher(conversation, store, store, outbound, metrics, config.tuning, relay ? &*relay : nullptr);

  WebChatChannel web(config.secret);
  Services services{answerers, reports, dispatcher, outbound, metrics, web};
  services.desk = &desk;
  services.outbox = backend.outbox.get();
  std::vector<std::unique_ptr<ChannelSender>> senders;
  services.webhooks = wire_webhooks(opened, outbound, relay ? &*relay : nullptr, senders);
  if (relay) relay->start(outbound);
  // However serve() ends from here, the relay's thread stops before the Outbound it sends through is destroyed.
  struct StopRelay {
    std::optional<OutboxRelay>& relay;
    ~StopRelay() {
      if (relay) relay->stop();
    }
  } stop_relay{relay};
  HttpServer server(config, services);
  if (!server.bind()) {
    spdlog::error("event=bind_failed address={}:{}", config.bind, config.port);
    return 1;
  }

  log_started(config, server.port(), backend, loaded.entries, opened, reports.reviewers.reviewers().size());

  std::function<void()> reload = [&] { reload_knowledge(loader, answerers, metrics, notifier); };
  bool listened = serve_until_stopped(server, config, store, notifier, reload);

  // Stopped accepting: let the bot finish queued messages, then let replies go out, within the drain time.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(config.tuning.drain_seconds);
  dispatcher.shutdown(deadline);
  if (relay) relay->stop();  // claims nothing more; what it handed to Outbound finishes (or is released) below
  outbound.shutdown(deadline);
  spdlog::info("event=stopped");
  return listened ? 0 : 1;
}

}  // namespace

storage::StorageSettings storage_settings(const Config& config) {
  storage::StorageSettings settings;
  settings.database_url = config.database_url;
  settings.data_dir = config.data_dir;
  settings.pseudonym_key = config.secret;
  // Every thread that may hold a connection at once: the inbound workers (a turn each, and a second connection
  // while a report is filed), the outbox relay and the outbound workers recording their rows, webhook admissions
  // (a short read each), the web chat, the desk and the reviewer API, retention, the purge.
  settings.pool_size = config.database_pool > 0 ? config.database_pool
                                                : config.tuning.inbound_workers + config.tuning.outbound_workers + 12;
  settings.connect_patience = std::chrono::seconds(config.database_connect_seconds);
  settings.sqlite_busy_timeout = std::chrono::milliseconds(config.sqlite_busy_timeout_ms);
  return settings;
}

int command_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Runs the HTTP server: /healthz, /metrics, /api/v1/ask, /api/v1/chat, the Telegram and WhatsApp "
      "webhooks, the reviewer API and the desk.",
      "netra serve");
  describe_command(app, "serve", kServeFooter);
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  // Before any thread exists, so every thread inherits the mask and only the watcher receives these.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGUSR1, SIGHUP}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a peer closing early must not kill the process
  configure_logging();
  try {
    Config config = load_configuration();
    set_log_level(config.log_level);
    return serve(config);
  } catch (const std::exception& e) {
    spdlog::error("event=startup_failed error=\"{}\"", e.what());
    err << "netra serve: " << e.what() << "\n";
    return 1;
  }
}

int command_telegram(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("The bot's Telegram webhook (needs NETRA_TELEGRAM_TOKEN).", "netra telegram");
  std::string url;
  int max_connections = 40;
  bool drop_pending = false;
  CLI::App* set_webhook = app.add_subcommand("set-webhook", "register URL as the bot's webhook");
  set_webhook->footer(
      "Registers URL (HTTPS) as the bot's webhook with NETRA_TELEGRAM_SECRET as secret_token and the "
      "update types Netra reads (message, edited_message, callback_query).");
  set_webhook->add_option("URL", url, "the public HTTPS address of /webhook/telegram")->required();
  set_webhook->add_option("--max-connections", max_connections, "Telegram's parallel connections, 1 to 100 (40)")
      ->option_text("N");
  set_webhook->add_flag("--drop-pending", drop_pending, "drop the updates Telegram holds for the bot");
  app.add_subcommand("webhook-info", "show Telegram's getWebhookInfo: the URL, pending updates, the last error");
  app.require_subcommand(1);
  describe_command(app, "telegram");
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  if (max_connections < 1 || max_connections > 100) {
    err << "netra telegram: --max-connections must be 1 to 100\n";
    return 2;
  }
  std::string action = app.get_subcommands().front()->get_name();
  try {
    Config config = load_configuration();
    if (!config.telegram.enabled()) {
      err << "netra telegram: NETRA_TELEGRAM_TOKEN is not set\n";
      return 1;
    }
    if (action == "set-webhook" && config.telegram.secret.empty()) {
      err << "netra telegram: warning: NETRA_TELEGRAM_SECRET is not set; webhook requests will not be "
             "authenticated\n";
    }
    TelegramChannel telegram(config.telegram, config.secret);
    HttpTransport transport(std::chrono::seconds(15));
    auto request = action == "set-webhook" ? telegram.set_webhook_request(url, max_connections, drop_pending)
                                           : telegram.webhook_info_request();
    SendResult result = transport.post(request);
    if (result.status == 0) {
      err << "netra telegram: " << request.what << " failed: " << result.error << "\n";
      return 1;
    }
    out << result.body << "\n";
    return result.status == 200 ? 0 : 1;
  } catch (const std::exception& e) {
    err << "netra telegram: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace netra::adapters
