#include "adapters/desk/desk_pages.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <cstdio>
#include <fstream>
#include <algorithm>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "bot/evidence.h"
#include "knowledge/utf8.h"

namespace netra::adapters::desk {
namespace {

using ctemplate::TemplateDictionary;

constexpr const char* kTemplates[] = {"header.tpl", "footer.tpl", "login.tpl", "list.tpl", "report.tpl",
                                      "message.tpl"};
const char* kCategories[] = {"medsos", "kampanye", "politik-uang", "fasilitas-negara", "keputusan", "lainnya"};

std::string role_label(const std::string& role) {
  if (role == "asn") return "ASN (PNS)";
  if (role == "pppk") return "PPPK";
  if (role == "kades") return "Kepala desa";
  if (role == "perangkat") return "Perangkat desa";
  return "Lainnya";
}

std::string place_of(const bot::ReportDraft& draft) {
  std::string place;
  for (const auto* part : {&draft.desa, &draft.kecamatan, &draft.kabupaten}) {
    if (!part->empty()) place += (place.empty() ? "" : ", ") + *part;
  }
  return place;
}

// "2026-01-12T10:32:05Z" → "2026-01-12 10:32 UTC"; a day stays a day.
std::string time_label(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void set_frame(TemplateDictionary& page, const PageFrame& frame) {
  TemplateDictionary* header = page.AddIncludeDictionary("HEADER");
  header->SetFilename("header.tpl");
  header->SetValue("TITLE", frame.title);
  if (frame.reviewer) {
    TemplateDictionary* signed_in = header->AddSectionDictionary("SIGNED_IN");
    signed_in->SetValue("REVIEWER", *frame.reviewer);
    signed_in->SetValue("CSRF_TOKEN", frame.csrf_token);
  }
  if (!frame.notice.empty()) {
    TemplateDictionary* notice = header->AddSectionDictionary("NOTICE");
    notice->SetValue("TEXT", frame.notice);
    notice->SetValue("KIND", frame.notice_is_error ? "error" : "ok");
  }
  page.AddIncludeDictionary("FOOTER")->SetFilename("footer.tpl");
  page.SetValue("CSRF_TOKEN", frame.csrf_token);
}

void add_options(TemplateDictionary& page, const char* section, const std::vector<std::string>& values,
                 const std::optional<std::string>& selected,
                 const std::function<std::string(const std::string&)>& label) {
  for (const auto& value : values) {
    TemplateDictionary* option = page.AddSectionDictionary(section);
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label(value));
    if (selected && *selected == value) option->ShowSection("SELECTED");
  }
}

// A category outside the fixed set (or none) is shown as "Lainnya", as the chat does.
std::string category_text(const knowledge::Replies& replies, const std::string& category) {
  bool known = std::find(std::begin(kCategories), std::end(kCategories), category) != std::end(kCategories);
  return replies.render("category." + (known ? category : std::string("lainnya")));
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string status_label(const std::string& status) {
  if (status == "baru") return "Baru";
  if (status == "ditinjau") return "Ditinjau";
  if (status == "diteruskan") return "Diteruskan";
  if (status == "selesai") return "Selesai";
  if (status == "ditolak") return "Ditolak";
  return status;
}

std::string audit_action_label(const bot::AuditEntry& entry) {
  const std::string& action = entry.action;
  if (action == "status") return "status " + entry.from_status + " → " + entry.to_status;
  if (action == "view") return "membuka laporan";
  if (action == "evidence_view") return "membuka bukti";
  if (action == "internal_note") return "menulis catatan internal";
  if (action == "question") return "bertanya kepada pelapor";
  if (action == "answer_received") return "jawaban pelapor diterima";
  if (action == "export") return "mengekspor";
  if (action == "expire") return "dihapus (masa simpan habis)";
  return action;
}

std::string byte_size_label(int64_t bytes) {
  char text[32];
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::string label = text;
  for (auto& c : label) {
    if (c == '.') c = ',';  // Indonesian decimal comma
  }
  return label;
}

DeskPages::DeskPages(const std::string& templates_dir) : cache_(std::make_unique<ctemplate::TemplateCache>()) {
  std::string root = templates_dir.empty() || templates_dir.back() == '/' ? templates_dir : templates_dir + "/";
  cache_->SetTemplateRootDirectory(root);
  for (const char* name : kTemplates) {
    if (!cache_->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
      throw std::runtime_error("desk template " + root + name + " is missing or does not parse");
    }
  }
  stylesheet_ = read_whole(root + "desk.css");
  cache_->Freeze();  // nothing is read from disk after start-up
}

DeskPages::~DeskPages() = default;

namespace {

std::string expand(const ctemplate::TemplateCache& cache, const char* file, const TemplateDictionary& page) {
  std::string html;
  if (!cache.ExpandNoLoad(file, ctemplate::STRIP_BLANK_LINES, &page, nullptr, &html)) {
    throw std::runtime_error(std::string("desk template ") + file + " could not be expanded");
  }
  return html;
}

}  // namespace

std::string DeskPages::login(const PageFrame& frame, const std::string& name) const {
  TemplateDictionary page("login");
  set_frame(page, frame);
  page.SetValue("NAME", name);
  return expand(*cache_, "login.tpl", page);
}

std::string DeskPages::message(const PageFrame& frame, const std::string& heading, const std::string& text) const {
  TemplateDictionary page("message");
  set_frame(page, frame);
  page.SetValue("HEADING", heading);
  page.SetValue("TEXT", text);
  return expand(*cache_, "message.tpl", page);
}

std::string DeskPages::report_list(const PageFrame& frame, const ListView& view,
                                   const knowledge::Replies& replies) const {
  TemplateDictionary page("list");
  set_frame(page, frame);
  const auto& filter = view.filter;
  for (const auto& status : bot::report_statuses()) {
    TemplateDictionary* count = page.AddSectionDictionary("COUNT");
    count->SetValue("STATUS", status);
    count->SetValue("LABEL", status_label(status));
    auto found = view.counts.find(status);
    count->SetIntValue("N", found == view.counts.end() ? 0 : static_cast<long>(found->second));
  }
  add_options(page, "STATUS_OPTION", bot::report_statuses(), filter.status, status_label);
  add_options(page, "CATEGORY_OPTION", std::vector<std::string>(std::begin(kCategories), std::end(kCategories)),
              filter.category, [&](const std::string& category) { return category_text(replies, category); });
  page.SetValue("STATUS", filter.status.value_or(""));
  page.SetValue("CATEGORY", filter.category.value_or(""));
  page.SetValue("KABUPATEN", filter.kabupaten.value_or(""));
  page.SetValue("FROM", filter.from_date.value_or(""));
  page.SetValue("TO", filter.to_date.value_or(""));
  if (view.reports.empty()) page.ShowSection("EMPTY");
  for (const auto& report : view.reports) {
    TemplateDictionary* row = page.AddSectionDictionary("ROW");
    row->SetValue("CODE", report.receipt_code);
    row->SetValue("CREATED", report.created_at);
    row->SetValue("STATUS", report.status);
    row->SetValue("STATUS_LABEL", status_label(report.status));
    row->SetValue("CATEGORY_LABEL", category_text(replies, report.draft.category));
    row->SetValue("PLACE", place_of(report.draft));
    // The list shows the start of the account; the report page has all of it.
    std::string what = report.draft.what;
    if (what.size() > 160) {
      what = what.substr(0, knowledge::utf8_boundary_before(what, 160)) + "…";
    }
    row->SetValue("WHAT", what);
    if (!report.draft.evidence.empty()) row->ShowSection("HAS_EVIDENCE");
  }
  if (view.more) {
    page.ShowSection("MORE");
    page.SetIntValue("NEXT_OFFSET", static_cast<long>(filter.offset + filter.limit));
  }
  return expand(*cache_, "list.tpl", page);
}

namespace {

// What the report says, as the reporter filed it, and where it stands.
void add_report_fields(TemplateDictionary& page, const bot::Report& report, const knowledge::Replies& replies) {
  const auto& draft = report.draft;
  page.SetValue("CODE", report.receipt_code);
  page.SetValue("STATUS", report.status);
  page.SetValue("STATUS_LABEL", status_label(report.status));
  page.SetValue("CATEGORY_LABEL", category_text(replies, draft.category));
  page.SetValue("WHAT", draft.what);
  page.SetValue("SUBJECT", role_label(draft.subject_role) + (draft.subject_name.empty() ? "" : " — " + draft.subject_name));
  page.SetValue("PLACE", place_of(draft));
  page.SetValue("WHEN", draft.when);
  page.SetValue("CHANNEL", draft.channel);
  page.SetValue("CREATED", report.created_at);
  page.SetValue("UPDATED", report.updated_at);
  page.SetValue("PUBLIC_NOTE", report.public_note);
  if (report.public_note.empty()) page.ShowSection("NO_PUBLIC_NOTE");
}

// The evidence, numbered in one sequence: the files Netra kept (a photo, a document, or why it is missing), then
// what the draft holds beyond them — platform media refs that were never kept, and links.
void add_evidence(TemplateDictionary& page, const ReportView& view, const knowledge::Replies& replies) {
  int n = 0;
  for (const auto& file : view.evidence) {
    ++n;
    const char* section = file.problem != bot::EvidenceProblem::none ? "MISSING"
                          : file.kind == "photo"                     ? "PHOTO"
                                                                     : "DOCUMENT";
    TemplateDictionary* item = page.AddSectionDictionary(section);
    item->SetIntValue("ID", static_cast<long>(file.id));
    item->SetIntValue("N", n);
    item->SetValue("MIME", file.mime_type);
    item->SetValue("SIZE", byte_size_label(file.size));
    if (file.problem != bot::EvidenceProblem::none) {
      item->SetValue("REASON", replies.render("evidence.problem." + bot::to_string(file.problem)));
    }
  }
  bool any_evidence = !view.evidence.empty();
  for (const auto& ref : view.report.draft.evidence) {
    if (bot::is_media_ref(ref)) {
      // Filed before evidence was kept (or fetched by nobody): only the platform's ref exists.
      bool kept = std::any_of(view.evidence.begin(), view.evidence.end(),
                              [&](const bot::EvidenceFile& file) { return file.source_ref == ref; });
      if (!kept) {
        TemplateDictionary* item = page.AddSectionDictionary("MISSING");
        item->SetIntValue("N", ++n);
        item->SetValue("REASON", "laporan ini dikirim sebelum bukti disimpan di Netra");
        any_evidence = true;
      }
      continue;
    }
    page.AddSectionDictionary("LINK")->SetValue("URL", ref);
    any_evidence = true;
  }
  if (!any_evidence) page.ShowSection("NO_EVIDENCE");
}

// The status changes from the audit, oldest first, each with the note the reporter was shown.
void add_status_history(TemplateDictionary& page, const std::vector<bot::AuditEntry>& audit) {
  for (const auto& entry : audit) {
    if (entry.action != "status") continue;
    TemplateDictionary* item = page.AddSectionDictionary("HISTORY");
    item->SetValue("AT", time_label(entry.at));
    item->SetValue("FROM", entry.from_status);
    item->SetValue("TO", entry.to_status);
    item->SetValue("WHO", entry.admin_label);
    if (!entry.public_note.empty()) item->AddSectionDictionary("NOTE")->SetValue("TEXT", entry.public_note);
  }
}

// The reviewers' questions and the reporter's answers.
void add_thread(TemplateDictionary& page, const std::vector<bot::ThreadMessage>& thread) {
  if (thread.empty()) page.ShowSection("NO_MESSAGES");
  for (const auto& message : thread) {
    TemplateDictionary* item = page.AddSectionDictionary("MESSAGE");
    bool reviewer = message.author == bot::ThreadAuthor::reviewer;
    item->SetValue("AUTHOR", reviewer ? "reviewer" : "reporter");
    item->SetValue("WHO", reviewer ? "Pertanyaan dari " + message.reviewer : std::string("Jawaban pelapor"));
    item->SetValue("AT", time_label(message.at));
    item->SetValue("TEXT", message.text);
  }
}

// The status form offers only the moves the report's status allows (bot/reports.h); staying put, to change the
// public note, is one of them and is preselected.
void add_next_statuses(TemplateDictionary& page, const std::string& current) {
  for (const auto& status : bot::report_statuses()) {
    if (!bot::status_change_allowed(current, status)) continue;
    TemplateDictionary* option = page.AddSectionDictionary("NEXT_STATUS");
    option->SetValue("VALUE", status);
    option->SetValue("LABEL", status == current ? status_label(status) + " (tetap)" : status_label(status));
    if (status == current) option->ShowSection("SELECTED");
  }
}

// The reviewers' internal notes: the one a status change through the reviewer API sets on the report itself (shown
// as "lewat API"), then the desk's notes.
void add_internal_notes(TemplateDictionary& page, const bot::Report& report,
                        const std::vector<bot::InternalNote>& notes) {
  if (!report.internal_note.empty()) page.AddSectionDictionary("LEGACY_NOTE")->SetValue("TEXT", report.internal_note);
  for (const auto& note : notes) {
    TemplateDictionary* item = page.AddSectionDictionary("INTERNAL_NOTE");
    item->SetValue("WHO", note.reviewer);
    item->SetValue("AT", time_label(note.at));
    item->SetValue("TEXT", note.text);
  }
}

// Everything done to the report, newest first; a line without a reviewer is the reporter's own.
void add_audit_log(TemplateDictionary& page, const std::vector<bot::AuditEntry>& audit) {
  for (auto entry = audit.rbegin(); entry != audit.rend(); ++entry) {
    TemplateDictionary* item = page.AddSectionDictionary("AUDIT");
    item->SetValue("AT", time_label(entry->at));
    item->SetValue("WHO", entry->admin_label.empty() ? "pelapor" : entry->admin_label);
    item->SetValue("ACTION", audit_action_label(*entry));
    if (!entry->detail.empty()) item->AddSectionDictionary("DETAIL")->SetValue("TEXT", entry->detail);
  }
}


}  // namespace

std::string DeskPages::report(const PageFrame& frame, const ReportView& view,
                              const knowledge::Replies& replies) const {
  TemplateDictionary page("report");
  set_frame(page, frame);
  add_report_fields(page, view.report, replies);
  add_evidence(page, view, replies);
  add_status_history(page, view.audit);
  add_thread(page, view.thread);
  add_next_statuses(page, view.report.status);
  add_internal_notes(page, view.report, view.notes);
  add_audit_log(page, view.audit);
  return expand(*cache_, "report.tpl", page);
}

}  // namespace netra::adapters::desk
