// The PostgreSQL report store's own behaviour (adapters/storage/postgres_report_store.h): what several replicas on
// one database do to each other. Two stores on two pools stand for two `netra serve` processes. What both
// backends share is in the report contract tests (report_*_test.cpp).
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_pool.h"
#include "adapters/storage/postgres_report_store.h"
#include "bot/clock.h"
#include "bot/reviewer_accounts.h"
#include "bot/storage_error.h"
#include "support/postgres_server.h"

using namespace netra::adapters::storage;
using namespace netra::bot;
using netra::testing::PostgresServer;

namespace {

// A server with the schema migrated and two replicas' report stores on it.
struct TwoReplicas {
  PostgresServer server;
  PgPool pool_a{PgPoolConfig{server.url(), 4}};
  PgPool pool_b{PgPoolConfig{server.url(), 4}};
  PostgresReportStore a{pool_a};
  PostgresReportStore b{pool_b};
  TwoReplicas() {
    auto connection = pool_a.acquire();
    migrate(*connection, postgres_migrations());
  }
};

ReportDraft draft(const std::string& submission_id = "") {
  ReportDraft d;
  d.what = "Kepala desa membagikan amplop untuk paslon 2";
  d.category = "politik-uang";
  d.kabupaten = "Kab. Magetan";
  d.submission_id = submission_id;
  return d;
}

// Runs `work(i)` on `count` threads started together.
template <typename Work>
void at_once(int count, Work work) {
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      work(i);
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
}

}  // namespace

TEST_CASE("the same submission filed on two replicas at once gets one report and one receipt", "[postgres]") {
  TwoReplicas replicas;
  for (int round = 0; round < 5; ++round) {
    std::string submission = "submission-" + std::to_string(round);
    std::vector<std::string> codes(6);
    at_once(6, [&](int i) { codes[i] = (i % 2 ? replicas.a : replicas.b).file(draft(submission), {}); });
    CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 1);
    CHECK(replicas.a.filed_code(submission) == codes[0]);
  }
  CHECK(replicas.b.count() == 5);
}

TEST_CASE("reports filed on two replicas at once all get their own receipt code", "[postgres]") {
  TwoReplicas replicas;
  std::vector<std::string> codes(40);
  at_once(8, [&](int i) {
    for (int n = i; n < 40; n += 8) codes[n] = (i % 2 ? replicas.a : replicas.b).file(draft(), {});
  });
  CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 40);
  ReportFilter all;
  all.limit = -1;
  CHECK(replicas.a.list(all).size() == 40);
}

TEST_CASE("answers sent to two replicas at once stay within the limit per question", "[postgres]") {
  TwoReplicas replicas;
  auto code = replicas.a.file(draft(), {});
  REQUIRE(replicas.a.add_question(code, "ani", "Jam berapa?"));
  std::atomic<int> accepted{0};
  at_once(12, [&](int i) {
    if ((i % 2 ? replicas.a : replicas.b).add_answer(code, "jawaban " + std::to_string(i)) == ThreadReply::accepted) {
      ++accepted;
    }
  });
  CHECK(accepted == ReportThreadStore::kMaxAnswersPerQuestion);
  CHECK(replicas.b.thread(code).size() == 1 + ReportThreadStore::kMaxAnswersPerQuestion);
}

TEST_CASE("status changes from two replicas apply one after the other, each audited once", "[postgres]") {
  TwoReplicas replicas;
  auto code = replicas.a.file(draft(), {});
  std::atomic<int> changed{0};
  // Both try baru → ditinjau: the second sees ditinjau and may only stay (allowed: a note change) — never a lost
  // update or a skipped step.
  at_once(2, [&](int i) {
    if ((i ? replicas.a : replicas.b)
            .change_status(code, "ditinjau", "catatan " + std::to_string(i), std::nullopt, "r" + std::to_string(i)) ==
        StatusChange::ok) {
      ++changed;
    }
  });
  CHECK(changed == 2);
  auto trail = replicas.a.trail(code);
  REQUIRE(trail.size() == 2);
  CHECK(trail[0].from_status == "baru");
  CHECK(trail[1].from_status == "ditinjau");  // the second change saw the first one's result
  CHECK(replicas.b.find(code)->public_note == trail[1].public_note);
}

