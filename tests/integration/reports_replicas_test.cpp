// The report side of two `netra serve` replicas on one throwaway PostgreSQL 15 (issue 13), over real HTTP on
// loopback: a report filed through one replica is on the desk of the other, a desk session opened on one is valid
// on the other, the reviewer's question and the reporter's answer cross between them, and the commands an
// operator runs — `netra reviewer`, `netra reports export`, `netra reports expire` — work on the same database
// with NETRA_DATABASE_URL set. Nothing of the reports is kept in the replicas' data directories.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/storage/postgres_connection.h"
#include "integration/desk_client.h"
#include "integration/netra_process.h"
#include "integration/report_chat.h"
#include "support/postgres_server.h"
#include "support/test_support.h"

using netra::testing::chat;
using netra::testing::DeskClient;
using netra::testing::NetraProcess;
using netra::testing::PostgresServer;
using netra::testing::receipt_in;
using netra::testing::run_netra;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

struct ReportReplicas {
  PostgresServer database;
  TempDir dir;
  std::map<std::string, std::string> env;
  std::unique_ptr<NetraProcess> a, b;

  ReportReplicas() {
    env = {{"NETRA_DATABASE_URL", database.url()},
           {"NETRA_SECRET", "0123456789abcdef0123456789abcdef"},
           {"NETRA_ADMIN_TOKEN", "admin-token"}};
  }
  void start() {
    a = std::make_unique<NetraProcess>(dir.file("replica-a"), env);
    b = std::make_unique<NetraProcess>(dir.file("replica-b"), env);
  }
  // `netra ARGS…` as an operator runs it on some host with the replicas' configuration; its own data directory.
  int command(const std::vector<std::string>& args, std::string& output) {
    auto command_env = env;
    command_env["NETRA_DATA_DIR"] = dir.file("operator");
    return run_netra(args, command_env, output);
  }
  void execute(const std::string& sql) {
    netra::adapters::storage::PgConnection connection(database.url());
    connection.exec(sql);
  }
};

std::string last_line(std::string output) {
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output.substr(output.rfind('\n') + 1);
}

std::string file_report(const NetraProcess& server, const std::string& session, const std::string& what) {
  std::string last;
  for (const std::string& text : {std::string("lapor"), what, std::string("role:kades"), std::string("lewati"),
                                  std::string("Desa Sukorejo, Kec. Karangrejo, Kab. Magetan"),
                                  std::string("kemarin sore"), std::string("lewati"), std::string("kirim")}) {
    last = chat(server, session, text);
  }
  auto code = receipt_in(last);
  if (code.empty()) throw std::runtime_error("no receipt: " + last);
  return code;
}

int api_status(const NetraProcess& server, const std::string& code, json* body = nullptr) {
  auto response = server.client().Get("/api/v1/reports/" + code, {{"Authorization", "Bearer admin-token"}});
  if (!response) return 0;
  if (body && response->status == 200) *body = json::parse(response->body);
  return response->status;
}

}  // namespace

