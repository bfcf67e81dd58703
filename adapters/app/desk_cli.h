// `netra reviewer add|list|remove` (reviewer accounts for the desk) and `netra reports expire` (retention), on
// the report storage `netra serve` uses: PostgreSQL when NETRA_DATABASE_URL is set (from the environment or the
// NETRA_CONFIG file), else the data directory's reports.db.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "adapters/app/config.h"
#include "adapters/storage/storage.h"

namespace CLI {
class App;
}

namespace netra::adapters {

// args[0] is "reviewer". Exit codes: 0 success, 1 the operation failed (name taken, no such reviewer, no
// database), 2 usage error. `add` prints the generated password once, alone on the last line.
int command_reviewer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Declares `netra reports expire [--data-dir DIR]` on the `netra reports` parser; --data-dir goes to `data_dir`.
void add_reports_expire(CLI::App& reports, std::string& data_dir /* OUT, when parsed */);

// `netra reports expire`: applies the configuration's retention policy (NETRA_RETENTION_DAYS…) now, on the
// reports of `data_dir` (empty: the configuration's). Exit codes: 0, 1 no reports database, 2 invalid configuration.
int command_reports_expire(const std::string& data_dir, std::ostream& out, std::ostream& err);

// The configuration as `netra serve` reads it (the environment, then the NETRA_CONFIG file), with `data_dir`
// (when not empty: the --data-dir flag) as the data directory, which is created when missing. No secret is read
// or generated: these commands key nothing with it. Throws std::runtime_error for an invalid value, as read_config.
Config command_config(const std::string& data_dir);

// The report storage the configuration names, or nullopt after telling `err` why it cannot be opened (`command`
// names the command in the message): a database that cannot be reached or refuses us, or — with SQLite and
// `must_exist` — no reports.db in the data directory yet.
std::optional<storage::Storage> open_command_reports(const Config& config, bool must_exist, const std::string& command,
                                                     std::ostream& err);

}  // namespace netra::adapters
