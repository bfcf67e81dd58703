#include "adapters/app/desk_cli.h"

#include <filesystem>
#include <map>
#include <ostream>

#include "adapters/app/config.h"
#include "adapters/app/serve.h"
#include "bot/clock.h"
#include "bot/reviewer_accounts.h"
#include "bot/storage_error.h"

namespace netra::adapters {
namespace {

constexpr const char* kReviewerUsage =
    "usage: netra reviewer add NAME [--data-dir DIR]     create an account; prints its password once\n"
    "       netra reviewer list [--data-dir DIR]         the accounts and when they were made\n"
    "       netra reviewer remove NAME [--data-dir DIR]  delete an account and end its desk sessions\n"
    "  NAME: 1 to 64 letters, digits, '.', '_' or '-'. DIR: default $NETRA_DATA_DIR or var.\n"
    "  With NETRA_DATABASE_URL set the accounts are in that PostgreSQL database, shared by every replica.\n"
    "  Passwords are generated, never chosen, and stored only as Argon2id hashes (libsodium).\n";

constexpr const char* kExpireUsage =
    "usage: netra reports expire [--data-dir DIR]\n"
    "  Deletes the reports whose retention ended: closed ones (selesai, ditolak) NETRA_RETENTION_DAYS (180)\n"
    "  days after their last status change; NETRA_RETENTION_DAYS_<STATUS> sets one status (0 keeps).\n"
    "  `netra serve` does the same every hour. With NETRA_DATABASE_URL set it works on that PostgreSQL database.\n";

// Splits words from --data-dir (empty when not given); false (after printing why) on anything unexpected.
bool parse(const std::vector<std::string>& args, size_t first, std::vector<std::string>& words /* OUT */,
           std::string& data_dir /* OUT */, std::ostream& err) {
  data_dir.clear();
  for (size_t i = first; i < args.size(); ++i) {
    if (args[i] == "--data-dir" && i + 1 < args.size()) {
      data_dir = args[++i];
    } else if (args[i].rfind("--", 0) == 0) {
      err << "netra: unexpected option " << args[i] << "\n";
      return false;
    } else {
      words.push_back(args[i]);
    }
  }
  return true;
}

}  // namespace

int command_reviewer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action = args.size() > 1 ? args[1] : "";
  if (action == "--help" || action == "-h") {
    out << kReviewerUsage;
    return 0;
  }
  std::vector<std::string> words;
  std::string data_dir;
  if (!parse(args, 2, words, data_dir, err)) {
    err << kReviewerUsage;
    return 2;
  }
  bool needs_name = action == "add" || action == "remove";
  if ((action != "list" && !needs_name) || words.size() != (needs_name ? 1u : 0u)) {
    err << kReviewerUsage;
    return 2;
  }
  if (needs_name && !bot::is_reviewer_name(words[0])) {
    err << "netra reviewer: `" << words[0] << "` is not a valid name (1 to 64 letters, digits, '.', '_', '-')\n";
    return 2;
  }
  std::optional<storage::Storage> opened;
  try {
    opened = open_command_reports(command_config(data_dir), false, "netra reviewer", err);
  } catch (const std::runtime_error& e) {
    err << "netra reviewer: " << e.what() << "\n";
    return 1;
  }
  if (!opened) return 1;
  bot::ReviewerAccounts accounts(*opened->reports);
  if (action == "list") {
    auto reviewers = accounts.reviewers();
    if (reviewers.empty()) out << "no reviewer accounts yet (netra reviewer add NAME)\n";
    for (const auto& account : reviewers) out << account.name << "\t" << account.created_at << "\n";
    return 0;
  }
  if (action == "remove") {
    if (!accounts.remove_reviewer(words[0])) {
      err << "netra reviewer: no reviewer named `" << words[0] << "`\n";
      return 1;
    }
    out << "removed reviewer " << words[0] << " and ended their desk sessions\n";
    return 0;
  }
  auto password = accounts.add_reviewer(words[0]);
  if (!password) {
    err << "netra reviewer: a reviewer named `" << words[0] << "` already exists\n";
    return 1;
  }
  out << "created reviewer " << words[0] << "; sign in at /desk. The password is shown only now:\n"
      << *password << "\n";
  return 0;
}

int command_reports_expire(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() > 2 && (args[2] == "--help" || args[2] == "-h")) {
    out << kExpireUsage;
    return 0;
  }
  std::vector<std::string> words;
  std::string data_dir;
  if (!parse(args, 2, words, data_dir, err) || !words.empty()) {
    err << kExpireUsage;
    return 2;
  }
  Config config;
  try {
    config = command_config(data_dir);
  } catch (const std::runtime_error& e) {
    err << "netra reports expire: " << e.what() << "\n";
    return 2;
  }
  auto opened = open_command_reports(config, true, "netra reports expire", err);
  if (!opened) return 1;
  auto removed = opened->reports->expire(config.retention, bot::unix_now());
  out << "expired " << removed.size() << " report(s)\n";
  return 0;
}

Config command_config(const std::string& data_dir) {
  std::map<std::string, std::string> flags;
  if (!data_dir.empty()) flags["NETRA_DATA_DIR"] = data_dir;
  Config config = read_configuration(flags);
  std::filesystem::create_directories(config.data_dir);
  return config;
}

std::optional<storage::Storage> open_command_reports(const Config& config, bool must_exist, const std::string& command,
                                                     std::ostream& err) {
  storage::StorageSettings settings = storage_settings(config);
  settings.pool_size = 2;  // one command, one thread
  if (settings.database_url.empty() && must_exist && !std::filesystem::exists(config.data_dir + "/reports.db")) {
    err << command << ": no reports database at " << config.data_dir << "/reports.db\n";
    return std::nullopt;
  }
  try {
    return storage::open_report_storage(settings);
  } catch (const storage::PgConfigError& e) {
    err << command << ": " << e.what() << "\n";
  } catch (const bot::StorageUnavailable& e) {
    err << command << ": " << e.what() << "\n";
  }
  return std::nullopt;
}

}  // namespace netra::adapters