TEST_CASE(
    "with NETRA_DATABASE_URL the replicas share reports, the desk and its sessions, and the commands work "
    "on the same database",
    "[postgres][replicas]") {
  ReportReplicas replicas;
  std::string output;
  // The operator makes an account before any replica ran: the command migrates the schema itself.
  REQUIRE(replicas.command({"reviewer", "add", "ani"}, output) == 0);
  std::string password = last_line(output);
  REQUIRE(password.size() == 24);
  CHECK_FALSE(std::filesystem::exists(replicas.dir.file("operator") + "/reports.db"));
  CHECK_FALSE(std::filesystem::exists(replicas.dir.file("operator") + "/secret"));
  replicas.start();

  auto code = file_report(*replicas.a, "pelapor", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2");

  // The desk on B lists what A filed; its session is good on A too (the load balancer may send the next page
  // anywhere).
  DeskClient on_b(*replicas.b);
  REQUIRE(on_b.login("ani", password));
  CHECK(on_b.get("/desk")->body.find("data-code=\"" + code + "\"") != std::string::npos);
  std::string cookie = "netra_desk=" + on_b.cookie("netra_desk");
  auto on_a = replicas.a->client().Get("/desk/reports/" + code, {{"Cookie", cookie}});
  REQUIRE(on_a);
  CHECK(on_a->status == 200);
  CHECK(on_a->body.find("data-testid=\"report-detail\"") != std::string::npos);

  // A question asked on B reaches the reporter chatting through A, and the answer comes back to B's page.
  on_b.get("/desk/reports/" + code);
  REQUIRE(on_b.post("/desk/reports/" + code + "/question", {{"question", "Berapa nilai amplopnya?"}})->status == 303);
  CHECK(chat(*replicas.a, "siapa-saja", "cek " + code).find("Berapa nilai amplopnya?") != std::string::npos);
  CHECK(chat(*replicas.a, "siapa-saja", "jawab " + code + " Lima puluh ribu per orang").find("sudah diterima") !=
        std::string::npos);
  CHECK(on_b.get("/desk/reports/" + code)->body.find("Lima puluh ribu per orang") != std::string::npos);

  // The reviewer API on A sees the views made through B and A's desk, in one audit trail.
  json report;
  REQUIRE(api_status(*replicas.a, code, &report) == 200);
  int views = 0;
  for (const auto& entry : report["audit"]) views += entry["action"] == "view" && entry["admin"] == "ani";
  CHECK(views >= 3);

  // The operator's commands on the same database.
  REQUIRE(replicas.command({"reports", "export", "--json"}, output) == 0);
  CHECK(output.find(code) != std::string::npos);
  REQUIRE(replicas.command({"reviewer", "list"}, output) == 0);
  CHECK(output.find("ani\t") != std::string::npos);
  auto rejected = replicas.a->client().Patch("/api/v1/reports/" + code, {{"Authorization", "Bearer admin-token"}},
                                             R"({"status": "ditolak"})", "application/json");
  REQUIRE(rejected);
  REQUIRE(rejected->status == 200);
  replicas.execute("UPDATE reports SET updated_at = current_date - 200 WHERE code = '" + code + "'");
  REQUIRE(replicas.command({"reports", "expire"}, output) == 0);
  CHECK(output.find("expired 1 report") != std::string::npos);
  CHECK(api_status(*replicas.b, code) == 404);
  CHECK(api_status(*replicas.a, code) == 404);

  // Removing the account ends its session on every replica.
  REQUIRE(replicas.command({"reviewer", "remove", "ani"}, output) == 0);
  auto after = replicas.b->client().Get("/desk/reports/" + code, {{"Cookie", cookie}});
  REQUIRE(after);
  CHECK(after->status != 200);

  for (const char* replica : {"replica-a", "replica-b"}) {
    INFO(replica);
    CHECK_FALSE(std::filesystem::exists(replicas.dir.file(replica) + "/reports.db"));
  }
}

TEST_CASE("a report command with an unreachable database says so and fails", "[postgres][replicas]") {
  TempDir dir;
  std::string output;
  std::map<std::string, std::string> env = {{"NETRA_DATA_DIR", dir.file("var")},
                                            {"NETRA_DATABASE_URL", "postgresql://netra:rahasia@127.0.0.1:1/netra"},
                                            {"NETRA_DATABASE_CONNECT_SECONDS", "1"}};
  CHECK(run_netra({"reviewer", "list"}, env, output) == 1);
  CHECK(output.find("PostgreSQL") != std::string::npos);
  CHECK(output.find("rahasia") == std::string::npos);  // the password never shows
  CHECK(run_netra({"reports", "export", "--csv"}, env, output) == 1);
  CHECK(run_netra({"reports", "expire"}, env, output) == 1);
}
