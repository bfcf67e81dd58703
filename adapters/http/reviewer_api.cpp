#include "adapters/http/reviewer_api.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <memory>
#include <regex>

#include "adapters/channels/channel.h"
#include "adapters/http/http_json.h"
#include "bot/evidence.h"
#include "bot/crypto.h"

namespace netra::adapters {
namespace {

using nlohmann::json;

// 404 when the API is off, 401 without the right bearer token; true when the request may proceed.
bool authorised(const ReviewerSettings& settings, const httplib::Request& request, httplib::Response& response) {
  if (settings.admin_token.empty()) {
    send_error(response, 404, "not found");
    return false;
  }
  std::string given = request.get_header_value("Authorization");
  if (!bot::constant_time_equal(given, "Bearer " + settings.admin_token)) {
    response.set_header("WWW-Authenticate", "Bearer");
    send_error(response, 401, "missing or wrong bearer token");
    spdlog::warn("event=reviewer_unauthorised path_kind=reports");
    return false;
  }
  return true;
}

std::optional<std::string> param(const httplib::Request& request, const char* name) {
  if (!request.has_param(name)) return std::nullopt;
  std::string value = request.get_param_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

bool is_date(const std::string& text) {
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(text, pattern);
}

int64_t number_param(const httplib::Request& request, const char* name, int64_t fallback, int64_t min, int64_t max) {
  auto text = param(request, name);
  if (!text) return fallback;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    throw BadRequest(std::string(name) + " must be a number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  }
  return value;
}

bot::ReportFilter filter_of(const httplib::Request& request) {
  bot::ReportFilter filter;
  filter.status = param(request, "status");
  if (filter.status && !bot::is_report_status(*filter.status)) {
    throw BadRequest("status must be one of baru, ditinjau, diteruskan, selesai, ditolak");
  }
  filter.category = param(request, "category");
  filter.kabupaten = param(request, "kabupaten");
  filter.from_date = param(request, "from");
  filter.to_date = param(request, "to");
  for (const auto& date : {filter.from_date, filter.to_date}) {
    if (date && !is_date(*date)) throw BadRequest("from and to must be dates as YYYY-MM-DD");
  }
  filter.limit = number_param(request, "limit", 100, 1, 1000);
  filter.offset = number_param(request, "offset", 0, 0, 1000000000);
  return filter;
}

json audit_json(const std::vector<bot::AuditEntry>& entries) {
  json trail = json::array();
  for (const auto& entry : entries) {
    trail.push_back({{"at", entry.at},
                     {"action", entry.action},
                     {"from_status", entry.from_status},
                     {"to_status", entry.to_status},
                     {"admin", entry.admin_label},
                     {"public_note", entry.public_note},
                     {"internal_note", entry.internal_note}});
  }
  return trail;
}

// The thread with the reporter, as the desk shows it (the bytes of evidence files stay on the desk).
json thread_json(const std::vector<bot::ThreadMessage>& messages) {
  json thread = json::array();
  for (const auto& message : messages) {
    thread.push_back({{"author", message.author == bot::ThreadAuthor::reviewer ? "reviewer" : "reporter"},
                      {"reviewer", message.reviewer},
                      {"text", message.text},
                      {"at", message.at}});
  }
  return thread;
}

json evidence_json(const std::vector<bot::EvidenceFile>& files) {
  json list = json::array();
  for (const auto& file : files) {
    list.push_back({{"id", file.id},
                    {"kind", file.kind},
                    {"mime_type", file.mime_type},
                    {"size", file.size},
                    {"sha256", file.sha256},
                    {"problem", bot::to_string(file.problem)}});
  }
  return list;
}

std::optional<std::string> optional_string(const json& body, const char* key) {
  auto found = body.find(key);
  if (found == body.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) throw BadRequest(std::string("\"") + key + "\" must be a string");
  if (found->get<std::string>().size() > 2000) throw BadRequest(std::string("\"") + key + "\" is too long");
  return found->get<std::string>();
}

}  // namespace

json report_json(const bot::Report& report) {
  const auto& draft = report.draft;
  return {{"code", report.receipt_code},
          {"status", report.status},
          {"category", draft.category},
          {"what", draft.what},
          {"subject_role", draft.subject_role},
          {"subject_name", draft.subject_name},
          {"desa", draft.desa},
          {"kecamatan", draft.kecamatan},
          {"kabupaten", draft.kabupaten},
          {"when", draft.when},
          {"evidence", draft.evidence},
          {"channel", draft.channel},
          {"public_note", report.public_note},
          {"internal_note", report.internal_note},
          {"created_at", report.created_at},
          {"updated_at", report.updated_at}};
}

void add_reviewer_routes(httplib::Server& server, const bot::ReportStorage& desk, ReviewerSettings settings) {
  auto shared = std::make_shared<const ReviewerSettings>(std::move(settings));
  server.Get("/api/v1/reports", [desk, shared](const httplib::Request& request, httplib::Response& response) {
    if (!authorised(*shared, request, response)) return;
    json reports = json::array();
    for (const auto& report : desk.reports.list(filter_of(request))) reports.push_back(report_json(report));
    send_json(response, 200, {{"reports", reports}});
  });
  server.Get(R"(/api/v1/reports/([^/]+))", [desk, shared](const httplib::Request& request,
                                                          httplib::Response& response) {
    if (!authorised(*shared, request, response)) return;
    auto report = desk.reports.find(request.matches[1]);
    if (!report) return send_error(response, 404, "no report with that code");
    bot::AuditEntry viewed;
    viewed.action = "view";
    viewed.receipt_code = report->receipt_code;
    viewed.admin_label = shared->admin_label;
    desk.audit.record(viewed);
    json body = report_json(*report);
    body["audit"] = audit_json(desk.audit.trail(report->receipt_code));
    body["thread"] = thread_json(desk.threads.thread(report->receipt_code));
    body["evidence_files"] = evidence_json(desk.evidence.evidence_files(report->receipt_code));
    send_json(response, 200, body);
  });
  server.Patch(R"(/api/v1/reports/([^/]+))", [desk, shared](const httplib::Request& request,
                                                            httplib::Response& response) {
    if (!authorised(*shared, request, response)) return;
    json body = parse_json_object(request.body);
    auto status = optional_string(body, "status");
    if (!status) throw BadRequest("\"status\" is required");
    auto note = optional_string(body, "note");
    auto internal_note = optional_string(body, "internal_note");
    std::string code = request.matches[1];
    switch (desk.reports.change_status(code, *status, note, internal_note, shared->admin_label)) {
      case bot::StatusChange::ok: break;
      case bot::StatusChange::not_found: return send_error(response, 404, "no report with that code");
      case bot::StatusChange::invalid_status:
        return send_error(response, 400, "status must be one of baru, ditinjau, diteruskan, selesai, ditolak");
      case bot::StatusChange::invalid_transition:
        return send_error(response, 409, "that status change is not allowed from the report's current status");
    }
    spdlog::info("event=report_status_changed status={} admin={}", *status, shared->admin_label);
    auto report = desk.reports.find(code);
    json answer = report ? report_json(*report) : json::object();
    if (report) answer["audit"] = audit_json(desk.audit.trail(code));
    send_json(response, 200, answer);
  });
}

}  // namespace netra::adapters
