// `netra backup`: a consistent copy of Netra's SQLite state, taken while `netra serve` runs.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// `netra backup [--data-dir DIR] DEST`. Copies every SQLite database in the data dir (state.db, reports.db and
// any other *.db except the knowledge index, which is rebuilt from the corpus) and the pseudonym secret into DEST,
// which must not exist or be empty; DEST gets mode 0700 and the files 0600 (reports are sensitive). Returns 0, 1
// on failure (DEST then holds no half-copied database under its final name), 2 on a usage error. With
// NETRA_DATABASE_URL set (environment or NETRA_CONFIG file) the state is in PostgreSQL: returns 1, copying
// nothing, with a message that names pg_dump.
int command_backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Copies the SQLite database `source` into the new file `destination` with the online backup API
// (sqlite3_backup_*): one snapshot of the source, consistent even while other connections or processes write
// (in WAL mode readers do not block the writer). Then checks the copy with PRAGMA quick_check. Throws
// knowledge::SqliteError, or std::runtime_error when the check fails.
void backup_database(const std::string& source, const std::string& destination);

}  // namespace netra::adapters
