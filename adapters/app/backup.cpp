#include "adapters/app/backup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <stdexcept>

#include "adapters/app/command_line.h"
#include "adapters/app/config.h"
#include "knowledge/sqlite.h"

namespace netra::adapters {
namespace {

namespace fs = std::filesystem;

// The 16-byte header every SQLite 3 database file starts with.
bool is_sqlite_database(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  return in.read(header, sizeof(header)) && std::string(header, sizeof(header)) == std::string("SQLite format 3\0", 16);
}

void restrict_to_owner(const fs::path& path) {
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

}  // namespace

void backup_database(const std::string& source, const std::string& destination) {
  // Read-write, not read-only: a read-only connection to a WAL database whose -shm file does not exist yet (the
  // server is stopped) would leave one behind, owned by whoever ran the backup.
  knowledge::Database from(source, knowledge::Database::Mode::read_write_create);
  knowledge::Database to(destination, knowledge::Database::Mode::read_write_create);
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (!backup) {
    throw knowledge::SqliteError("backup of " + source + ": " + sqlite3_errmsg(to.handle()),
                                 sqlite3_errcode(to.handle()));
  }
  // All pages in one step, inside one read transaction of the source: the copy is the database as of one commit.
  // (Stepping in parts would restart whenever the server writes in between.)
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw knowledge::SqliteError("backup of " + source + ": " + sqlite3_errstr(rc), rc);
  }
  knowledge::Statement check(to, "PRAGMA quick_check");
  std::string verdict = check.step() ? check.column_text(0) : "no result";
  if (verdict != "ok") throw std::runtime_error("the copy of " + source + " fails quick_check: " + verdict);
}

namespace {

// The SQLite databases of `data_dir` to copy, sorted: every *.db file that is one, except the knowledge index.
std::vector<fs::path> databases_to_copy(const std::string& data_dir, const fs::path& knowledge_index,
                                        std::ostream& out) {
  std::vector<fs::path> databases;
  for (const auto& item : fs::directory_iterator(data_dir)) {
    if (!item.is_regular_file() || item.path().extension() != ".db") continue;
    std::error_code error;
    if (fs::equivalent(item.path(), knowledge_index, error)) {
      out << "skipped " << item.path().filename().string() << " (the knowledge index: rebuilt from the corpus)\n";
    } else if (is_sqlite_database(item.path())) {
      databases.push_back(item.path());
    }
  }
  std::sort(databases.begin(), databases.end());
  return databases;
}

// Copies `database` into the folder `destination` under its own name, through a .partial file that is renamed
// only once the copy is complete and checked, so an interrupted backup never leaves a copy that looks whole.
void copy_database(const fs::path& database, const fs::path& destination, std::ostream& out) {
  fs::path target = destination / database.filename();
  fs::path partial = target.string() + ".partial";
  fs::remove(partial);
  try {
    backup_database(database.string(), partial.string());
    restrict_to_owner(partial);
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
  fs::rename(partial, target);
  out << "copied " << database.filename().string() << " (" << fs::file_size(target) << " bytes)\n";
}

// The backup itself, once the configuration is read. Exit codes as command_backup's; throws on I/O errors.
int back_up(const Config& config, const std::string& destination, std::ostream& out, std::ostream& err) {
  const std::string& data_dir = config.data_dir;
  // With NETRA_DATABASE_URL the sessions, reports and reviewer accounts are in PostgreSQL and a replica's data
  // dir holds only its knowledge index: a copy of it would look like a backup and restore nothing.
  if (!config.database_url.empty()) {
    err << "netra backup: NETRA_DATABASE_URL is set, so Netra's state and reports are in PostgreSQL, not in "
        << data_dir
        << ". Back them up with pg_dump (pg_dump -Fc DATABASE > netra.dump) and keep NETRA_SECRET "
           "with the dump (README, \"Running several replicas\").\n";
    return 1;
  }
  if (!fs::is_directory(data_dir)) {
    err << "netra backup: no data dir at " << data_dir << "\n";
    return 1;
  }
  if (fs::exists(destination) && !(fs::is_directory(destination) && fs::is_empty(destination))) {
    err << "netra backup: " << destination << " exists and is not an empty folder\n";
    return 1;
  }
  fs::create_directories(destination);
  fs::permissions(destination, fs::perms::owner_all, fs::perm_options::replace);
  auto databases = databases_to_copy(data_dir, config.knowledge_index, out);
  if (databases.empty()) {
    err << "netra backup: no SQLite database in " << data_dir << "\n";
    return 1;
  }
  for (const auto& database : databases) copy_database(database, destination, out);
  fs::path secret = fs::path(data_dir) / "secret";
  // Without it (and without NETRA_SECRET set elsewhere) restored sessions and limits would not match senders.
  if (fs::exists(secret)) {
    fs::copy_file(secret, fs::path(destination) / "secret");
    restrict_to_owner(fs::path(destination) / "secret");
    out << "copied secret (keys the sender pseudonyms: keep it with the databases)\n";
  }
  out << "backup of " << data_dir << " written to " << destination << "\n";
  return 0;
}

}  // namespace

int command_backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Copies Netra's state while the server runs: every SQLite database in the data dir (state.db, "
      "reports.db, ...; not the knowledge index, which is rebuilt from the corpus) through SQLite's online "
      "backup API, each a consistent snapshot checked with PRAGMA quick_check, and the pseudonym secret.",
      "netra backup");
  std::string data_dir, destination;
  app.add_option("DEST", destination, "the folder to back up into; must not exist or be empty (created 0700)")
      ->required();
  app.add_option("--data-dir", data_dir, "the data dir (default: NETRA_DATA_DIR; a packaged install: /var/lib/netra)")
      ->option_text("DIR");
  describe_command(app, "backup",
                   "Restore: stop the server, copy DEST's files into the data dir, start it (docs/deploying.md).\n"
                   "With NETRA_DATABASE_URL set the state is in PostgreSQL: it refuses and names pg_dump instead.");
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  try {
    std::map<std::string, std::string> flags;
    if (!data_dir.empty()) flags["NETRA_DATA_DIR"] = data_dir;
    return back_up(read_configuration(flags), destination, out, err);
  } catch (const std::exception& e) {
    err << "netra backup: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace netra::adapters
