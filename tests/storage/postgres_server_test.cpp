// The throwaway PostgreSQL 15 server every PostgreSQL storage test starts (tests/support/postgres_server.h):
// it comes up on loopback, accepts a libpq connection to its URL, and is gone when the object is.
#include <libpq-fe.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "support/postgres_server.h"

using netra::testing::PostgresServer;

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Connection connect(const std::string& url) {
  return Connection(PQconnectdb(url.c_str()), &PQfinish);
}

}  // namespace

TEST_CASE("a throwaway PostgreSQL 15 server accepts a libpq connection and a prepared statement", "[postgres]") {
  std::string url;
  {
    PostgresServer server;
    url = server.url();
    Connection connection = connect(url);
    INFO(PQerrorMessage(connection.get()));
    REQUIRE(PQstatus(connection.get()) == CONNECTION_OK);
    CHECK(PQserverVersion(connection.get()) / 10000 == 15);

    Result prepared(PQprepare(connection.get(), "add", "SELECT $1::int + $2::int", 2, nullptr), &PQclear);
    REQUIRE(PQresultStatus(prepared.get()) == PGRES_COMMAND_OK);
    const char* values[] = {"40", "2"};
    Result sum(PQexecPrepared(connection.get(), "add", 2, values, nullptr, nullptr, 0), &PQclear);
    REQUIRE(PQresultStatus(sum.get()) == PGRES_TUPLES_OK);
    CHECK(std::string(PQgetvalue(sum.get(), 0, 0)) == "42");
  }
  // Stopped with the object: nothing listens on its port any more.
  Connection after = connect(url + "?connect_timeout=2");
  CHECK(PQstatus(after.get()) == CONNECTION_BAD);
}

TEST_CASE("two throwaway servers run side by side on different ports", "[postgres]") {
  PostgresServer first, second;
  CHECK(first.port() != second.port());
  CHECK(PQstatus(connect(first.url()).get()) == CONNECTION_OK);
  CHECK(PQstatus(connect(second.url()).get()) == CONNECTION_OK);
}
