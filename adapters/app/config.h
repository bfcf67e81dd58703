// Netra's configuration: one struct built once at start-up from the environment (and an optional KEY=VALUE file
// named by NETRA_CONFIG; the environment wins), then passed down explicitly. Every command reads it through
// configuration_lookup() and read_config(); nothing else in the code reads a NETRA_* variable. The variables and
// defaults are the contract's table; the tuning knobs below it are ours.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "bot/report_records.h"

namespace netra::adapters {

struct TelegramConfig {
  std::string token;         // empty: the channel is off
  std::string secret;        // X-Telegram-Bot-Api-Secret-Token; empty: not checked (logged as a warning)
  std::string api_base = "https://api.telegram.org";
  std::string bot_username;  // NETRA_TELEGRAM_BOT_USERNAME, without '@': recognises mentions in groups
  bool enabled() const { return !token.empty(); }
};

struct WhatsAppConfig {
  std::string token;          // Bearer token for the Graph API
  std::string app_secret;     // keys X-Hub-Signature-256
  std::string verify_token;   // the GET handshake's hub.verify_token
  std::string api_base = "https://graph.facebook.com/v21.0";
  // Without the app secret no request could be authenticated, so both are needed.
  bool enabled() const { return !token.empty() && !app_secret.empty(); }
};

// Limits and pool sizes of the HTTP server and the delivery workers.
struct ServerTuning {
  size_t http_threads = 96;              // ≥ Telegram's max_connections (40) plus clients; keep-alive holds a thread
  size_t keep_alive_max_count = 20;      // requests per connection before it rotates
  int keep_alive_timeout_seconds = 2;    // an idle keep-alive connection frees its thread quickly
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  size_t max_body_bytes = 1024 * 1024;   // webhook bodies are a few KiB; larger is abuse (413)
  // Bot processing for webhooks. The bot's work is CPU (answers) and short SQLite calls, so more workers than
  // cores only shuffle them; fewer, longer first-come lines also make a held webhook's wait more even.
  // load_config sets one per core (at least 2).
  size_t inbound_workers = 2;
  size_t inbound_queue = 1000;           // messages waiting for the bot; beyond it the webhook waits, then 503
  int admit_wait_ms = 2000;              // how long a webhook waits for room in a full queue before the 503
  // Media one sender sends in a quick burst (an album, photos in a row) are gathered into one message until the
  // sender has been quiet this long (at most 4× as long in all); 0: every media message is answered on its own.
  int media_burst_ms = 1500;
  size_t outbound_workers = 4;           // reply senders (sharded by chat, so one chat's replies stay in order)
  size_t outbound_queue = 2000;          // replies waiting to be sent; beyond it they are dropped and counted
  int send_attempts = 5;
  int send_timeout_seconds = 10;
  int backoff_initial_ms = 500;          // doubled per attempt; a 429's retry_after wins when longer
  int backoff_max_ms = 30000;
  int drain_seconds = 10;                // at shutdown: how long queued replies still get to go out
  // Replicas on PostgreSQL: how long a webhook's 200 waits for its message's turn to commit before it answers 503
  // instead (the platform then delivers it again, and the redelivery is deduplicated).
  int commit_wait_ms = 10000;
  // Replicas on PostgreSQL: a reply being sent by a replica silent this long (it died mid-send) is marked
  // maybe_sent, so the chat's later replies are not held behind it.
  int outbox_silent_seconds = 15;
  size_t answer_cache_entries = 4096;    // answers kept for repeated questions (a few KiB each); 0: off
};

// The reviewer desk (/desk) and what it keeps.
struct DeskConfig {
  std::string templates_dir;           // NETRA_DESK_TEMPLATES: the *.tpl files and desk.css
  bot::DeskSessionPolicy sessions;     // NETRA_DESK_SESSION_IDLE_SECONDS (1800), NETRA_DESK_SESSION_MAX_SECONDS (43200)
  // NETRA_DESK_ORIGIN (e.g. https://netra.example.id): the origin forms must come from; empty: the request's
  // own Host (or X-Forwarded-Host, behind a proxy).
  std::string origin;
};

struct Config {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string data_dir = "var";
  std::string knowledge_dir;    // NETRA_KNOWLEDGE_DIR or the compile-time default
  std::string knowledge_index;  // NETRA_KNOWLEDGE or data_dir/knowledge.db
  TelegramConfig telegram;
  WhatsAppConfig whatsapp;
  std::string admin_token;      // empty: reviewer API off (404)
  std::string admin_label = "admin";
  DeskConfig desk;
  size_t evidence_max_bytes = 10 * 1024 * 1024;  // NETRA_EVIDENCE_MAX_BYTES: larger photos/documents are not kept
  // NETRA_RETENTION_DAYS (closed reports, 180) and NETRA_RETENTION_DAYS_<STATUS> (e.g. _SELESAI, _BARU; 0 keeps)
  bot::RetentionPolicy retention;
  std::string secret;           // keys sender pseudonyms; never logged
  bool secret_generated = false;  // true when this start created data_dir/secret
  // NETRA_DATABASE_URL: PostgreSQL for sessions, dedupe, the outbox, reports and reviewer accounts, shared by
  // replicas; empty: SQLite in data_dir. Never logged with its password.
  std::string database_url;
  size_t database_pool = 0;           // NETRA_DATABASE_POOL: connections per replica; 0: sized from the workers
  int database_connect_seconds = 30;  // NETRA_DATABASE_CONNECT_SECONDS: start-up patience for a silent server
  int sqlite_busy_timeout_ms = 5000;  // NETRA_SQLITE_BUSY_TIMEOUT_MS: a write's wait for another writer's lock
  std::string log_level = "info";     // NETRA_LOG_LEVEL: trace, debug, info, warn, error, critical or off
  ServerTuning tuning;
};

// Looks a variable up; nullopt when unset or empty.
using Lookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment.
Lookup environment_lookup();
// Reads KEY=VALUE lines ('#' comments and blank lines skipped, optional quotes around the value). Throws
// std::runtime_error naming file:line for a malformed line or when the file cannot be read.
std::map<std::string, std::string> read_config_file(const std::string& path);
// The environment first, then the file's values.
Lookup layered_lookup(Lookup environment, std::map<std::string, std::string> file_values);
// The one place every command takes its configuration from: the process environment, over the KEY=VALUE file
// named by NETRA_CONFIG when that is set. Throws std::runtime_error (naming the file, and file:line for a malformed
// line) when the file cannot be read or parsed.
Lookup configuration_lookup();

// Reads and validates every setting, touching nothing on disk: the data dir is not created and config.secret is
// left empty (load_config fills it). `default_knowledge_dir` and `default_desk_templates` apply when
// NETRA_KNOWLEDGE_DIR and NETRA_DESK_TEMPLATES are unset. Throws std::runtime_error with a clear message naming the
// variable for an invalid value (a port that is not a number, an unknown log level, …). Commands that only read the
// knowledge or the reports use this.
Config read_config(const Lookup& lookup, const std::string& default_knowledge_dir,
                   const std::string& default_desk_templates = "");

// read_config, then what the server needs on disk (`default_desk_templates` when NETRA_DESK_TEMPLATES is unset). Creates data_dir when missing
// and, when NETRA_SECRET is unset, reads data_dir/secret or generates it once (32 random bytes, hex, mode 0600). Throws
// std::runtime_error with a clear message for an invalid value (e.g. a port that is not a number), and when
// NETRA_DATABASE_URL is set without NETRA_SECRET (each replica would invent its own secret, and none would recognise
// the others' senders).
Config load_config(const Lookup& lookup, const std::string& default_knowledge_dir,
                   const std::string& default_desk_templates = "");

// What every `netra` command reads: read_config(configuration_lookup()) with the shipped knowledge folder and desk
// templates (install_paths.h) as defaults. `overrides` are command-line flags naming a variable's value (e.g.
// --data-dir is {"NETRA_DATA_DIR", DIR}); they win over the environment and the file. Throws as read_config and
// configuration_lookup.
Config read_configuration(const std::map<std::string, std::string>& overrides = {});

// The same for `netra serve` and the commands that need its state: load_config instead of read_config.
Config load_configuration();

}  // namespace netra::adapters
