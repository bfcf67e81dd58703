#include "adapters/app/reports_export.h"

#include <filesystem>
#include <ostream>
#include <string_view>

#include "adapters/app/command_line.h"
#include "adapters/app/desk_cli.h"
#include "adapters/http/reviewer_api.h"
#include "bot/reports.h"

namespace netra::adapters {
namespace {

const std::vector<std::string> kCsvColumns = {"code",      "status",    "category",    "what",          "subject_role",
                                              "subject_name", "desa",   "kecamatan",   "kabupaten",     "when",
                                              "evidence",  "channel",   "public_note", "internal_note", "created_at",
                                              "updated_at"};

}  // namespace

std::string csv_field(const std::string& raw) {
  bool formula = !raw.empty() && std::string_view("=+-@\t\r").find(raw.front()) != std::string_view::npos;
  std::string value = formula ? "'" + raw : raw;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void write_reports_csv(const std::vector<bot::Report>& reports, std::ostream& out) {
  for (size_t c = 0; c < kCsvColumns.size(); ++c) out << (c ? "," : "") << kCsvColumns[c];
  out << "\r\n";
  for (const auto& report : reports) {
    auto item = report_json(report);
    for (size_t c = 0; c < kCsvColumns.size(); ++c) {
      const auto& value = item[kCsvColumns[c]];
      std::string text;
      if (value.is_array()) {
        for (const auto& part : value) text += (text.empty() ? "" : " ") + part.get<std::string>();
      } else {
        text = value.get<std::string>();
      }
      out << (c ? "," : "") << csv_field(text);
    }
    out << "\r\n";
  }
}

nlohmann::json reports_export_json(bot::AuditLog& audit, const std::vector<bot::Report>& reports) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& report : reports) {
    auto item = report_json(report);
    item["audit"] = nlohmann::json::array();
    for (const auto& change : audit.trail(report.receipt_code)) {
      item["audit"].push_back({{"at", change.at},
                               {"action", change.action},
                               {"from", change.from_status},
                               {"to", change.to_status},
                               {"admin", change.admin_label},
                               {"public_note", change.public_note},
                               {"internal_note", change.internal_note}});
    }
    all.push_back(std::move(item));
  }
  return all;
}

namespace {

// What `netra reports` was asked to do.
struct ReportsRequest {
  bool expire = false;                // `expire`, else `export`
  bool json = false;                  // export: --json, else --csv
  std::optional<std::string> status;  // export: --status
  std::string data_dir;               // --data-dir; empty: the configuration's NETRA_DATA_DIR
};

// Parses `netra reports`'s arguments into `request`. nullopt: run it; else the exit code after the help or a
// usage error.
std::optional<int> parse_reports(const std::vector<std::string>& args, ReportsRequest& request /* OUT */,
                                 std::ostream& out, std::ostream& err) {
  CLI::App app(
      "The reports, for reviewers: in DIR/reports.db, or in the PostgreSQL database of NETRA_DATABASE_URL "
      "when it is set.",
      "netra reports");
  bool csv = false;
  std::string status;
  CLI::App* export_command = app.add_subcommand("export", "write every report to stdout, newest first");
  export_command->add_flag("--csv", csv, "CSV, one row per report");
  export_command->add_flag("--json", request.json, "a JSON array; each report with its audit trail");
  export_command->add_option("--status", status, "only this status: baru, ditinjau, diteruskan, selesai or ditolak")
      ->option_text("S");
  export_command->add_option("--data-dir", request.data_dir, "the data dir (default: NETRA_DATA_DIR)")
      ->option_text("DIR");
  add_reports_expire(app, request.data_dir);
  app.require_subcommand(1);
  describe_command(app, "reports");
  if (auto exit_code = parse_command_line(app, args, out, err)) return exit_code;
  request.expire = app.get_subcommands().front()->get_name() == "expire";
  if (request.expire) return std::nullopt;
  if (csv == request.json) return usage_error(app, "choose exactly one of --csv and --json", err);
  if (!status.empty() && !bot::is_report_status(status)) {
    err << "netra reports export: unknown status `" << status << "`\n";
    return 2;
  }
  if (!status.empty()) request.status = status;
  return std::nullopt;
}

int export_reports(const ReportsRequest& request, std::ostream& out, std::ostream& err) {
  std::optional<storage::Storage> opened;
  try {
    opened = open_command_reports(command_config(request.data_dir), true, "netra reports export", err);
  } catch (const std::runtime_error& e) {
    err << "netra reports export: " << e.what() << "\n";
    return 2;
  }
  if (!opened) return 1;
  storage::ReportBackend& store = *opened->reports;
  bot::ReportFilter filter;
  filter.status = request.status;
  filter.limit = -1;  // all of them
  auto reports = store.list(filter);
  if (request.json) {
    out << reports_export_json(store, reports).dump(2) << "\n";
  } else {
    write_reports_csv(reports, out);
  }
  bot::AuditEntry entry;
  entry.action = "export";
  entry.admin_label = "cli";
  entry.detail = std::string(request.json ? "json" : "csv") + (request.status ? " status=" + *request.status : "") +
                 " reports=" + std::to_string(reports.size());
  store.record(entry);
  return 0;
}

}  // namespace

int command_reports(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ReportsRequest request;
  if (auto exit_code = parse_reports(args, request, out, err)) return *exit_code;
  return request.expire ? command_reports_expire(request.data_dir, out, err) : export_reports(request, out, err);
}

}  // namespace netra::adapters
