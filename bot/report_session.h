// Where a reporter is in the anonymous report flow: the step and the draft so far, and how both are kept in the
// sender's session (JSON) so that a report survives a restart.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "bot/report_records.h"

namespace netra::bot {

// The steps of the flow, in order. Stored in the session by their labels.
enum class ReportStep { what, who_role, who_name, where, when, evidence, confirm };
std::string_view to_string(ReportStep step);
std::optional<ReportStep> parse_report_step(std::string_view label);

struct ReportSession {
  ReportStep step = ReportStep::what;
  ReportDraft draft;
};

nlohmann::json to_json(const ReportSession& session);
// A session saved by an older version, or damaged, restarts at the first step rather than failing.
ReportSession report_session_from_json(const nlohmann::json& json);

}  // namespace netra::bot
