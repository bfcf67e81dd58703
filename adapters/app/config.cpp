#include "adapters/app/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "bot/pseudonym.h"

namespace netra::adapters {
namespace {

std::string trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

template <typename Number>
Number number_or(const Lookup& lookup, const std::string& name, Number fallback, Number min, Number max) {
  auto text = lookup(name);
  if (!text) return fallback;
  Number value{};
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    throw std::runtime_error(name + " must be a number from " + std::to_string(min) + " to " + std::to_string(max) +
                             ", not `" + *text + "`");
  }
  return value;
}

std::string string_or(const Lookup& lookup, const std::string& name, const std::string& fallback) {
  auto value = lookup(name);
  return value ? *value : fallback;
}

// Reads data_dir/secret, or creates it with O_EXCL and mode 0600 so that two processes starting at once agree
// on one secret and no other user can read it. Returns the secret and whether this call created it.
std::pair<std::string, bool> stored_secret(const std::string& data_dir) {
  std::string path = data_dir + "/secret";
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::ifstream existing(path);
    if (existing) {
      std::string secret;
      std::getline(existing, secret);
      secret = trim(secret);
      if (secret.size() >= 32) return {secret, false};
      throw std::runtime_error(path + " holds no usable secret (expected 64 hex characters); remove it to regenerate");
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      if (errno == EEXIST) continue;  // another process just wrote it: read theirs
      throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    }
    std::string secret = bot::random_hex(32);
    std::string line = secret + "\n";
    bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write " + path);
    return {secret, true};
  }
  throw std::runtime_error("cannot read or create " + path);
}

}  // namespace

Lookup environment_lookup() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
  };
}

std::map<std::string, std::string> read_config_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read config file " + path);
  std::map<std::string, std::string> values;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.rfind("export ", 0) == 0) line = trim(line.substr(7));
    size_t eq = line.find('=');
    std::string key = eq == std::string::npos ? "" : trim(line.substr(0, eq));
    if (key.empty()) throw std::runtime_error(path + ":" + std::to_string(number) + ": expected KEY=VALUE");
    std::string value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    values[key] = value;
  }
  return values;
}

