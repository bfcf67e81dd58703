// Reviewer accounts, desk sessions and login throttling in the report store (bot/reviewer_accounts.cpp).
#include <catch2/catch.hpp>

#include "bot/clock.h"
#include "bot/reports.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::TempDir;
using netra::testing::read_file;

TEST_CASE("a new reviewer gets a generated password that verifies, and only its hash is stored", "[accounts]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto password = desk.add_reviewer("budi.s");
  REQUIRE(password);
  CHECK(password->size() == 24);
  CHECK(desk.verify_reviewer("budi.s", *password));
  CHECK_FALSE(desk.verify_reviewer("budi.s", *password + "x"));
  CHECK_FALSE(desk.verify_reviewer("budi.s", ""));
  CHECK_FALSE(desk.verify_reviewer("siapa", *password));
  auto other = desk.add_reviewer("sri");
  REQUIRE(other);
  CHECK(*other != *password);
  std::string file = read_file(dir.file("reports.db")) + read_file(dir.file("reports.db-wal"));
  CHECK(file.find(*password) == std::string::npos);
  CHECK(file.find("$argon2id$") != std::string::npos);
}

TEST_CASE("reviewer names are unique and limited to a safe alphabet", "[accounts]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  REQUIRE(desk.add_reviewer("bawaslu-1"));
  CHECK_FALSE(desk.add_reviewer("bawaslu-1"));
  CHECK_THROWS_AS(desk.add_reviewer("<script>"), std::invalid_argument);
  CHECK_THROWS_AS(desk.add_reviewer(""), std::invalid_argument);
  CHECK_THROWS_AS(desk.add_reviewer(std::string(65, 'a')), std::invalid_argument);
  auto accounts = desk.reviewers();
  REQUIRE(accounts.size() == 1);
  CHECK(accounts[0].name == "bawaslu-1");
  CHECK(accounts[0].created_at.size() == 20);
}

TEST_CASE("removing a reviewer ends their sessions and their password stops working", "[accounts]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  auto password = desk.add_reviewer("ani");
  REQUIRE(password);
  int64_t now = unix_now();
  auto token = desk.open_desk_session("ani", now);
  REQUIRE(desk.find_desk_session(token, {}, now));
  CHECK(desk.remove_reviewer("ani"));
  CHECK_FALSE(desk.remove_reviewer("ani"));
  CHECK_FALSE(desk.find_desk_session(token, {}, now));
  CHECK_FALSE(desk.verify_reviewer("ani", *password));
  CHECK(desk.reviewers().empty());
}

TEST_CASE("a desk session carries a CSRF token and ends when idle, when too old, or at logout", "[accounts]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  REQUIRE(desk.add_reviewer("ani"));
  DeskSessionPolicy policy{600, 3600};
  int64_t start = 1'800'000'000;
  auto token = desk.open_desk_session("ani", start);
  CHECK(token.size() == 64);
  auto session = desk.find_desk_session(token, policy, start + 10);
  REQUIRE(session);
  CHECK(session->reviewer == "ani");
  CHECK(session->csrf_token.size() == 64);
  CHECK(session->csrf_token != token);
  CHECK_FALSE(desk.find_desk_session(token + "0", policy, start));
  // Kept alive by use, every few minutes, until the absolute limit.
  for (int64_t at = start + 500; at < start + 3600; at += 500) REQUIRE(desk.find_desk_session(token, policy, at));
  CHECK_FALSE(desk.find_desk_session(token, policy, start + 3601));

  auto idle = desk.open_desk_session("ani", start);
  CHECK_FALSE(desk.find_desk_session(idle, policy, start + 601));
  CHECK_FALSE(desk.find_desk_session(idle, policy, start + 10));  // deleted, not only refused

  auto ended = desk.open_desk_session("ani", start);
  desk.close_desk_session(ended);
  CHECK_FALSE(desk.find_desk_session(ended, policy, start));
}

TEST_CASE("the session token is stored only as a hash", "[accounts]") {
  TempDir dir;
  std::string token;
  {
    ReportDesk desk(dir.file("reports.db"));
    REQUIRE(desk.add_reviewer("ani"));
    token = desk.open_desk_session("ani", unix_now());
  }
  std::string file = read_file(dir.file("reports.db")) + read_file(dir.file("reports.db-wal"));
  CHECK(file.find(token) == std::string::npos);
  ReportDesk reopened(dir.file("reports.db"));
  CHECK(reopened.find_desk_session(token, {}, unix_now()));
}

TEST_CASE("login failures are counted per key within their window and cleared on success", "[accounts]") {
  TempDir dir;
  ReportDesk desk(dir.file("reports.db"));
  int64_t now = 1'800'000'000;
  CHECK(desk.record_login_failure("name:ani", now, 900) == 1);
  CHECK(desk.record_login_failure("name:ani", now + 1, 900) == 2);
  CHECK(desk.record_login_failure("name:budi", now + 1, 900) == 1);
  CHECK(desk.login_failures("name:ani", now + 2, 900) == 2);
  CHECK(desk.login_failures("name:ani", now + 901, 900) == 0);
  desk.clear_login_failures("name:budi");
  CHECK(desk.login_failures("name:budi", now + 2, 900) == 0);
}
