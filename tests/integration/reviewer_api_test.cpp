// The reviewer API through `netra serve`: off without a token, 401 without the right bearer token.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

TEST_CASE("The reviewer routes answer 404 when no admin token is configured") {
  TempDir dir;
  NetraProcess server(dir.file("var"));
  auto client = server.client();
  httplib::Headers auth = {{"Authorization", "Bearer anything"}};
  auto list = client.Get("/api/v1/reports", auth);
  REQUIRE(list);
  CHECK(list->status == 404);
  auto one = client.Get("/api/v1/reports/NTR-ABCD-EFGH", auth);
  REQUIRE(one);
  CHECK(one->status == 404);
  auto patch = client.Patch("/api/v1/reports/NTR-ABCD-EFGH", auth, R"({"status":"ditinjau"})", "application/json");
  REQUIRE(patch);
  CHECK(patch->status == 404);
}

TEST_CASE("The reviewer routes need the admin bearer token") {
  TempDir dir;
  NetraProcess server(dir.file("var"), {{"NETRA_ADMIN_TOKEN", "reviewer-token"}});
  auto client = server.client();
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer wrong"}},
        httplib::Headers{{"Authorization", "reviewer-token"}}}) {
    auto list = client.Get("/api/v1/reports", headers);
    REQUIRE(list);
    CHECK(list->status == 401);
    auto patch = client.Patch("/api/v1/reports/NTR-ABCD-EFGH", headers, R"({"status":"ditinjau"})",
                              "application/json");
    REQUIRE(patch);
    CHECK(patch->status == 401);
  }
  httplib::Headers good = {{"Authorization", "Bearer reviewer-token"}};
  auto list = client.Get("/api/v1/reports?status=baru&limit=10", good);
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(json::parse(list->body)["reports"].is_array());
  auto missing = client.Get("/api/v1/reports/NTR-0000-0000", good);
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto bad_filter = client.Get("/api/v1/reports?status=hilang", good);
  REQUIRE(bad_filter);
  CHECK(bad_filter->status == 400);
  auto bad_patch = client.Patch("/api/v1/reports/NTR-0000-0000", good, "{oops", "application/json");
  REQUIRE(bad_patch);
  CHECK(bad_patch->status == 400);
}

TEST_CASE("A report filed in the web chat can be read and moved on by a reviewer, with an audit entry") {
  TempDir dir;
  NetraProcess server(dir.file("var"), {{"NETRA_ADMIN_TOKEN", "reviewer-token"}, {"NETRA_ADMIN_LABEL", "bawaslu-1"}});
  auto client = server.client();
  // Walk the report flow until a receipt code appears; the bot asks one thing at a time.
  const std::vector<std::string> answers = {
      "lapor",
      "Kepala desa Sukamaju membagikan amplop berisi uang kepada warga sambil meminta memilih calon nomor 2.",
      "role:kades",
      "lewati",
      "Desa Sukamaju, Kec. Cibeber, Kab. Cianjur",
      "kemarin sore",
      "lewati",
      "kirim"};
  std::string code;
  for (size_t step = 0; step < answers.size() && code.empty(); ++step) {
    const std::string& text = answers[step];
    auto response = client.Post("/api/v1/chat", json{{"session", "reporter-1"}, {"text", text}}.dump(),
                                "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    auto body = json::parse(response->body);
    for (const auto& reply : body["replies"]) {
      std::string said = reply;
      if (auto at = said.find("NTR-"); at != std::string::npos && at + 13 <= said.size()) code = said.substr(at, 13);
    }
  }
  REQUIRE(code.size() == 13);
  httplib::Headers good = {{"Authorization", "Bearer reviewer-token"}};
  auto one = client.Get("/api/v1/reports/" + code, good);
  REQUIRE(one);
  REQUIRE(one->status == 200);
  auto report = json::parse(one->body);
  CHECK(report["status"] == "baru");
  CHECK(report["channel"] == "web");
  CHECK(report.dump().find("reporter-1") == std::string::npos);

  auto patch = client.Patch("/api/v1/reports/" + code, good,
                            R"({"status":"ditinjau","note":"Sedang ditinjau","internal_note":"cek saksi"})",
                            "application/json");
  REQUIRE(patch);
  REQUIRE(patch->status == 200);
  auto changed = json::parse(patch->body);
  CHECK(changed["status"] == "ditinjau");
  CHECK(changed["public_note"] == "Sedang ditinjau");
  REQUIRE_FALSE(changed["audit"].empty());
  CHECK(changed["audit"].back()["admin"] == "bawaslu-1");

  auto bad = client.Patch("/api/v1/reports/" + code, good, R"({"status":"baru"})", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 409);
  auto unknown = client.Patch("/api/v1/reports/" + code, good, R"({"status":"hilang"})", "application/json");
  REQUIRE(unknown);
  CHECK(unknown->status == 400);
  auto listed = client.Get("/api/v1/reports?status=ditinjau", good);
  REQUIRE(listed);
  CHECK(json::parse(listed->body)["reports"].size() == 1);
}
