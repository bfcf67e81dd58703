#include "adapters/desk/desk.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <sstream>

#include "adapters/app/reports_export.h"
#include "bot/clock.h"

namespace netra::adapters::desk {
namespace {

constexpr int64_t kPageSize = 100;
constexpr size_t kMaxTextChars = 2000;

// Codes arrive in paths: anything but the receipt shape never reaches the store.
bool is_code(const std::string& code) {
  if (code.size() != 13 || code.rfind("NTR-", 0) != 0 || code[8] != '-') return false;
  for (size_t i = 4; i < 13; ++i) {
    if (i != 8 && !std::isalnum(static_cast<unsigned char>(code[i]))) return false;
  }
  return true;
}

void redirect(httplib::Response& response, const std::string& location) {
  response.status = 303;
  response.set_header("Location", location);
}

std::string notice_for(const httplib::Request& request) {
  std::string done = request.get_param_value("done");
  if (done == "status") return "Status disimpan.";
  if (done == "note") return "Catatan internal disimpan.";
  if (done == "question") return "Pertanyaan dikirim. Pelapor membacanya saat mengirim cek KODE.";
  std::string error = request.get_param_value("error");
  if (error == "transition") return "Perubahan status itu tidak diizinkan dari status sekarang.";
  if (error == "text") return "Teksnya kosong atau terlalu panjang (paling banyak 2000 karakter).";
  return "";
}

}  // namespace

void set_desk_headers(httplib::Response& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                      "frame-ancestors 'none'; base-uri 'none'");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the desk's own POSTs.
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("Cache-Control", "no-store");
}

Desk::Desk(const bot::ReportStorage& storage, DeskConfig config, const bot::AnswererSlot& answerers)
    : storage_(storage),
      config_(std::move(config)),
      answerers_(answerers),
      pages_(config_.templates_dir),
      gate_(storage.reviewers, storage.audit, config_) {}

void Desk::add_routes(httplib::Server& server) {
  server.Get("/desk/desk.css", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "max-age=3600");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_content(pages_.stylesheet(), "text/css; charset=utf-8");
  });
  server.Get("/desk", [this](const httplib::Request& request, httplib::Response& response) {
    if (auto session = require_session(request, response, true)) show_list(request, response, *session);
  });
  server.Post("/desk/login", [this](const httplib::Request& request, httplib::Response& response) {
    Form form = parse_form(request);
    if (!gate_.allows_login_post(request, form)) {
      return show_login(request, response, 403, "Formulir kedaluwarsa atau dari situs lain. Silakan coba lagi.", "");
    }
    std::string name = form["name"];
    switch (gate_.login(name, form["password"], request, response)) {
      case LoginOutcome::signed_in: return redirect(response, "/desk");
      case LoginOutcome::wrong_password: return show_login(request, response, 401, "Nama atau kata sandi salah.", name);
      case LoginOutcome::throttled:
        return show_login(request, response, 429, "Terlalu banyak percobaan yang salah. Coba lagi 15 menit lagi.",
                          name);
    }
  });
  server.Post("/desk/logout", [this](const httplib::Request& request, httplib::Response& response) {
    if (auto post = require_post(request, response)) {
      audit(post->first, "logout", "");
      gate_.logout(request, response);
      redirect(response, "/desk");
    }
  });
  server.Get(R"(/desk/reports/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    if (auto session = require_session(request, response, true)) show_report(request, response, *session, request.matches[1]);
  });
  server.Post(R"(/desk/reports/([^/]+)/status)",
              [this](const httplib::Request& request, httplib::Response& response) { change_status(request, response); });
  server.Post(R"(/desk/reports/([^/]+)/note)",
              [this](const httplib::Request& request, httplib::Response& response) { add_note(request, response); });
  server.Post(R"(/desk/reports/([^/]+)/question)",
              [this](const httplib::Request& request, httplib::Response& response) { ask_reporter(request, response); });
  server.Get(R"(/desk/evidence/(\d{1,18}))",
             [this](const httplib::Request& request, httplib::Response& response) { send_evidence(request, response); });
  server.Get("/desk/export.csv", [this](const httplib::Request& request, httplib::Response& response) {
    send_export(request, response, true);
  });
  server.Get("/desk/export.json", [this](const httplib::Request& request, httplib::Response& response) {
    send_export(request, response, false);
  });
}

