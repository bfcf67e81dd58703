// PostgreSQL plumbing (adapters/storage/postgres_connection.h, postgres_pool.h, postgres_migrations.h): clear
// start-up errors with the password hidden, reconnection after the server comes back, errors mapped to what the
// caller can do about them, and migrations applied once however many replicas start together.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "adapters/storage/postgres_migrations.h"
#include "adapters/storage/postgres_pool.h"
#include "support/postgres_server.h"

using namespace netra::adapters::storage;
using netra::testing::PostgresServer;
using netra::testing::PostgresServerOptions;

TEST_CASE("a URL's password is hidden in whatever form it is given", "[postgres]") {
  CHECK(redact_url("postgresql://netra:s3cret@db.internal:5432/netra") ==
        "postgresql://netra:***@db.internal:5432/netra");
  CHECK(redact_url("postgres://netra:p%40ss@db/netra?sslmode=require") ==
        "postgres://netra:***@db/netra?sslmode=require");
  CHECK(redact_url("postgresql://netra@db/netra?password=s3cret&sslmode=require") ==
        "postgresql://netra@db/netra?password=***&sslmode=require");
  CHECK(redact_url("host=db user=netra password=s3cret dbname=netra") ==
        "host=db user=netra password=*** dbname=netra");
  CHECK(redact_url("postgresql://netra@db/netra") == "postgresql://netra@db/netra");
}

TEST_CASE("a wrong password stops start-up at once with a clear message that does not hold the password",
          "[postgres]") {
  PostgresServerOptions options;
  options.password = "right-password";
  PostgresServer server(options);
  std::string wrong = "postgresql://netra:not-the-password@127.0.0.1:" + std::to_string(server.port()) + "/postgres";
  PgPool pool(PgPoolConfig{wrong, 2});
  auto started = std::chrono::steady_clock::now();
  try {
    pool.connect_at_startup(std::chrono::seconds(20));
    FAIL("connected with a wrong password");
  } catch (const PgConfigError& e) {
    std::string message = e.what();
    CHECK(message.find("password authentication failed") != std::string::npos);
    CHECK(message.find("not-the-password") == std::string::npos);
    CHECK(message.find("postgresql://netra:***@127.0.0.1") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));  // no retrying a lasting failure
  PgPool right(PgPoolConfig{server.url(), 2});
  right.connect_at_startup(std::chrono::seconds(5));
  CHECK(right.acquire()->exec("SELECT 1").integer(0, 0) == 1);
}

TEST_CASE("a malformed URL or an unknown database is a configuration error", "[postgres]") {
  PostgresServer server;
  CHECK_THROWS_AS(
      PgPool(PgPoolConfig{"postgresql://netra@127.0.0.1:notaport/x", 1}).connect_at_startup(std::chrono::seconds(5)),
      PgConfigError);
  PgPool missing(PgPoolConfig{server.url("no_such_database"), 1});
  CHECK_THROWS_WITH(missing.connect_at_startup(std::chrono::seconds(5)),
                    Catch::Contains("no_such_database") && Catch::Contains("does not exist"));
}

TEST_CASE("a server that does not answer is retried with backoff until the start-up patience runs out", "[postgres]") {
  int port = 0;
  {
    PostgresServer gone;
    port = gone.port();
  }
  PgPool pool(PgPoolConfig{"postgresql://netra@127.0.0.1:" + std::to_string(port) + "/postgres?connect_timeout=2", 1});
  auto started = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(pool.connect_at_startup(std::chrono::milliseconds(1500)), netra::bot::StorageUnavailable);
  auto waited = std::chrono::steady_clock::now() - started;
  CHECK(waited >= std::chrono::milliseconds(700));  // it did retry
  CHECK(waited < std::chrono::seconds(6));
}

TEST_CASE("after the server restarts the pool reconnects, and meanwhile the failure is StorageUnavailable",
          "[postgres]") {
  PostgresServer server;
  PgPoolConfig config{server.url(), 2};
  config.backoff_initial = std::chrono::milliseconds(50);
  config.backoff_max = std::chrono::milliseconds(200);
  PgPool pool(config);
  CHECK(pool.acquire()->exec("SELECT 1").integer(0, 0) == 1);
  server.stop();
  CHECK_THROWS_AS(pool.acquire()->exec("SELECT 1"), netra::bot::StorageUnavailable);  // the idle connection broke
  CHECK_THROWS_AS(pool.acquire(), netra::bot::StorageUnavailable);                    // and no new one can be made
  server.start();
  bool back = false;
  for (int attempt = 0; attempt < 50 && !back; ++attempt) {
    try {
      back = pool.acquire()->exec("SELECT 1").integer(0, 0) == 1;
    } catch (const netra::bot::StorageUnavailable&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  CHECK(back);
}

TEST_CASE("a constraint violation is a PgError with its SQLSTATE and leaves the connection usable", "[postgres]") {
  PostgresServer server;
  PgPool pool(PgPoolConfig{server.url(), 1});
  auto connection = pool.acquire();
  connection->exec("CREATE TABLE t(id integer PRIMARY KEY)");
  PgStatement insert{"test_insert", "INSERT INTO t(id) VALUES ($1::integer)"};
  connection->run(insert, {"1"});
  try {
    connection->run(insert, {"1"});
    FAIL("a duplicate key was accepted");
  } catch (const PgError& e) {
    CHECK(e.sqlstate() == "23505");
  }
  CHECK(connection->reusable());
  connection->run(insert, {std::string("2")});
  CHECK(connection->exec("SELECT count(*) FROM t").integer(0, 0) == 2);
}

TEST_CASE("replicas starting together apply each migration exactly once", "[postgres]") {
  PostgresServer server;
  std::vector<Migration> migrations = {
      {1, "first", "CREATE TABLE one(id integer)"},
      {2, "second", "CREATE TABLE two(id integer); INSERT INTO two VALUES (1)"},
  };
  auto start_replica = [&] {
    PgConnection connection(server.url());
    return migrate(connection, migrations).applied.size();
  };
  auto a = std::async(std::launch::async, start_replica);
  auto b = std::async(std::launch::async, start_replica);
  auto c = std::async(std::launch::async, start_replica);
  CHECK(a.get() + b.get() + c.get() == 2);  // a table created twice would have failed one of them
  PgConnection check(server.url());
  CHECK(check.exec("SELECT count(*) FROM schema_migrations").integer(0, 0) == 2);
  CHECK(check.exec("SELECT count(*) FROM two").integer(0, 0) == 1);
  migrations.push_back({3, "third", "ALTER TABLE one ADD COLUMN name text"});
  auto later = migrate(check, migrations);
  CHECK(later.applied == std::vector<int>{3});
  CHECK(later.newest_in_database == 3);
}

TEST_CASE("a failing migration applies nothing of the batch", "[postgres]") {
  PostgresServer server;
  PgConnection connection(server.url());
  std::vector<Migration> migrations = {
      {1, "good", "CREATE TABLE good(id integer)"},
      {2, "bad", "CREATE TABLE broken(id no_such_type)"},
  };
  CHECK_THROWS_AS(migrate(connection, migrations), PgError);
  CHECK(connection.exec("SELECT count(*) FROM pg_tables WHERE tablename = 'good'").integer(0, 0) == 0);
  CHECK(connection.exec("SELECT to_regclass('schema_migrations') IS NULL").text(0, 0) == "t");
}
