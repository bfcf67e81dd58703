// `netra reports export --csv | --json`: every report (optionally filtered by status) from the data directory's
// reports.db, for reviewers who work in a spreadsheet or another tool.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// args[0] is "reports". Returns the exit code: 0 success, 1 no reports database, 2 usage error.
int command_reports(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace netra::adapters