TEST_CASE("two replicas sweeping at once expire each report once, with one audit line", "[postgres]") {
  TwoReplicas replicas;
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    codes.push_back(replicas.a.file(draft(), {}));
    REQUIRE(replicas.a.change_status(codes.back(), "ditolak", std::nullopt, std::nullopt, "r") == StatusChange::ok);
  }
  RetentionPolicy policy;
  int64_t later = unix_now() + 181 * 86400;
  std::vector<std::vector<std::string>> removed(2);
  at_once(2, [&](int i) { removed[i] = (i ? replicas.a : replicas.b).expire(policy, later); });
  CHECK(removed[0].size() + removed[1].size() == 10);
  for (const auto& code : codes) {
    auto trail = replicas.b.trail(code);
    REQUIRE(trail.size() == 1);
    CHECK(trail[0].action == "expire");
  }
  CHECK(replicas.a.count() == 0);
}

TEST_CASE("a desk session and the login throttle are shared by the replicas", "[postgres]") {
  TwoReplicas replicas;
  ReviewerAccounts on_a(replicas.a), on_b(replicas.b);
  auto password = on_a.add_reviewer("ani");
  REQUIRE(password);
  CHECK(on_b.verify_reviewer("ani", *password));
  int64_t now = unix_now();
  auto token = on_a.open_desk_session("ani", now);
  CHECK(on_b.find_desk_session(token, {}, now + 60));
  on_b.close_desk_session(token);
  CHECK_FALSE(on_a.find_desk_session(token, {}, now + 61));
  replicas.a.record_login_failure("name:ani", now, 900);
  CHECK(replicas.b.record_login_failure("name:ani", now + 1, 900) == 2);
}

TEST_CASE("while the database is down the store says so, and it carries on when it is back", "[postgres]") {
  TwoReplicas replicas;
  auto code = replicas.a.file(draft(), {});
  replicas.server.stop();
  CHECK_THROWS_AS(replicas.a.find(code), StorageUnavailable);
  CHECK_THROWS_AS(replicas.a.file(draft(), {}), StorageUnavailable);
  replicas.server.start();
  // The pool backs off after a failure (at most 5 s): the store works again within that.
  std::optional<Report> found;
  for (int attempt = 0; attempt < 100 && !found; ++attempt) {
    try {
      found = replicas.a.find(code);
    } catch (const StorageUnavailable&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  REQUIRE(found);
  CHECK(replicas.a.count() == 1);  // the filing that failed left nothing behind
}

TEST_CASE("the evidence bytes are a bytea, and the evidence refs a JSON array", "[postgres]") {
  TwoReplicas replicas;
  EvidenceFile photo;
  photo.source_ref = "whatsapp:1";
  photo.kind = "photo";
  photo.mime_type = "image/jpeg";
  photo.content = std::string("\xFF\xD8\xFF\x00\x01\x02", 6);
  photo.size = 6;
  auto d = draft();
  d.evidence = {"whatsapp:1", "https://contoh.id/video?a=\"b\""};
  auto code = replicas.a.file(d, {photo});
  auto connection = replicas.pool_a.acquire();
  auto row = connection->exec("SELECT octet_length(content), encode(content, 'hex') FROM evidence");
  CHECK(row.integer(0, 0) == 6);
  CHECK(row.text(0, 1) == "ffd8ff000102");
  auto refs = connection->exec("SELECT jsonb_array_length(evidence), evidence->>1 FROM reports");
  CHECK(refs.integer(0, 0) == 2);
  CHECK(refs.text(0, 1) == "https://contoh.id/video?a=\"b\"");
  CHECK(replicas.b.find(code)->draft.evidence == d.evidence);
}
