// The reviewer API over the report storage: list, read and change the status of reports. Every route needs
// `Authorization: Bearer <NETRA_ADMIN_TOKEN>` (compared in constant time, else 401) and answers 404 when no
// admin token is configured, so a deployment without reviewers shows no trace of the API.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "bot/report_storage.h"
#include "bot/reports.h"

namespace netra::adapters {

struct ReviewerSettings {
  std::string admin_token;  // empty: the API is off
  std::string admin_label;  // who the audit trail names for changes made with this token
};

// Registers GET /api/v1/reports, GET /api/v1/reports/{code} and PATCH /api/v1/reports/{code}. The backend
// behind `desk` must outlive the server.
void add_reviewer_routes(httplib::Server& server, const bot::ReportStorage& desk, ReviewerSettings settings);

// A report as the reviewer API shows it (audit trail not included).
nlohmann::json report_json(const bot::Report& report);

}  // namespace netra::adapters
