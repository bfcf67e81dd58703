#include "adapters/app/desk_cli.h"

#include <filesystem>
#include <map>
#include <ostream>

#include "adapters/app/command_line.h"
#include "adapters/app/config.h"
#include "adapters/app/serve.h"
#include "bot/clock.h"
#include "bot/reviewer_accounts.h"
#include "bot/storage_error.h"

namespace netra::adapters {
namespace {

constexpr const char* kReviewerFooter =
    "With NETRA_DATABASE_URL set the accounts are in that PostgreSQL database, shared by every replica. Passwords "
    "are generated, never chosen, and stored only as Argon2id hashes (libsodium).";

constexpr const char* kNameRule = "NAME: 1 to 64 letters, digits, '.', '_' or '-'.";

// --data-dir on `app`: names NETRA_DATA_DIR for this run.
void add_data_dir_flag(CLI::App& app, std::string& data_dir) {
  app.add_option("--data-dir", data_dir, "the data dir (default: NETRA_DATA_DIR)")->option_text("DIR");
}

}  // namespace

int command_reviewer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Reviewer accounts for the desk at /desk.", "netra reviewer");
  std::string name, data_dir;
  CLI::App* add = app.add_subcommand("add", "create an account; prints its generated password once");
  CLI::App* list = app.add_subcommand("list", "the accounts and when they were made");
  CLI::App* remove = app.add_subcommand("remove", "delete an account and end its desk sessions");
  for (CLI::App* action : {add, remove}) {
    action->add_option("NAME", name, "the reviewer's name")->required();
    action->footer(kNameRule);
  }
  for (CLI::App* action : {add, list, remove}) add_data_dir_flag(*action, data_dir);
  app.require_subcommand(1);
  describe_command(app, "reviewer", std::string(kNameRule) + " " + kReviewerFooter);
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  std::string action = app.get_subcommands().front()->get_name();
  if (action != "list" && !bot::is_reviewer_name(name)) {
    err << "netra reviewer: `" << name << "` is not a valid name (1 to 64 letters, digits, '.', '_', '-')\n";
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
    if (!accounts.remove_reviewer(name)) {
      err << "netra reviewer: no reviewer named `" << name << "`\n";
      return 1;
    }
    out << "removed reviewer " << name << " and ended their desk sessions\n";
    return 0;
  }
  auto password = accounts.add_reviewer(name);
  if (!password) {
    err << "netra reviewer: a reviewer named `" << name << "` already exists\n";
    return 1;
  }
  out << "created reviewer " << name << "; sign in at /desk. The password is shown only now:\n" << *password << "\n";
  return 0;
}

void add_reports_expire(CLI::App& reports, std::string& data_dir) {
  CLI::App* expire = reports.add_subcommand("expire", "delete the reports whose retention ended");
  expire->footer(
      "Deletes the reports whose retention ended: closed ones (selesai, ditolak) NETRA_RETENTION_DAYS days after their "
      "last status change; NETRA_RETENTION_DAYS_<STATUS> sets one status (0 keeps). `netra serve` does the same "
      "every hour. With NETRA_DATABASE_URL set it works on that PostgreSQL database.");
  add_data_dir_flag(*expire, data_dir);
}

int command_reports_expire(const std::string& data_dir, std::ostream& out, std::ostream& err) {
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
