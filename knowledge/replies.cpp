#include "knowledge/replies.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

constexpr const char* kFile = "replies.txt";

// The placeholders a text uses, in order of appearance.
std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> names;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string_view::npos) {
    size_t close = text.find('}', pos);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  return names;
}

// Menus, chat replies, answers and their notes, clarifying questions.
std::vector<ReplySpec> conversation_specs() {
  return {
    {"menu", {}, {}},
    {"menu.question", {}, {}},
    {"menu.report", {}, {}},
    {"menu.status", {}, {}},
    {"greeting", {"menu"}, {}},
    {"help", {"menu"}, {}},
    {"thanks", {"menu"}, {}},
    {"acknowledgement", {"menu"}, {}},
    {"small_talk", {"menu"}, {}},
    {"not_found", {"menu"}, {}},
    {"out_of_scope", {"menu"}, {}},
    {"no_recommendation", {"menu"}, {}},
    {"ask_question_prompt", {}, {}},
    {"status_prompt", {}, {}},
    {"status_pointer", {"code"}, {"code"}},
    {"media_without_text", {}, {}},
    {"cancelled", {}, {}},
    {"nothing_to_cancel", {}, {}},
    {"verdict.dilarang", {}, {}},
    {"verdict.boleh", {}, {}},
    {"verdict.hati-hati", {}, {}},
    {"verdict.info", {}, {}},
    {"basis", {"articles"}, {"articles"}},
    {"sanction", {"sanction"}, {"sanction"}},
    {"summary_source", {"region", "date", "attribution"}, {}},
    {"note.role_assumed", {}, {}},
    {"note.relative_role", {}, {}},
    {"note.uncertain", {}, {}},
    {"note.writer_duty", {}, {}},
    {"clarify.role", {}, {}},
    {"clarify.role.asn", {}, {}},
    {"clarify.role.village", {}, {}},
    {"clarify.role.citizen", {}, {}},
    {"tip.dilarang", {"explanation"}, {"explanation"}},
    {"tip.hati-hati", {"explanation"}, {"explanation"}},
    {"tip.no_rule", {}, {}},
    {"tip.offer", {}, {}},
    {"tip.accept", {}, {}},
    {"tip.decline", {}, {}},
    {"tip.declined", {"menu"}, {}},
  };
}

// The report flow: its prompts, problems, summary, buttons and roles.
std::vector<ReplySpec> report_flow_specs() {
  return {
    {"report_pointer", {}, {}},
    {"report_offer", {}, {}},
    {"report.intro", {}, {}},
    {"report.ask.what", {}, {}},
    {"report.ask.who_role", {}, {}},
    {"report.ask.who_name", {}, {}},
    {"report.ask.where", {}, {}},
    {"report.ask.when", {}, {}},
    {"report.ask.evidence", {"max"}, {"max"}},
    {"report.ask.confirm", {}, {}},
    {"report.anonymity_notice", {}, {}},
    {"report.after_filing", {}, {}},
    {"report.receipt", {"code"}, {"code"}},
    {"report.receipt.evidence_failed", {"failed", "total", "reason"}, {"failed", "total", "reason"}},
    {"report.recorded", {"category"}, {"category"}},
    {"report.evidence_received", {"count"}, {"count"}},
    {"report.evidence_kept", {}, {}},
    {"report.problem.empty", {}, {}},
    {"report.problem.too_long", {"max"}, {"max"}},
    {"report.problem.unreadable", {}, {}},
    {"report.problem.too_short", {}, {}},
    {"report.problem.unknown_choice", {}, {}},
    {"report.problem.place", {}, {}},
    {"report.problem.not_evidence", {}, {}},
    {"report.problem.time_empty", {}, {}},
    {"report.problem.confirm", {}, {}},
    {"report.limit.daily", {}, {}},
    {"report.limit.daily_not_sent", {}, {}},
    {"report.summary", {"category", "what", "subject", "place", "when", "evidence"}, {"category", "what", "subject", "place", "when", "evidence"}},
    {"report.summary.no_evidence", {}, {}},
    {"report.summary.evidence_count", {"count"}, {"count"}},
    {"report.button.skip", {}, {}},
    {"report.button.done", {}, {}},
    {"report.button.no_evidence", {}, {}},
    {"report.button.send", {}, {}},
    {"report.button.cancel", {}, {}},
    {"report.role.asn", {}, {}},
    {"report.role.pppk", {}, {}},
    {"report.role.kades", {}, {}},
    {"report.role.perangkat", {}, {}},
    {"report.role.lainnya", {}, {}},
    {"report.choice.asn", {}, {}},
  };
}