std::optional<bot::DeskSession> Desk::require_session(const httplib::Request& request, httplib::Response& response,
                                                      bool page) {
  if (auto session = gate_.session(request)) return session;
  if (!page) {
    show_message(response, 403, std::nullopt, "Tidak diizinkan", "Masuk dulu ke meja peninjau.");
  } else if (request.path == "/desk") {
    show_login(request, response, 200, "", "");
  } else {
    redirect(response, "/desk");
  }
  return std::nullopt;
}

std::optional<std::pair<bot::DeskSession, Form>> Desk::require_post(const httplib::Request& request,
                                                                    httplib::Response& response) {
  Form form = parse_form(request);
  auto session = gate_.session(request);
  if (session && gate_.allows_post(request, form, *session)) return std::make_pair(*session, std::move(form));
  spdlog::warn("event=desk_post_refused path_kind={} session={}", request.path.rfind("/desk/reports/", 0) == 0 ? "report" : request.path,
               session ? "yes" : "no");
  show_message(response, 403, session, "Permintaan ditolak",
               session ? "Formulir ini tidak berasal dari meja peninjau atau sudah kedaluwarsa. Muat ulang halaman "
                         "lalu coba lagi."
                       : "Sesi Anda sudah berakhir. Silakan masuk lagi.");
  return std::nullopt;
}

void Desk::audit(const bot::DeskSession& session, const std::string& action, const std::string& code,
                 const std::string& detail) {
  bot::AuditEntry entry;
  entry.action = action;
  entry.receipt_code = code;
  entry.admin_label = session.reviewer;
  entry.detail = detail;
  storage_.audit.record(entry);
}

void Desk::show_login(const httplib::Request& request, httplib::Response& response, int status,
                      const std::string& notice, const std::string& name) {
  PageFrame frame{"Masuk", std::nullopt, gate_.issue_login_token(request, response), notice, status != 200};
  set_desk_headers(response);
  response.status = status;
  response.set_content(pages_.login(frame, name), "text/html; charset=utf-8");
}

void Desk::show_message(httplib::Response& response, int status, const std::optional<bot::DeskSession>& session,
                        const std::string& heading, const std::string& text) {
  PageFrame frame{heading, session ? std::optional(session->reviewer) : std::nullopt,
                  session ? session->csrf_token : "", "", false};
  set_desk_headers(response);
  response.status = status;
  response.set_content(pages_.message(frame, heading, text), "text/html; charset=utf-8");
}

void Desk::show_list(const httplib::Request& request, httplib::Response& response, const bot::DeskSession& session) {
  ListView view;
  view.filter = filter_from_query(request, kPageSize + 1);  // one more than shown: is there a next page?
  view.reports = storage_.reports.list(view.filter);
  view.filter.limit = kPageSize;
  view.more = static_cast<int64_t>(view.reports.size()) > kPageSize;
  if (view.more) view.reports.pop_back();
  view.counts = storage_.reports.count_by_status(view.filter);
  PageFrame frame{"Laporan", session.reviewer, session.csrf_token, "", false};
  set_desk_headers(response);
  response.set_content(pages_.report_list(frame, view, answerers_.current()->knowledge().replies()), "text/html; charset=utf-8");
}

void Desk::show_report(const httplib::Request& request, httplib::Response& response, const bot::DeskSession& session,
                       const std::string& code) {
  auto report = is_code(code) ? storage_.reports.find(code) : std::nullopt;
  if (!report) return show_message(response, 404, session, "Tidak ditemukan", "Tidak ada laporan dengan kode itu.");
  audit(session, "view", code);
  ReportView view{*report, storage_.evidence.evidence_files(code), storage_.threads.thread(code),
                  storage_.threads.internal_notes(code), storage_.audit.trail(code)};
  std::string notice = notice_for(request);
  PageFrame frame{code, session.reviewer, session.csrf_token, notice, request.has_param("error")};
  set_desk_headers(response);
  response.set_content(pages_.report(frame, view, answerers_.current()->knowledge().replies()), "text/html; charset=utf-8");
}

