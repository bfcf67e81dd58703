// Reviewer accounts, desk sessions and login throttling: the service (bot/reviewer_accounts.h) over each
// backend's ReviewerStore, the same cases on every backend.
#include <catch2/catch.hpp>

#include "bot/clock.h"
#include "bot/reviewer_accounts.h"
#include "storage/report_backends.h"

using namespace netra::bot;

TEST_CASE("a new reviewer gets a generated password that verifies, and only its hash is stored", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  ReviewerAccounts desk(backend->storage().reviewers);
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
  std::string stored = backend->stored_bytes();
  CHECK(stored.find(*password) == std::string::npos);
  CHECK(stored.find("$argon2id$") != std::string::npos);
}

TEST_CASE("reviewer names are unique and limited to a safe alphabet", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  ReviewerAccounts desk(backend->storage().reviewers);
  REQUIRE(desk.add_reviewer("bawaslu-1"));
  CHECK_FALSE(desk.add_reviewer("bawaslu-1"));
  CHECK_THROWS_AS(desk.add_reviewer("<script>"), std::invalid_argument);
  CHECK_THROWS_AS(desk.add_reviewer(""), std::invalid_argument);
  CHECK_THROWS_AS(desk.add_reviewer(std::string(65, 'a')), std::invalid_argument);
  REQUIRE(desk.add_reviewer("ani"));
  auto accounts = desk.reviewers();
  REQUIRE(accounts.size() == 2);
  CHECK(accounts[0].name == "ani");  // by name
  CHECK(accounts[1].name == "bawaslu-1");
  CHECK(accounts[1].created_at.size() == 20);
}

TEST_CASE("removing a reviewer ends their sessions and their password stops working", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  ReviewerAccounts desk(backend->storage().reviewers);
  auto password = desk.add_reviewer("ani");
  REQUIRE(password);
  REQUIRE(desk.add_reviewer("budi"));
  int64_t now = unix_now();
  auto token = desk.open_desk_session("ani", now);
  auto kept = desk.open_desk_session("budi", now);
  REQUIRE(desk.find_desk_session(token, {}, now));
  CHECK(desk.remove_reviewer("ani"));
  CHECK_FALSE(desk.remove_reviewer("ani"));
  CHECK_FALSE(desk.find_desk_session(token, {}, now));
  CHECK_FALSE(desk.verify_reviewer("ani", *password));
  CHECK(desk.find_desk_session(kept, {}, now));
  REQUIRE(desk.reviewers().size() == 1);
}

TEST_CASE("a desk session carries a CSRF token and ends when idle, when too old, or at logout", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  ReviewerAccounts desk(backend->storage().reviewers);
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
  CHECK(session->created_at == start);
  CHECK_FALSE(desk.find_desk_session(token + "0", policy, start));
  // Kept alive by use, every few minutes, until the absolute limit.
  for (int64_t at = start + 500; at < start + 3600; at += 500) REQUIRE(desk.find_desk_session(token, policy, at));
  CHECK(desk.find_desk_session(token, policy, start + 3590)->last_seen == start + 3590);
  CHECK_FALSE(desk.find_desk_session(token, policy, start + 3601));

  auto idle = desk.open_desk_session("ani", start);
  CHECK_FALSE(desk.find_desk_session(idle, policy, start + 601));
  CHECK_FALSE(desk.find_desk_session(idle, policy, start + 10));  // deleted, not only refused

  auto ended = desk.open_desk_session("ani", start);
  desk.close_desk_session(ended);
  CHECK_FALSE(desk.find_desk_session(ended, policy, start));
}

TEST_CASE("the session token is stored only as a hash, and sessions outlive a restart", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  std::string token;
  {
    ReviewerAccounts desk(backend->storage().reviewers);
    REQUIRE(desk.add_reviewer("ani"));
    token = desk.open_desk_session("ani", unix_now());
  }
  CHECK(backend->stored_bytes().find(token) == std::string::npos);
  backend->reopen();
  ReviewerAccounts reopened(backend->storage().reviewers);
  CHECK(reopened.find_desk_session(token, {}, unix_now()));
}

TEST_CASE("login failures are counted per key within their window and cleared on success", "[accounts]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto& desk = backend->storage().reviewers;
  int64_t now = 1'800'000'000;
  CHECK(desk.record_login_failure("name:ani", now, 900) == 1);
  CHECK(desk.record_login_failure("name:ani", now + 1, 900) == 2);
  CHECK(desk.record_login_failure("name:budi", now + 1, 900) == 1);
  CHECK(desk.login_failures("name:ani", now + 2, 900) == 2);
  CHECK(desk.login_failures("name:ani", now + 901, 900) == 0);
  CHECK(desk.record_login_failure("name:ani", now + 900, 900) == 2);  // the first one fell out of the window
  desk.clear_login_failures("name:budi");
  CHECK(desk.login_failures("name:budi", now + 2, 900) == 0);
}