Lookup layered_lookup(Lookup environment, std::map<std::string, std::string> file_values) {
  return [environment = std::move(environment),
          file_values = std::move(file_values)](const std::string& name) -> std::optional<std::string> {
    if (auto value = environment(name)) return value;
    auto found = file_values.find(name);
    if (found == file_values.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
}

Config load_config(const Lookup& lookup, const std::string& default_knowledge_dir,
                   const std::string& default_desk_templates) {
  Config config;
  config.bind = string_or(lookup, "NETRA_BIND", config.bind);
  config.port = number_or(lookup, "NETRA_PORT", config.port, 0, 65535);
  config.data_dir = string_or(lookup, "NETRA_DATA_DIR", config.data_dir);
  config.knowledge_dir = string_or(lookup, "NETRA_KNOWLEDGE_DIR", default_knowledge_dir);
  config.knowledge_index = string_or(lookup, "NETRA_KNOWLEDGE", config.data_dir + "/knowledge.db");

  config.telegram.token = string_or(lookup, "NETRA_TELEGRAM_TOKEN", "");
  config.telegram.secret = string_or(lookup, "NETRA_TELEGRAM_SECRET", "");
  config.telegram.api_base = string_or(lookup, "NETRA_TELEGRAM_API_BASE", config.telegram.api_base);
  config.telegram.bot_username = string_or(lookup, "NETRA_TELEGRAM_BOT_USERNAME", "");
  if (!config.telegram.bot_username.empty() && config.telegram.bot_username.front() == '@') {
    config.telegram.bot_username.erase(0, 1);
  }

  config.whatsapp.token = string_or(lookup, "NETRA_WHATSAPP_TOKEN", "");
  config.whatsapp.app_secret = string_or(lookup, "NETRA_WHATSAPP_APP_SECRET", "");
  config.whatsapp.verify_token = string_or(lookup, "NETRA_WHATSAPP_VERIFY_TOKEN", "");
  config.whatsapp.api_base = string_or(lookup, "NETRA_WHATSAPP_API_BASE", config.whatsapp.api_base);

  config.admin_token = string_or(lookup, "NETRA_ADMIN_TOKEN", "");
  config.admin_label = string_or(lookup, "NETRA_ADMIN_LABEL", config.admin_label);

  config.desk.templates_dir = string_or(lookup, "NETRA_DESK_TEMPLATES", default_desk_templates);
  config.desk.origin = string_or(lookup, "NETRA_DESK_ORIGIN", "");
  config.desk.sessions.idle_seconds = number_or<int64_t>(lookup, "NETRA_DESK_SESSION_IDLE_SECONDS",
                                                         config.desk.sessions.idle_seconds, 1, 7 * 86400);
  config.desk.sessions.max_seconds = number_or<int64_t>(lookup, "NETRA_DESK_SESSION_MAX_SECONDS",
                                                        config.desk.sessions.max_seconds, 1, 30 * 86400);
  config.evidence_max_bytes =
      number_or<size_t>(lookup, "NETRA_EVIDENCE_MAX_BYTES", config.evidence_max_bytes, 1024, 20 << 20);
  int64_t closed_days = number_or<int64_t>(lookup, "NETRA_RETENTION_DAYS", 180, 0, 36500);
  for (const char* status : {"baru", "ditinjau", "diteruskan", "selesai", "ditolak"}) {
    std::string name = "NETRA_RETENTION_DAYS_" + std::string(status);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    bool closed = std::string(status) == "selesai" || std::string(status) == "ditolak";
    config.retention.days_by_status[status] = number_or<int64_t>(lookup, name, closed ? closed_days : 0, 0, 36500);
  }

  auto& tuning = config.tuning;
  tuning.http_threads = number_or<size_t>(lookup, "NETRA_HTTP_THREADS", tuning.http_threads, 2, 1024);
  tuning.max_body_bytes = number_or<size_t>(lookup, "NETRA_MAX_BODY_BYTES", tuning.max_body_bytes, 1024, 64 << 20);
  tuning.send_attempts = number_or(lookup, "NETRA_SEND_ATTEMPTS", tuning.send_attempts, 1, 20);
  tuning.backoff_initial_ms = number_or(lookup, "NETRA_BACKOFF_INITIAL_MS", tuning.backoff_initial_ms, 1, 60000);
  tuning.drain_seconds = number_or(lookup, "NETRA_DRAIN_SECONDS", tuning.drain_seconds, 0, 300);
  tuning.outbound_queue = number_or<size_t>(lookup, "NETRA_OUTBOUND_QUEUE", tuning.outbound_queue, 1, 1000000);
  size_t cores = std::max<size_t>(2, std::thread::hardware_concurrency());
  tuning.inbound_workers = number_or<size_t>(lookup, "NETRA_INBOUND_WORKERS", cores, 1, 256);
  tuning.admit_wait_ms = number_or(lookup, "NETRA_ADMIT_WAIT_MS", tuning.admit_wait_ms, 0, 60000);
  tuning.media_burst_ms = number_or(lookup, "NETRA_MEDIA_BURST_MS", tuning.media_burst_ms, 0, 10000);
  tuning.answer_cache_entries =
      number_or<size_t>(lookup, "NETRA_ANSWER_CACHE", tuning.answer_cache_entries, 0, 1000000);
  tuning.commit_wait_ms = number_or(lookup, "NETRA_COMMIT_WAIT_MS", tuning.commit_wait_ms, 100, 120000);
  tuning.outbox_silent_seconds =
      number_or(lookup, "NETRA_OUTBOX_SILENT_SECONDS", tuning.outbox_silent_seconds, 2, 3600);

  config.database_url = string_or(lookup, "NETRA_DATABASE_URL", "");
  config.database_pool = number_or<size_t>(lookup, "NETRA_DATABASE_POOL", config.database_pool, 0, 1000);
  config.database_connect_seconds =
      number_or(lookup, "NETRA_DATABASE_CONNECT_SECONDS", config.database_connect_seconds, 0, 3600);
  config.sqlite_busy_timeout_ms =
      number_or(lookup, "NETRA_SQLITE_BUSY_TIMEOUT_MS", config.sqlite_busy_timeout_ms, 1, 600000);
  if (!config.database_url.empty() && !lookup("NETRA_SECRET")) {
    throw std::runtime_error(
        "NETRA_DATABASE_URL is set but NETRA_SECRET is not: every replica must use the same "
        "NETRA_SECRET (64 hex characters, e.g. from `openssl rand -hex 32`), or none would "
        "recognise the senders and deliveries the others stored");
  }

  std::filesystem::create_directories(config.data_dir);
  if (auto secret = lookup("NETRA_SECRET")) {
    config.secret = *secret;
  } else {
    std::tie(config.secret, config.secret_generated) = stored_secret(config.data_dir);
  }
  return config;
}

}  // namespace netra::adapters
