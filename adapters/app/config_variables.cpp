#include "adapters/app/config_variables.h"

#include <stdexcept>

namespace netra::adapters {

namespace {

ConfigSection listening_section() {
  // clang-format off
  return {"Where the server listens. Keep it on loopback: nginx in front terminates TLS "
         "(/usr/share/doc/netra/nginx-netra.conf).",
         {
             {.name = "NETRA_BIND", .type = "address", .default_value = "127.0.0.1", .commands = "serve",
              .description = "the address the HTTP server listens on"},
             {.name = "NETRA_PORT", .type = "integer", .default_value = "8080", .min = 0, .max = 65535,
              .commands = "serve", .description = "the port it listens on (`0`: any free port)"},
         }};
  // clang-format on
}

ConfigSection state_section() {
  // clang-format off
  return {"State and knowledge. The unit makes /var/lib/netra its only writable path.",
         {
             {.name = "NETRA_CONFIG", .type = "path", .default_note = "none", .commands = "all",
              .description = "a file of `KEY=VALUE` lines (`#` comments, optional quotes) adding any of these "
                             "variables; the environment wins over it, and a command's flags win over both",
              .in_env_file = false},
             {.name = "NETRA_DATA_DIR", .type = "path", .default_value = "var",
              .commands = "index ask eval serve telegram reviewer reports backup",
              .description = "state: `state.db` (sessions, dedupe, counters), `reports.db`, `secret`, `knowledge.db`",
              .packaged = "/var/lib/netra"},
             {.name = "NETRA_KNOWLEDGE", .type = "path", .default_note = "`$NETRA_DATA_DIR/knowledge.db`",
              .commands = "index ask eval serve backup",
              .description = "the knowledge index; built from the knowledge folder when missing or stale"},
             {.name = "NETRA_KNOWLEDGE_DIR", .type = "path",
              .default_note = "an installed binary's `<prefix>/share/netra/knowledge`, else the source tree's "
                              "`knowledge/`",
              .commands = "index ask eval serve lexicon",
              .description = "the corpus and lexicon the index is built from; `SIGHUP` reloads them without "
                             "dropping a request",
              .packaged = "/usr/share/netra/knowledge"},
             {.name = "NETRA_SQLITE_BUSY_TIMEOUT_MS", .type = "integer", .default_value = "5000", .unit = "ms", .min = 1,
              .max = 600000, .commands = "serve reviewer reports",
              .description = "without PostgreSQL: how long a write to `state.db` or `reports.db` waits for another "
                             "writer's lock before that write fails (the chat then answers 503 with `Retry-After`)"},
             {.name = "NETRA_SECRET", .type = "secret",
              .default_note = "generated once into `$NETRA_DATA_DIR/secret` (mode 0600)", .commands = "serve telegram",
              .description = "key of the sender pseudonyms (64 hex characters, e.g. `openssl rand -hex 32`); keep it "
                             "stable, or sessions and limits reset; replicas must share one"},
         }};
  // clang-format on
}

ConfigSection telegram_section() {
  // clang-format off
  return {"Telegram (on when the token is set).",
         {
             {.name = "NETRA_TELEGRAM_TOKEN", .type = "secret", .default_note = "none (Telegram off)",
              .commands = "serve telegram", .description = "the bot token from @BotFather; Telegram is on when it is set"},
             {.name = "NETRA_TELEGRAM_SECRET", .type = "secret", .default_note = "none (not checked; a warning)",
              .commands = "serve telegram",
              .description = "compared with `X-Telegram-Bot-Api-Secret-Token` on every webhook request (401 when it "
                             "differs): 1-256 of `A-Z a-z 0-9 _ -`"},
             {.name = "NETRA_TELEGRAM_API_BASE", .type = "URL", .default_value = "https://api.telegram.org",
              .commands = "serve telegram", .description = "where Bot API requests go"},
             {.name = "NETRA_TELEGRAM_BOT_USERNAME", .type = "text", .default_note = "learned with `getMe` at start",
              .commands = "serve",
              .description = "the bot's username (a leading `@` is dropped), so group commands and mentions for "
                             "other bots are ignored"},
         }};
  // clang-format on
}

ConfigSection whatsapp_section() {
  // clang-format off
  return {"WhatsApp Cloud API (on when token and app secret are set).",
         {
             {.name = "NETRA_WHATSAPP_TOKEN", .type = "secret", .default_note = "none (WhatsApp off)",
              .commands = "serve", .description = "the Graph API bearer token (a system-user access token)"},
             {.name = "NETRA_WHATSAPP_APP_SECRET", .type = "secret", .default_note = "none (WhatsApp off)",
              .commands = "serve",
              .description = "keys the `X-Hub-Signature-256` HMAC of every notification; WhatsApp is on when it and "
                             "the token are set"},
             {.name = "NETRA_WHATSAPP_VERIFY_TOKEN", .type = "secret", .default_note = "none",
              .commands = "serve", .description = "the `hub.verify_token` of the webhook's GET handshake"},
             {.name = "NETRA_WHATSAPP_API_BASE", .type = "URL", .default_value = "https://graph.facebook.com/v21.0",
              .commands = "serve", .description = "where Graph API requests go"},
         }};
  // clang-format on
}

ConfigSection reviewers_section() {
  // clang-format off
  return {"Reviewers: the API (Authorization: Bearer <token> on /api/v1/reports, off without a token) and the desk\n"
         "at /desk (accounts: netra reviewer add NAME).",
         {
             {.name = "NETRA_ADMIN_TOKEN", .type = "secret", .default_note = "none (reviewer API off: 404)",
              .commands = "serve", .description = "bearer token of the reviewer API"},
             {.name = "NETRA_ADMIN_LABEL", .type = "text", .default_value = "admin", .commands = "serve",
              .description = "the name the audit trail gives the reviewer API's token"},
             {.name = "NETRA_DESK_TEMPLATES", .type = "path",
              .default_note = "`../share/netra/desk/templates` beside the binary (the package), else the source "
                              "tree's `adapters/desk/templates`",
              .commands = "serve", .description = "the desk's page templates and stylesheet, read once at start-up"},
             {.name = "NETRA_DESK_ORIGIN", .type = "URL", .default_note = "the request's `Host` (or `X-Forwarded-Host`)",
              .commands = "serve",
              .description = "the origin desk forms must come from, e.g. `https://netra.example.id`; `https` also marks "
                             "the cookies `Secure`"},
             {.name = "NETRA_DESK_SESSION_IDLE_SECONDS", .type = "integer", .default_value = "1800", .unit = "seconds",
              .min = 1, .max = 7 * 86400, .commands = "serve",
              .description = "a desk session ends this long after its last request"},
             {.name = "NETRA_DESK_SESSION_MAX_SECONDS", .type = "integer", .default_value = "43200", .unit = "seconds",
              .min = 1, .max = 30 * 86400, .commands = "serve", .description = "and at the latest this long after login"},
         }};
  // clang-format on
}

ConfigSection reports_section() {
  // clang-format off
  return {"Reports: evidence and retention.",
         {
             {.name = "NETRA_EVIDENCE_MAX_BYTES", .type = "integer", .default_value = "10485760", .unit = "bytes",
              .min = 1024, .max = 20 << 20, .commands = "serve",
              .description = "the largest photo or document kept with a report"},
             {.name = "NETRA_RETENTION_DAYS", .type = "integer", .default_value = "180", .unit = "days", .min = 0,
              .max = 36500, .commands = "serve reports",
              .description = "closed reports (`selesai`, `ditolak`) are deleted this long after their last status "
                             "change (`netra serve` hourly, `netra reports expire`)"},
             {.name = "NETRA_RETENTION_DAYS_<STATUS>", .type = "integer",
              .default_note = "`$NETRA_RETENTION_DAYS` for closed statuses, `0` for open ones", .unit = "days", .min = 0,
              .max = 36500, .commands = "serve reports",
              .description = "the same for one status (`_BARU`, `_DITINJAU`, `_DITERUSKAN`, `_SELESAI`, `_DITOLAK`); "
                             "`0` keeps"},
         }};
  // clang-format on
}

ConfigSection postgres_section() {
  // clang-format off
  return {"PostgreSQL replicas: sessions, dedupe, the outbox, reports and reviewer accounts in one database shared by\n"
         "several `netra serve` (docs/deploying.md). Every replica needs the same NETRA_SECRET.",
         {
             {.name = "NETRA_DATABASE_URL", .type = "secret", .default_note = "none (SQLite in `NETRA_DATA_DIR`)",
              .commands = "serve reviewer reports backup",
              .description = "`postgresql://user:pass@host:port/db`: the state in PostgreSQL, shared by several "
                             "replicas; needs `NETRA_SECRET`; never logged with its password"},
             {.name = "NETRA_DATABASE_POOL", .type = "integer", .default_value = "0",
              .default_note = "`0`: inbound + outbound workers + 12", .unit = "connections", .min = 0, .max = 1000,
              .commands = "serve", .description = "PostgreSQL connections per replica"},
             {.name = "NETRA_DATABASE_CONNECT_SECONDS", .type = "integer", .default_value = "30", .unit = "seconds",
              .min = 0, .max = 3600, .commands = "serve reviewer reports",
              .description = "how long start-up retries a database server that does not answer"},
             {.name = "NETRA_COMMIT_WAIT_MS", .type = "integer", .default_value = "10000", .unit = "ms", .min = 100,
              .max = 120000, .commands = "serve",
              .description = "how long a webhook's 200 waits for its message's COMMIT (then 503, and the platform "
                             "redelivers)"},
             {.name = "NETRA_OUTBOX_SILENT_SECONDS", .type = "integer", .default_value = "15", .unit = "seconds",
              .min = 2, .max = 3600, .commands = "serve",
              .description = "a reply whose sending replica went silent this long is marked `maybe_sent`"},
         }};
  // clang-format on
}

ConfigSection tuning_section() {
  // clang-format off
  return {"Tuning (defaults shown).",
         {
             {.name = "NETRA_HTTP_THREADS", .type = "integer", .default_value = "96", .unit = "threads", .min = 2,
              .max = 1024, .commands = "serve",
              .description = "HTTP server threads (at least Telegram's 40 connections plus clients)"},
             {.name = "NETRA_MAX_BODY_BYTES", .type = "integer", .default_value = "1048576", .unit = "bytes",
              .min = 1024, .max = 64 << 20, .commands = "serve",
              .description = "larger request bodies are refused with 413"},
             {.name = "NETRA_INBOUND_WORKERS", .type = "integer", .default_note = "one per CPU core, at least 2",
              .unit = "threads", .min = 1, .max = 256, .commands = "serve",
              .description = "threads running the bot for webhook messages"},
             {.name = "NETRA_ADMIT_WAIT_MS", .type = "integer", .default_value = "2000", .unit = "ms", .min = 0,
              .max = 60000, .commands = "serve",
              .description = "how long a webhook waits for room in a full inbound queue before answering 503"},
             {.name = "NETRA_MEDIA_BURST_MS", .type = "integer", .default_value = "1500", .unit = "ms", .min = 0,
              .max = 10000, .commands = "serve",
              .description = "media one sender sends in a burst (an album, photos in a row) are gathered until the "
                             "sender is quiet this long, and answered once; `0`: each on its own"},
             {.name = "NETRA_ANSWER_CACHE", .type = "integer", .default_value = "4096", .unit = "answers", .min = 0,
              .max = 1000000, .commands = "serve",
              .description = "answers (and `/api/v1/ask` response bodies) kept for repeated questions; `0` turns "
                             "both caches off"},
             {.name = "NETRA_OUTBOUND_QUEUE", .type = "integer", .default_value = "2000", .unit = "replies", .min = 1,
              .max = 1000000, .commands = "serve",
              .description = "replies waiting to be sent; beyond it they are dropped and counted"},
             {.name = "NETRA_SEND_ATTEMPTS", .type = "integer", .default_value = "5", .unit = "attempts", .min = 1,
              .max = 20, .commands = "serve", .description = "tries per reply before it is given up"},
             {.name = "NETRA_BACKOFF_INITIAL_MS", .type = "integer", .default_value = "500", .unit = "ms", .min = 1,
              .max = 60000, .commands = "serve",
              .description = "the first wait before a retry, doubled per attempt (a 429's `retry_after` wins when "
                             "longer)"},
             {.name = "NETRA_DRAIN_SECONDS", .type = "integer", .default_value = "10", .unit = "seconds", .min = 0,
              .max = 300, .commands = "serve",
              .description = "at shutdown (SIGTERM, SIGINT): how long queued replies still get to go out"},
             {.name = "NETRA_LOG_LEVEL", .type = "level", .default_value = "info", .commands = "serve",
              .description = "trace, debug, info, warn, error, critical or off"},
         }};
  // clang-format on
}

}  // namespace

// Adding a variable: add its row to its section here (read_config refuses to read one that has none), read it in
// read_config, then regenerate the README table and deploy/netra.env with scripts/config-docs. A row per variable
// reads better than a line per field.
const std::vector<ConfigSection>& config_sections() {
  static const std::vector<ConfigSection> sections = {
      listening_section(), state_section(), telegram_section(), whatsapp_section(),
      reviewers_section(), reports_section(), postgres_section(), tuning_section(),
  };
  return sections;
}

const ConfigVariable& config_variable(std::string_view name) {
  for (const auto& section : config_sections()) {
    for (const auto& variable : section.variables) {
      if (variable.name == name) return variable;
      // A family: NETRA_RETENTION_DAYS_<STATUS> holds every NETRA_RETENTION_DAYS_ name with a suffix.
      auto placeholder = variable.name.find('<');
      if (placeholder != std::string_view::npos && name.size() > placeholder &&
          name.substr(0, placeholder) == variable.name.substr(0, placeholder)) {
        return variable;
      }
    }
  }
  throw std::logic_error(std::string(name) + " is not in the table of variables (adapters/app/config_variables.cpp)");
}

bool used_by(const ConfigVariable& variable, std::string_view command) {
  std::string_view rest = variable.commands;
  while (!rest.empty()) {
    auto space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    if (word == "all" || word == command) return true;
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
  }
  return false;
}

}  // namespace netra::adapters
