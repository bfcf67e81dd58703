// The reviewer desk through `netra serve` over loopback HTTP: login and its throttle, session cookies and
// their end, CSRF refusals that change nothing, the pages' escaping, filters and counts, exports, the thread
// with the reporter, and the audit trail.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <thread>

#include "adapters/storage/sqlite_report_store.h"
#include "bot/reports.h"
#include "integration/desk_client.h"
#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "support/test_support.h"

using netra::testing::DeskClient;
using netra::testing::NetraProcess;
using netra::testing::TempDir;
using netra::testing::add_reviewer;
using netra::testing::chat;
using netra::testing::receipt_in;
using nlohmann::json;

namespace {

// Files a report through the web chat with the given account and place; returns its receipt code.
std::string file_report(const NetraProcess& server, const std::string& session, const std::string& what,
                        const std::string& place = "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan") {
  std::string last;
  for (const std::string& text : {std::string("lapor"), what, std::string("role:kades"), std::string("lewati"), place,
                                  std::string("kemarin sore"), std::string("lewati"), std::string("kirim")}) {
    last = chat(server, session, text);
  }
  auto code = receipt_in(last);
  if (code.empty()) throw std::runtime_error("no receipt: " + last);
  return code;
}

json api_report(const NetraProcess& server, const std::string& code) {
  auto response = server.client().Get("/api/v1/reports/" + code, {{"Authorization", "Bearer admin-token"}});
  REQUIRE(response);
  REQUIRE(response->status == 200);
  return json::parse(response->body);
}

bool has_action(const json& report, const std::string& action, const std::string& who) {
  for (const auto& entry : report["audit"]) {
    if (entry["action"] == action && entry["admin"] == who) return true;
  }
  return false;
}

struct Desk {
  TempDir dir;
  std::string password;
  std::unique_ptr<NetraProcess> server;
  explicit Desk(std::map<std::string, std::string> env = {}) {
    password = add_reviewer(dir.file("var"), "ani");
    env.emplace("NETRA_ADMIN_TOKEN", "admin-token");
    server = std::make_unique<NetraProcess>(dir.file("var"), env);
  }
};

}  // namespace

