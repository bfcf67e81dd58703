#include "adapters/app/reports_export.h"

#include <filesystem>
#include <ostream>
#include <string_view>

#include "adapters/app/desk_cli.h"
#include "adapters/http/reviewer_api.h"
#include "bot/reports.h"

namespace netra::adapters {
namespace {

constexpr const char* kUsage =
    "usage: netra reports export (--csv | --json) [--status S] [--data-dir DIR]\n"
    "       netra reports expire [--data-dir DIR]   (see netra reports expire --help)\n"
    "  Writes every report in DIR/reports.db (default $NETRA_DATA_DIR or var), or in the PostgreSQL database\n"
    "  of NETRA_DATABASE_URL when it is set, to stdout, newest first.\n"
    "  --json includes each report's audit trail. S is baru, ditinjau, diteruskan, selesai or ditolak.\n";

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

int command_reports(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool csv = false, json_format = false;
  std::optional<std::string> status;
  std::string data_dir;  // --data-dir; empty: the configuration's NETRA_DATA_DIR
  if (args.size() < 2 || args[1] == "--help") {
    (args.size() < 2 ? err : out) << kUsage;
    return args.size() < 2 ? 2 : 0;
  }
  if (args[1] == "expire") return command_reports_expire(args, out, err);
  if (args[1] != "export") {
    err << "netra reports: unknown subcommand `" << args[1] << "`\n" << kUsage;
    return 2;
  }
  for (size_t i = 2; i < args.size(); ++i) {
    if (args[i] == "--csv") csv = true;
    else if (args[i] == "--json") json_format = true;
    else if (args[i] == "--help") {
      out << kUsage;
      return 0;
    } else if ((args[i] == "--status" || args[i] == "--data-dir") && i + 1 < args.size()) {
      (args[i] == "--status" ? status : data_dir) = args[i + 1];
      ++i;
    } else {
      err << "netra reports export: unexpected argument `" << args[i] << "`\n" << kUsage;
      return 2;
    }
  }
  if (csv == json_format) {
    err << "netra reports export: choose exactly one of --csv and --json\n" << kUsage;
    return 2;
  }
  if (status && !bot::is_report_status(*status)) {
    err << "netra reports export: unknown status `" << *status << "`\n";
    return 2;
  }
  std::optional<storage::Storage> opened;
  try {
    opened = open_command_reports(command_config(data_dir), true, "netra reports export", err);
  } catch (const std::runtime_error& e) {
    err << "netra reports export: " << e.what() << "\n";
    return 2;
  }
  if (!opened) return 1;
  storage::ReportBackend& store = *opened->reports;
  bot::ReportFilter filter;
  filter.status = status;
  filter.limit = -1;  // all of them
  auto reports = store.list(filter);
  if (json_format) {
    out << reports_export_json(store, reports).dump(2) << "\n";
  } else {
    write_reports_csv(reports, out);
  }
  bot::AuditEntry entry;
  entry.action = "export";
  entry.admin_label = "cli";
  entry.detail = std::string(json_format ? "json" : "csv") + (status ? " status=" + *status : "") + " reports=" +
                 std::to_string(reports.size());
  store.record(entry);
  return 0;
}

}  // namespace netra::adapters
