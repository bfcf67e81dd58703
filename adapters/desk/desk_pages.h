// The desk's HTML, rendered from the template files in NETRA_DESK_TEMPLATES (login.tpl, list.tpl, report.tpl,
// message.tpl, with header.tpl and footer.tpl) by Google ctemplate. Every template declares
// {{%AUTOESCAPE context="HTML"}}, so each value is escaped for where it lands (text, attribute, URL): a
// reporter's words can never become markup. The pages take typed values; the dictionaries are built here only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/reports.h"
#include "knowledge/replies.h"

namespace ctemplate {
class TemplateCache;
}

namespace netra::adapters::desk {

// What every page shows around its content.
struct PageFrame {
  std::string title;
  std::optional<std::string> reviewer;  // signed in: the name and the logout form
  std::string csrf_token;               // the session's (or, on the login page, the login form's) token
  std::string notice;                   // a one-line message at the top, if any
  bool notice_is_error = false;
};

struct ListView {
  bot::ReportFilter filter;
  std::vector<bot::Report> reports;
  std::map<std::string, int64_t> counts;  // per status, for the filter without its status
  bool more = false;                      // another page follows
};

struct ReportView {
  bot::Report report;
  std::vector<bot::EvidenceFile> evidence;
  std::vector<bot::ThreadMessage> thread;
  std::vector<bot::InternalNote> notes;
  std::vector<bot::AuditEntry> audit;
};

class DeskPages {
 public:
  // Loads every template from `templates_dir` and the stylesheet, then freezes the cache. Throws
  // std::runtime_error naming the file that is missing or does not parse, so a broken deployment fails at
  // start-up rather than on a reviewer's first click.
  explicit DeskPages(const std::string& templates_dir);
  ~DeskPages();
  DeskPages(const DeskPages&) = delete;
  DeskPages& operator=(const DeskPages&) = delete;

  std::string login(const PageFrame& frame, const std::string& name) const;
  // `replies` gives the labels the chat shows too (keys category.<category>, evidence.problem.<problem>).
  std::string report_list(const PageFrame& frame, const ListView& view, const knowledge::Replies& replies) const;
  std::string report(const PageFrame& frame, const ReportView& view, const knowledge::Replies& replies) const;
  std::string message(const PageFrame& frame, const std::string& heading, const std::string& text) const;
  const std::string& stylesheet() const { return stylesheet_; }

 private:
  std::unique_ptr<ctemplate::TemplateCache> cache_;
  std::string stylesheet_;
};

// Labels in Indonesian, for pages and tests.
std::string status_label(const std::string& status);  // "Ditinjau"
std::string audit_action_label(const bot::AuditEntry& entry);
std::string byte_size_label(int64_t bytes);  // "84 KB", "1,2 MB"

}  // namespace netra::adapters::desk