TEST_CASE("The desk shows a login form without a session and the report list after login") {
  Desk desk;
  DeskClient browser(*desk.server);
  auto first = browser.get("/desk");
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->body.find("action=\"/desk/login\"") != std::string::npos);
  CHECK(first->body.find("name=\"name\"") != std::string::npos);
  CHECK(first->body.find("name=\"password\"") != std::string::npos);
  CHECK(first->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(first->body.find("<script") == std::string::npos);

  auto wrong = browser.post("/desk/login", {{"name", "ani"}, {"password", "salah"}});
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(browser.cookie("netra_desk").empty());

  REQUIRE(browser.login("ani", desk.password));
  bool session_cookie_checked = false;
  for (const auto& header : browser.last_set_cookies()) {
    if (header.rfind("netra_desk=", 0) != 0) continue;
    CHECK(header.find("HttpOnly") != std::string::npos);
    CHECK(header.find("SameSite=Strict") != std::string::npos);
    CHECK(header.find("Path=/desk") != std::string::npos);
    CHECK(header.find("Secure") == std::string::npos);  // plain HTTP on loopback
    session_cookie_checked = true;
  }
  CHECK(session_cookie_checked);
  auto older = file_report(*desk.server, "w1", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2");
  auto newer = file_report(*desk.server, "w2", "Camat memakai mobil dinas untuk kampanye caleg di lapangan");
  auto list = browser.get("/desk");
  REQUIRE(list);
  CHECK(list->status == 200);
  size_t newer_at = list->body.find("data-code=\"" + newer + "\"");
  size_t older_at = list->body.find("data-code=\"" + older + "\"");
  REQUIRE(newer_at != std::string::npos);
  REQUIRE(older_at != std::string::npos);
  CHECK(newer_at < older_at);  // newest first
  CHECK(list->body.find("data-status=\"baru\">Baru <b>2</b>") != std::string::npos);
}

TEST_CASE("The behind-HTTPS desk marks its cookies Secure") {
  Desk desk(std::map<std::string, std::string>{{"NETRA_DESK_ORIGIN", "https://netra.example.id"}});
  DeskClient browser(*desk.server);
  browser.get("/desk");
  std::string origin = "https://netra.example.id";
  auto login = browser.post("/desk/login", {{"name", "ani"}, {"password", desk.password}}, true, &origin);
  REQUIRE(login);
  CHECK(login->status == 303);
  REQUIRE_FALSE(browser.last_set_cookies().empty());
  CHECK(browser.last_set_cookies().front().find("; Secure") != std::string::npos);
  // The loopback origin is not the configured one: refused.
  auto local = browser.post("/desk/login", {{"name", "ani"}, {"password", desk.password}});
  REQUIRE(local);
  CHECK(local->status == 403);
}

TEST_CASE("Behind nginx (Host $host, X-Forwarded-Proto https) the desk takes its own forms and marks cookies Secure") {
  Desk desk;
  auto client = desk.server->client();
  httplib::Headers proxied = {{"Host", "netra.example.id"}, {"X-Forwarded-Proto", "https"}};
  auto page = client.Get("/desk", proxied);
  REQUIRE(page);
  std::string token = netra::testing::hidden_input(page->body, "csrf_token");
  REQUIRE(page->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
  auto login = [&](const std::string& origin) {
    httplib::Headers headers = proxied;
    headers.emplace("Origin", origin);
    headers.emplace("Cookie", "netra_desk_login=" + token);
    return client.Post("/desk/login", headers,
                       "name=ani&password=" + desk.password + "&csrf_token=" + token,
                       "application/x-www-form-urlencoded");
  };
  auto foreign = login("https://netra.example.id.evil.example");
  REQUIRE(foreign);
  CHECK(foreign->status == 403);
  auto own = login("https://netra.example.id");
  REQUIRE(own);
  CHECK(own->status == 303);
  CHECK(own->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("Wrong passwords lock the name for a while, even against the right one") {
  Desk desk;
  DeskClient browser(*desk.server);
  browser.get("/desk");
  for (int i = 0; i < 5; ++i) {
    auto wrong = browser.post("/desk/login", {{"name", "ani"}, {"password", "tebak-" + std::to_string(i)}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
  }
  auto locked = browser.post("/desk/login", {{"name", "ani"}, {"password", desk.password}});
  REQUIRE(locked);
  CHECK(locked->status == 429);
  CHECK(browser.cookie("netra_desk").empty());
  // Another reviewer is not locked out by it.
  std::string other = add_reviewer(desk.dir.file("var"), "budi");
  CHECK(browser.login("budi", other));
}

TEST_CASE("A forged POST — no token, a wrong token, another origin, no session — gets 403 and changes nothing") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  auto code = file_report(*desk.server, "w1", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2");
  REQUIRE(browser.get("/desk/reports/" + code)->status == 200);
  std::string evil = "https://evil.example";
  std::string none;
  std::map<std::string, std::string> change = {{"status", "ditinjau"}, {"public_note", "dipalsukan"}};

  auto no_token = browser.post("/desk/reports/" + code + "/status", change, false);
  CHECK(no_token->status == 403);
  auto wrong_token = browser.post("/desk/reports/" + code + "/status",
                                  {{"status", "ditinjau"}, {"public_note", "x"}, {"csrf_token", std::string(64, 'a')}},
                                  false);
  CHECK(wrong_token->status == 403);
  auto cross = browser.post("/desk/reports/" + code + "/status", change, true, &evil);
  CHECK(cross->status == 403);
  auto question = browser.post("/desk/reports/" + code + "/question", {{"question", "palsu?"}}, true, &evil);
  CHECK(question->status == 403);
  auto note = browser.post("/desk/reports/" + code + "/note", {{"internal_note", "palsu"}}, false);
  CHECK(note->status == 403);
  auto logout = browser.post("/desk/logout", {}, false);
  CHECK(logout->status == 403);
  // A page from another site posting with the browser's cookies would carry Sec-Fetch-Site: cross-site.
  auto fetch_site = desk.server->client().Post(
      "/desk/reports/" + code + "/status",
      {{"Cookie", "netra_desk=" + browser.cookie("netra_desk")}, {"Sec-Fetch-Site", "cross-site"}},
      "status=ditinjau&csrf_token=" + browser.csrf_token(), "application/x-www-form-urlencoded");
  CHECK(fetch_site->status == 403);
  DeskClient stranger(*desk.server);
  auto anonymous = stranger.post("/desk/reports/" + code + "/status", change, false, &none);
  CHECK(anonymous->status == 403);

  auto report = api_report(*desk.server, code);
  CHECK(report["status"] == "baru");
  CHECK(report["public_note"] == "");
  auto thread_page = browser.get("/desk/reports/" + code);
  CHECK(thread_page->body.find("palsu") == std::string::npos);
  CHECK_FALSE(browser.cookie("netra_desk").empty());  // the forged logout did not end the session

  auto real = browser.post("/desk/reports/" + code + "/status", change);
  CHECK(real->status == 303);
  CHECK(api_report(*desk.server, code)["status"] == "ditinjau");
}

TEST_CASE("Logout ends the session on the server, not only in the browser") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  std::string stolen = browser.cookie("netra_desk");
  browser.get("/desk");
  auto out = browser.post("/desk/logout", {});
  REQUIRE(out);
  CHECK(out->status == 303);
  CHECK(browser.cookie("netra_desk").empty());
  auto replay = desk.server->client().Get("/desk", {{"Cookie", "netra_desk=" + stolen}});
  REQUIRE(replay);
  CHECK(replay->body.find("action=\"/desk/login\"") != std::string::npos);
}

TEST_CASE("An idle session expires") {
  Desk desk(std::map<std::string, std::string>{{"NETRA_DESK_SESSION_IDLE_SECONDS", "1"}});
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  CHECK(browser.get("/desk")->body.find("data-testid=\"filters\"") != std::string::npos);
  // On purpose: the idle time-out (1 s) is what is tested, so the browser stays idle well past it.
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  auto later = browser.get("/desk");
  CHECK(later->body.find("action=\"/desk/login\"") != std::string::npos);
  CHECK(later->body.find("data-testid=\"filters\"") == std::string::npos);
}

TEST_CASE("The list filters by status, category, kabupaten and date") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  auto money = file_report(*desk.server, "w1", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2",
                           "Desa A, Kec. B, Kab. Magetan");
  auto car = file_report(*desk.server, "w2", "Camat memakai mobil dinas untuk kampanye caleg di lapangan",
                         "Desa C, Kec. D, Kota Surabaya");
  browser.get("/desk/reports/" + car);
  REQUIRE(browser.post("/desk/reports/" + car + "/status", {{"status", "ditinjau"}, {"public_note", ""}})->status == 303);
  auto rows = [&](const std::string& query) {
    auto body = browser.get("/desk" + query)->body;
    std::vector<std::string> codes;
    for (const auto& code : {money, car}) {
      if (body.find("data-code=\"" + code + "\"") != std::string::npos) codes.push_back(code);
    }
    return codes;
  };
  CHECK(rows("?status=ditinjau") == std::vector<std::string>{car});
  CHECK(rows("?category=politik-uang") == std::vector<std::string>{money});
  CHECK(rows("?kabupaten=surabaya") == std::vector<std::string>{car});
  CHECK(rows("?kabupaten=magetan&status=baru") == std::vector<std::string>{money});
  CHECK(rows("?from=2000-01-01&to=2000-12-31").empty());
  CHECK(rows("?from=2000-01-01").size() == 2);
  CHECK(rows("?status=bukan-status").size() == 2);  // a filter the page cannot produce is ignored
  auto counts = browser.get("/desk?kabupaten=magetan")->body;
  CHECK(counts.find("data-status=\"baru\">Baru <b>1</b>") != std::string::npos);
  CHECK(counts.find("data-status=\"ditinjau\">Ditinjau <b>0</b>") != std::string::npos);
}

TEST_CASE("A reporter's words are escaped on every page, and the export neutralises formulas") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  std::string hostile = "=HYPERLINK(\"http://x\") <script>alert(1)</script> kades bagi amplop uang";
  auto code = file_report(*desk.server, "w1", hostile);
  auto page = browser.get("/desk/reports/" + code)->body;
  CHECK(page.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(browser.get("/desk")->body.find("<script>") == std::string::npos);

  auto csv = browser.get("/desk/export.csv");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Content-Disposition").find("attachment") != std::string::npos);
  CHECK(csv->body.find(",\"'=HYPERLINK(\"\"http://x\"\")") != std::string::npos);
  CHECK(csv->body.find(",=HYPERLINK") == std::string::npos);
  auto exported = json::parse(browser.get("/desk/export.json?status=baru")->body);
  REQUIRE(exported.size() == 1);
  CHECK(exported[0]["what"] == hostile);  // JSON carries the text as it was; only spreadsheets run formulas

  DeskClient stranger(*desk.server);
  CHECK(stranger.get("/desk/export.csv")->status == 403);
}

TEST_CASE("The reviewer's question reaches the reporter through cek, and the answer comes back to the page") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  auto code = file_report(*desk.server, "pelapor", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2");
  browser.get("/desk/reports/" + code);
  REQUIRE(browser.post("/desk/reports/" + code + "/status",
                       {{"status", "ditinjau"}, {"public_note", "Sedang kami periksa"}})->status == 303);
  REQUIRE(browser.post("/desk/reports/" + code + "/question", {{"question", "Berapa nilai amplopnya?"}})->status == 303);
  REQUIRE(browser.post("/desk/reports/" + code + "/note", {{"internal_note", "Cek ke Panwascam"}})->status == 303);

  std::string status = chat(*desk.server, "siapa-saja", "cek " + code);
  CHECK(status.find("Ditinjau") != std::string::npos);
  CHECK(status.find("Sedang kami periksa") != std::string::npos);
  CHECK(status.find("Berapa nilai amplopnya?") != std::string::npos);
  CHECK(status.find("Cek ke Panwascam") == std::string::npos);
  CHECK(chat(*desk.server, "siapa-saja", "jawab " + code + " Lima puluh ribu per orang").find("sudah diterima") !=
        std::string::npos);

  auto page = browser.get("/desk/reports/" + code)->body;
  size_t thread = page.find("data-testid=\"thread\"");
  REQUIRE(thread != std::string::npos);
  size_t answer = page.find("Lima puluh ribu per orang", thread);
  CHECK(answer != std::string::npos);
  CHECK(page.rfind("data-testid=\"message\"", answer) > thread);
  CHECK(page.find("Cek ke Panwascam") != std::string::npos);

  auto report = api_report(*desk.server, code);
  CHECK(has_action(report, "view", "ani"));
  CHECK(has_action(report, "status", "ani"));
  CHECK(has_action(report, "question", "ani"));
  CHECK(has_action(report, "internal_note", "ani"));
  CHECK(has_action(report, "view", "admin"));  // the API's own read, under its label
}

TEST_CASE("Exports, logins and logouts are audited with the reviewer's name") {
  Desk desk;
  DeskClient browser(*desk.server);
  REQUIRE(browser.login("ani", desk.password));
  file_report(*desk.server, "w1", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2");
  browser.get("/desk/export.csv?status=baru");
  browser.get("/desk");
  browser.post("/desk/logout", {});
  desk.server->stop();
  std::string output;
  REQUIRE(netra::testing::run_netra({"reports", "export", "--json"}, {{"NETRA_DATA_DIR", desk.dir.file("var")}},
                                    output) == 0);
  // The whole trail is in reports.db; read it back through the store.
  netra::adapters::storage::SqliteReportStore store(desk.dir.file("var") + "/reports.db");
  auto trail = store.recent(20);
  auto seen = [&](const std::string& action, const std::string& who, const std::string& detail_part) {
    return std::any_of(trail.begin(), trail.end(), [&](const netra::bot::AuditEntry& entry) {
      return entry.action == action && entry.admin_label == who && entry.detail.find(detail_part) != std::string::npos;
    });
  };
  CHECK(seen("login", "ani", ""));
  CHECK(seen("export", "ani", "csv status=baru reports=1"));
  CHECK(seen("logout", "ani", ""));
  CHECK(seen("export", "cli", "json"));
}