// A report's thread, the report categories and the evidence problems.
std::vector<ReplySpec> thread_specs() {
  return {
    {"thread.status.baru", {}, {}},
    {"thread.status.ditinjau", {}, {}},
    {"thread.status.diteruskan", {}, {}},
    {"thread.status.selesai", {}, {}},
    {"thread.status.ditolak", {}, {}},
    {"thread.check", {"code", "status"}, {"code", "status"}},
    {"thread.public_note", {"note"}, {"note"}},
    {"thread.questions_heading", {}, {}},
    {"thread.reply_hint", {"code"}, {"code"}},
    {"thread.answer_received", {}, {}},
    {"thread.not_found", {"code"}, {"code"}},
    {"thread.limit.status", {}, {}},
    {"thread.limit.messages", {}, {}},
    {"thread.answer.empty", {"code"}, {"code"}},
    {"thread.answer.unreadable", {}, {}},
    {"thread.answer.too_long", {"max"}, {"max"}},
    {"thread.answer.accepted", {"code"}, {"code"}},
    {"thread.answer.no_open_question", {"code"}, {"code"}},
    {"thread.answer.too_many", {"code"}, {"code"}},
    {"category.medsos", {}, {}},
    {"category.kampanye", {}, {}},
    {"category.politik-uang", {}, {}},
    {"category.fasilitas-negara", {}, {}},
    {"category.keputusan", {}, {}},
    {"category.lainnya", {}, {}},
    {"evidence.problem.unsupported_channel", {}, {}},
    {"evidence.problem.not_found", {}, {}},
    {"evidence.problem.unavailable", {}, {}},
    {"evidence.problem.too_large", {}, {}},
    {"evidence.problem.unsupported_type", {}, {}},
  };
}

}  // namespace

const std::vector<ReplySpec>& reply_specs() {
  // Keys, allowed placeholders, required placeholders. {menu} is the menu text; {code} a receipt code.
  static const std::vector<ReplySpec> specs = [] {
    std::vector<ReplySpec> all;
    for (auto group : {conversation_specs, report_flow_specs, thread_specs}) {
      auto specs_of_group = group();
      all.insert(all.end(), specs_of_group.begin(), specs_of_group.end());
    }
    return all;
  }();
  return specs;
}

Replies Replies::parse(std::string_view text, std::vector<Problem>& problems) {
  Replies replies;
  std::map<std::string, int> lines;  // key → line of its `==`
  std::istringstream in{std::string(text)};
  std::string line, key, body;
  int number = 0;
  auto finish = [&] {
    if (key.empty()) return;
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    replies.texts_[key] = body;
    body.clear();
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.front() == '#') continue;
    if (line.rfind("== ", 0) == 0) {
      finish();
      key = std::string(trim(std::string_view(line).substr(3)));
      if (lines.count(key)) problems.push_back({kFile, number, "duplicate key `" + key + "`"});
      lines[key] = number;
      continue;
    }
    if (key.empty()) {
      if (!trim(line).empty()) problems.push_back({kFile, number, "text before the first `== key`"});
      continue;
    }
    if (body.empty() && trim(line).empty()) continue;  // blank lines after the key
    body += line + "\n";
  }
  finish();

  std::set<std::string> known;
  for (const auto& spec : reply_specs()) {
    known.insert(spec.key);
    auto found = replies.texts_.find(spec.key);
    if (found == replies.texts_.end()) {
      problems.push_back({kFile, 0, "missing key `" + spec.key + "`"});
      continue;
    }
    int at = lines[spec.key];
    if (found->second.empty()) problems.push_back({kFile, at, "empty text for `" + spec.key + "`"});
    auto used = placeholders_in(found->second);
    for (const auto& name : used) {
      if (std::find(spec.allowed.begin(), spec.allowed.end(), name) == spec.allowed.end()) {
        problems.push_back({kFile, at, "`" + spec.key + "` may not use {" + name + "}"});
      }
    }
    for (const auto& name : spec.required) {
      if (std::find(used.begin(), used.end(), name) == used.end()) {
        problems.push_back({kFile, at, "`" + spec.key + "` must use {" + name + "}"});
      }
    }
  }
  for (const auto& [name, at] : lines) {
    if (!known.count(name)) problems.push_back({kFile, at, "unknown key `" + name + "`"});
  }
  return replies;
}

std::string Replies::render(std::string_view key, const std::map<std::string, std::string>& values) const {
  auto found = texts_.find(key);
  if (found == texts_.end()) return std::string(key);
  const std::string& text = found->second;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) {
      out.append(text, pos, std::string::npos);
      break;
    }
    out.append(text, pos, open - pos);
    auto value = values.find(text.substr(open + 1, close - open - 1));
    if (value != values.end()) out += value->second;
    pos = close + 1;
  }
  return out;
}

}  // namespace netra::knowledge
