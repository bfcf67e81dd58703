// `netra reviewer add|list|remove` (reviewer accounts for the desk) and `netra reports expire` (retention), on
// the data directory's reports.db.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// args[0] is "reviewer". Exit codes: 0 success, 1 the operation failed (name taken, no such reviewer, no
// database), 2 usage error. `add` prints the generated password once, alone on the last line.
int command_reviewer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `netra reports expire [--data-dir DIR]`: applies the retention policy of the environment (NETRA_RETENTION_DAYS…)
// now. args[0] is "reports", args[1] "expire".
int command_reports_expire(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace netra::adapters