void Desk::change_status(const httplib::Request& request, httplib::Response& response) {
  auto post = require_post(request, response);
  if (!post) return;
  auto& [session, form] = *post;
  std::string code = request.matches[1];
  std::optional<std::string> note;
  if (auto given = form.find("public_note"); given != form.end()) {
    note = clean_text(given->second, kMaxTextChars);
    if (!note) return redirect(response, "/desk/reports/" + code + "?error=text");
  }
  switch (storage_.reports.change_status(code, form["status"], note, std::nullopt, session.reviewer)) {
    case bot::StatusChange::ok:
      spdlog::info("event=report_status_changed status={} admin={}", form["status"], session.reviewer);
      return redirect(response, "/desk/reports/" + code + "?done=status");
    case bot::StatusChange::not_found:
      return show_message(response, 404, session, "Tidak ditemukan", "Tidak ada laporan dengan kode itu.");
    case bot::StatusChange::invalid_status:
    case bot::StatusChange::invalid_transition:
      return redirect(response, "/desk/reports/" + code + "?error=transition");
  }
}

void Desk::add_note(const httplib::Request& request, httplib::Response& response) {
  auto post = require_post(request, response);
  if (!post) return;
  auto& [session, form] = *post;
  std::string code = request.matches[1];
  auto text = text_field(form, "internal_note", kMaxTextChars);
  if (!text) return redirect(response, "/desk/reports/" + code + "?error=text");
  if (!storage_.threads.add_internal_note(code, session.reviewer, *text)) {
    return show_message(response, 404, session, "Tidak ditemukan", "Tidak ada laporan dengan kode itu.");
  }
  redirect(response, "/desk/reports/" + code + "?done=note");
}

void Desk::ask_reporter(const httplib::Request& request, httplib::Response& response) {
  auto post = require_post(request, response);
  if (!post) return;
  auto& [session, form] = *post;
  std::string code = request.matches[1];
  auto text = text_field(form, "question", kMaxTextChars);
  if (!text) return redirect(response, "/desk/reports/" + code + "?error=text");
  if (!storage_.threads.add_question(code, session.reviewer, *text)) {
    return show_message(response, 404, session, "Tidak ditemukan", "Tidak ada laporan dengan kode itu.");
  }
  redirect(response, "/desk/reports/" + code + "?done=question");
}

void Desk::send_evidence(const httplib::Request& request, httplib::Response& response) {
  auto session = require_session(request, response, false);
  if (!session) return;
  int64_t id = 0;
  const std::string text = request.matches[1];
  std::from_chars(text.data(), text.data() + text.size(), id);
  auto found = storage_.evidence.evidence_file(id);
  if (!found || found->second.problem != bot::EvidenceProblem::none) {
    return show_message(response, 404, session, "Tidak ditemukan", "Berkas bukti itu tidak ada.");
  }
  auto& [code, file] = *found;
  audit(*session, "evidence_view", code, "file " + std::to_string(id));
  set_desk_headers(response);
  // The bytes were checked to be one of the kept types; still, nothing in them may run: sandboxed, and a PDF
  // is downloaded rather than opened inside the desk's origin.
  response.set_header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
  if (file.kind != "photo") {
    response.set_header("Content-Disposition", "attachment; filename=\"bukti-" + code + "-" + std::to_string(id) + ".pdf\"");
  }
  response.set_content(std::move(file.content), file.mime_type);
}

void Desk::send_export(const httplib::Request& request, httplib::Response& response, bool csv) {
  auto session = require_session(request, response, false);
  if (!session) return;
  bot::ReportFilter filter = filter_from_query(request, -1);
  filter.offset = 0;
  auto reports = storage_.reports.list(filter);
  audit(*session, "export", "",
        std::string(csv ? "csv" : "json") + (filter.status ? " status=" + *filter.status : "") +
            (filter.category ? " category=" + *filter.category : "") +
            (filter.kabupaten ? " kabupaten=" + *filter.kabupaten : "") + " reports=" + std::to_string(reports.size()));
  set_desk_headers(response);
  std::string day = bot::utc_day(bot::unix_now());
  response.set_header("Content-Disposition",
                      "attachment; filename=\"netra-laporan-" + day + (csv ? ".csv\"" : ".json\""));
  if (csv) {
    std::ostringstream out;
    write_reports_csv(reports, out);
    response.set_content(out.str(), "text/csv; charset=utf-8");
  } else {
    response.set_content(reports_export_json(storage_.audit, reports).dump(2), "application/json");
  }
}

}  // namespace netra::adapters::desk
