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

#include "adapters/app/config_variables.h"
#include "adapters/app/install_paths.h"
#include "bot/crypto.h"

#ifndef NETRA_DEFAULT_KNOWLEDGE_DIR
#define NETRA_DEFAULT_KNOWLEDGE_DIR "knowledge"
#endif
#ifndef NETRA_DEFAULT_DESK_TEMPLATES
#define NETRA_DEFAULT_DESK_TEMPLATES "adapters/desk/templates"
#endif

namespace netra::adapters {
namespace {

std::string trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// An integer variable within its table range (config_variables.cpp); its table default when unset, or `computed`
// for a default that is no literal.
int64_t integer_setting(const Lookup& lookup, const std::string& name, std::optional<int64_t> computed = {}) {
  const ConfigVariable& variable = config_variable(name);
  auto text = lookup(name);
  std::string_view digits = text ? std::string_view(*text) : variable.default_value;
  if (!text && computed) return *computed;
  int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value < variable.min || value > variable.max) {
    throw std::runtime_error(name + " must be a number from " + std::to_string(variable.min) + " to " +
                             std::to_string(variable.max) + ", not `" + std::string(digits) + "`");
  }
  return value;
}

// A text variable; its table default when unset, or `computed` for a default that is no literal.
std::string text_setting(const Lookup& lookup, const std::string& name, std::optional<std::string> computed = {}) {
  const ConfigVariable& variable = config_variable(name);
  if (auto value = lookup(name)) return *value;
  return computed ? *computed : std::string(variable.default_value);
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

bool is_log_level(const std::string& level) {
  // spdlog's own names, and the aliases its from_str also reads ("warning", "err").
  for (const char* known : {"trace", "debug", "info", "warn", "warning", "error", "err", "critical", "off"}) {
    if (level == known) return true;
  }
  return false;
}

TelegramConfig telegram_settings(const Lookup& lookup) {
  TelegramConfig telegram;
  telegram.token = text_setting(lookup, "NETRA_TELEGRAM_TOKEN");
  telegram.secret = text_setting(lookup, "NETRA_TELEGRAM_SECRET");
  telegram.api_base = text_setting(lookup, "NETRA_TELEGRAM_API_BASE");
  telegram.bot_username = text_setting(lookup, "NETRA_TELEGRAM_BOT_USERNAME");
  // People write the name as Telegram shows it ("@netra_bot"); getMe gives it without the @, and so it is compared.
  if (!telegram.bot_username.empty() && telegram.bot_username.front() == '@') telegram.bot_username.erase(0, 1);
  return telegram;
}

WhatsAppConfig whatsapp_settings(const Lookup& lookup) {
  WhatsAppConfig whatsapp;
  whatsapp.token = text_setting(lookup, "NETRA_WHATSAPP_TOKEN");
  whatsapp.app_secret = text_setting(lookup, "NETRA_WHATSAPP_APP_SECRET");
  whatsapp.verify_token = text_setting(lookup, "NETRA_WHATSAPP_VERIFY_TOKEN");
  whatsapp.api_base = text_setting(lookup, "NETRA_WHATSAPP_API_BASE");
  return whatsapp;
}

DeskConfig desk_settings(const Lookup& lookup, const std::string& default_templates) {
  DeskConfig desk;
  desk.templates_dir = text_setting(lookup, "NETRA_DESK_TEMPLATES", default_templates);
  desk.origin = text_setting(lookup, "NETRA_DESK_ORIGIN");
  desk.sessions.idle_seconds = integer_setting(lookup, "NETRA_DESK_SESSION_IDLE_SECONDS");
  desk.sessions.max_seconds = integer_setting(lookup, "NETRA_DESK_SESSION_MAX_SECONDS");
  return desk;
}

// NETRA_RETENTION_DAYS is the default of the closed statuses' own variables (NETRA_RETENTION_DAYS_SELESAI, …);
// open reports are kept (0) unless their variable says otherwise.
bot::RetentionPolicy retention_settings(const Lookup& lookup) {
  bot::RetentionPolicy retention;
  int64_t closed_days = integer_setting(lookup, "NETRA_RETENTION_DAYS");
  for (const char* status : {"baru", "ditinjau", "diteruskan", "selesai", "ditolak"}) {
    std::string name = "NETRA_RETENTION_DAYS_" + std::string(status);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    bool closed = std::string(status) == "selesai" || std::string(status) == "ditolak";
    retention.days_by_status[status] = integer_setting(lookup, name, closed ? closed_days : 0);
  }
  return retention;
}

// The knobs that are ours rather than the contract's; those without a variable keep ServerTuning's defaults.
ServerTuning tuning_settings(const Lookup& lookup) {
  ServerTuning tuning;
  tuning.http_threads = static_cast<size_t>(integer_setting(lookup, "NETRA_HTTP_THREADS"));
  tuning.max_body_bytes = static_cast<size_t>(integer_setting(lookup, "NETRA_MAX_BODY_BYTES"));
  tuning.send_attempts = static_cast<int>(integer_setting(lookup, "NETRA_SEND_ATTEMPTS"));
  tuning.backoff_initial_ms = static_cast<int>(integer_setting(lookup, "NETRA_BACKOFF_INITIAL_MS"));
  tuning.drain_seconds = static_cast<int>(integer_setting(lookup, "NETRA_DRAIN_SECONDS"));
  tuning.outbound_queue = static_cast<size_t>(integer_setting(lookup, "NETRA_OUTBOUND_QUEUE"));
  int64_t cores = std::max<int64_t>(2, std::thread::hardware_concurrency());
  tuning.inbound_workers = static_cast<size_t>(integer_setting(lookup, "NETRA_INBOUND_WORKERS", cores));
  tuning.admit_wait_ms = static_cast<int>(integer_setting(lookup, "NETRA_ADMIT_WAIT_MS"));
  tuning.media_burst_ms = static_cast<int>(integer_setting(lookup, "NETRA_MEDIA_BURST_MS"));
  tuning.answer_cache_entries = static_cast<size_t>(integer_setting(lookup, "NETRA_ANSWER_CACHE"));
  tuning.commit_wait_ms = static_cast<int>(integer_setting(lookup, "NETRA_COMMIT_WAIT_MS"));
  tuning.outbox_silent_seconds = static_cast<int>(integer_setting(lookup, "NETRA_OUTBOX_SILENT_SECONDS"));
  return tuning;
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

Lookup configuration_lookup() {
  Lookup lookup = environment_lookup();
  if (auto file = lookup("NETRA_CONFIG")) lookup = layered_lookup(lookup, read_config_file(*file));
  return lookup;
}

Config read_config(const Lookup& lookup, const std::string& default_knowledge_dir,
                   const std::string& default_desk_templates) {
  // One fixed order, section by section: of several bad values the error always names the same (first) one.
  Config config;
  config.bind = text_setting(lookup, "NETRA_BIND");
  config.port = static_cast<int>(integer_setting(lookup, "NETRA_PORT"));
  config.data_dir = text_setting(lookup, "NETRA_DATA_DIR");
  config.knowledge_dir = text_setting(lookup, "NETRA_KNOWLEDGE_DIR", default_knowledge_dir);
  config.knowledge_index = text_setting(lookup, "NETRA_KNOWLEDGE", config.data_dir + "/knowledge.db");
  config.telegram = telegram_settings(lookup);
  config.whatsapp = whatsapp_settings(lookup);
  config.admin_token = text_setting(lookup, "NETRA_ADMIN_TOKEN");
  config.admin_label = text_setting(lookup, "NETRA_ADMIN_LABEL");
  config.desk = desk_settings(lookup, default_desk_templates);
  config.evidence_max_bytes = static_cast<size_t>(integer_setting(lookup, "NETRA_EVIDENCE_MAX_BYTES"));
  config.retention = retention_settings(lookup);
  config.tuning = tuning_settings(lookup);
  config.database_url = text_setting(lookup, "NETRA_DATABASE_URL");
  config.database_pool = static_cast<size_t>(integer_setting(lookup, "NETRA_DATABASE_POOL"));
  config.database_connect_seconds = static_cast<int>(integer_setting(lookup, "NETRA_DATABASE_CONNECT_SECONDS"));
  config.sqlite_busy_timeout_ms = static_cast<int>(integer_setting(lookup, "NETRA_SQLITE_BUSY_TIMEOUT_MS"));
  config.log_level = text_setting(lookup, "NETRA_LOG_LEVEL");
  if (!is_log_level(config.log_level)) {
    // spdlog reads an unknown name as "off", which would silence the server without a word.
    throw std::runtime_error("NETRA_LOG_LEVEL must be one of trace, debug, info, warn, error, critical, off, not `" +
                             config.log_level + "`");
  }
  return config;
}

Config load_config(const Lookup& lookup, const std::string& default_knowledge_dir,
                   const std::string& default_desk_templates) {
  Config config = read_config(lookup, default_knowledge_dir, default_desk_templates);
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

Config read_configuration(const std::map<std::string, std::string>& overrides) {
  Lookup base = configuration_lookup();
  Lookup with_flags = [&](const std::string& name) -> std::optional<std::string> {
    if (auto flag = overrides.find(name); flag != overrides.end()) return flag->second;
    return base(name);
  };
  return read_config(with_flags, shipped_knowledge_dir(NETRA_DEFAULT_KNOWLEDGE_DIR),
                     shipped_desk_templates_dir(NETRA_DEFAULT_DESK_TEMPLATES));
}

Config load_configuration() {
  return load_config(configuration_lookup(), shipped_knowledge_dir(NETRA_DEFAULT_KNOWLEDGE_DIR),
                     shipped_desk_templates_dir(NETRA_DEFAULT_DESK_TEMPLATES));
}

}  // namespace netra::adapters
