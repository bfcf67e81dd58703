#include "bot/report_session.h"

#include <string>
#include <vector>

namespace netra::bot {

std::string_view to_string(ReportStep step) {
  switch (step) {
    case ReportStep::what: return "what";
    case ReportStep::who_role: return "who_role";
    case ReportStep::who_name: return "who_name";
    case ReportStep::where: return "where";
    case ReportStep::when: return "when";
    case ReportStep::evidence: return "evidence";
    case ReportStep::confirm: return "confirm";
  }
  return "what";
}

std::optional<ReportStep> parse_report_step(std::string_view label) {
  for (int value = 0; value <= static_cast<int>(ReportStep::confirm); ++value) {
    if (to_string(static_cast<ReportStep>(value)) == label) return static_cast<ReportStep>(value);
  }
  return std::nullopt;
}

nlohmann::json to_json(const ReportSession& s) {
  const auto& d = s.draft;
  return {{"step", std::string(to_string(s.step))},
          {"draft",
           {{"what", d.what}, {"category", d.category}, {"subject_role", d.subject_role},
            {"subject_name", d.subject_name}, {"desa", d.desa}, {"kecamatan", d.kecamatan},
            {"kabupaten", d.kabupaten}, {"when", d.when}, {"evidence", d.evidence}, {"channel", d.channel},
            {"submission_id", d.submission_id}}}};
}

ReportSession report_session_from_json(const nlohmann::json& json) {
  ReportSession s;
  // A session saved by an older version, or damaged, restarts at the first step rather than failing.
  s.step = parse_report_step(json.value("step", "what")).value_or(ReportStep::what);
  auto d = json.value("draft", nlohmann::json::object());
  s.draft.what = d.value("what", "");
  s.draft.category = d.value("category", "");
  s.draft.subject_role = d.value("subject_role", "");
  s.draft.subject_name = d.value("subject_name", "");
  s.draft.desa = d.value("desa", "");
  s.draft.kecamatan = d.value("kecamatan", "");
  s.draft.kabupaten = d.value("kabupaten", "");
  s.draft.when = d.value("when", "");
  s.draft.evidence = d.value("evidence", std::vector<std::string>{});
  s.draft.channel = d.value("channel", "");
  s.draft.submission_id = d.value("submission_id", "");
  return s;
}

}  // namespace netra::bot
