// `netra reports export --csv | --json`: every report (optionally filtered by status) from the report storage
// `netra serve` uses (the data directory's reports.db, or PostgreSQL with NETRA_DATABASE_URL), for reviewers who
// work in a spreadsheet or another tool.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/audit_log.h"
#include "bot/reports.h"

namespace netra::adapters {

// args[0] is "reports". Returns the exit code: 0 success, 1 no reports database, 2 usage error.
int command_reports(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). A value a spreadsheet would run
// as a formula — one that starts with =, +, -, @, tab or carriage return (OWASP, "CSV Injection") — gets a
// leading apostrophe, so it is shown as text.
std::string csv_field(const std::string& value);

// The reports as CSV (header line, CRLF line ends), the columns of report_json; evidence refs joined by spaces.
void write_reports_csv(const std::vector<bot::Report>& reports, std::ostream& out);
// The reports as a JSON array of report_json objects, each with its audit trail from `audit`.
nlohmann::json reports_export_json(bot::AuditLog& audit, const std::vector<bot::Report>& reports);

}  // namespace netra::adapters
