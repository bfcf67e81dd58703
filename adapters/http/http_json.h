// Small helpers for JSON responses, shared by the route files.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace netra::adapters {

inline void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Replace invalid UTF-8 instead of throwing: user text is echoed in answers and reports.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

inline void send_error(httplib::Response& response, int status, const std::string& message) {
  send_json(response, status, {{"error", message}});
}

// Parses a request body that must be a JSON object. Throws BadRequest (→ 400) otherwise.
nlohmann::json parse_json_object(const std::string& body);

}  // namespace netra::adapters
