// The reviewer desk at /desk: server-rendered pages over the report store for the people who act on reports.
// Routes (each handler a few lines; the work is in the store, the gate and the pages):
//   GET  /desk                          login form, or the report list with filters and counts per status
//   POST /desk/login, /desk/logout
//   GET  /desk/reports/{code}           one report: fields, evidence, status history, thread, notes, audit
//   POST /desk/reports/{code}/status    status + public note      POST …/note      internal note
//   POST /desk/reports/{code}/question  a question to the reporter (read with `cek CODE`)
//   GET  /desk/evidence/{id}            an evidence file, to signed-in reviewers only
//   GET  /desk/export.csv, /desk/export.json   the filtered list
//   GET  /desk/desk.css
// Every view, change, note, question and export is audited with the reviewer's name.
#pragma once

#include <httplib.h>

#include <memory>

#include "adapters/app/config.h"
#include "adapters/desk/desk_gate.h"
#include "adapters/desk/desk_pages.h"
#include "bot/answerer_slot.h"
#include "bot/report_storage.h"
#include "bot/reports.h"

namespace netra::adapters::desk {

class Desk {
 public:
  // Loads the templates (throws std::runtime_error when they are missing or broken). The backend behind
  // `storage` and `answerers` must outlive the desk, and the desk the server it is added to. Labels the chat
  // also shows (a report's category, why an evidence file is missing) come from the current knowledge's
  // replies.txt, so a reload changes them on the desk too.
  Desk(const bot::ReportStorage& storage, DeskConfig config, const bot::AnswererSlot& answerers);
  void add_routes(httplib::Server& server);

 private:
  // The signed-in session, or nullopt after answering: the login page for GET /desk, a redirect to it for other
  // pages, 403 for files and POSTs.
  std::optional<bot::DeskSession> require_session(const httplib::Request& request, httplib::Response& response,
                                                  bool page);
  // For POSTs: the session and its form when the CSRF checks pass, else 403 (and nothing changes).
  std::optional<std::pair<bot::DeskSession, Form>> require_post(const httplib::Request& request,
                                                                httplib::Response& response);
  void show_list(const httplib::Request& request, httplib::Response& response, const bot::DeskSession& session);
  void show_report(const httplib::Request& request, httplib::Response& response, const bot::DeskSession& session,
                   const std::string& code);
  void show_login(const httplib::Request& request, httplib::Response& response, int status,
                  const std::string& notice, const std::string& name);
  void show_message(httplib::Response& response, int status, const std::optional<bot::DeskSession>& session,
                    const std::string& heading, const std::string& text);
  void change_status(const httplib::Request& request, httplib::Response& response);
  void add_note(const httplib::Request& request, httplib::Response& response);
  void ask_reporter(const httplib::Request& request, httplib::Response& response);
  void send_evidence(const httplib::Request& request, httplib::Response& response);
  void send_export(const httplib::Request& request, httplib::Response& response, bool csv);
  void audit(const bot::DeskSession& session, const std::string& action, const std::string& code,
             const std::string& detail = "");

  bot::ReportStorage storage_;
  DeskConfig config_;
  const bot::AnswererSlot& answerers_;
  DeskPages pages_;
  DeskGate gate_;
};

// Headers every desk response carries: a Content-Security-Policy that allows nothing from elsewhere (and no
// script at all), no framing, no sniffing, no caching, no referrer.
void set_desk_headers(httplib::Response& response);

}  // namespace netra::adapters::desk
