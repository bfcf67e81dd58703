// A throwaway PostgreSQL server for one test: initdb into a fresh temporary directory, started with pg_ctl on a
// free loopback port (and a Unix socket in that directory only), stopped and removed when the object goes away.
// Never touches a system cluster. initdb refuses to run as root, so when the test runs as root (CI does) the
// server runs as the `postgres` account that Debian's postgresql-15 package creates, through runuser.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace netra::testing {

// The directory holding initdb and pg_ctl: $NETRA_PG_BINDIR, else /usr/lib/postgresql/15/bin (Debian's
// postgresql-15, installed by scripts/setup). nullopt when neither holds both programs.
std::optional<std::filesystem::path> postgres_bindir();

struct PostgresServerOptions {
  // Empty: trust authentication. Otherwise TCP connections must give this password (SCRAM-SHA-256), as a real
  // deployment's would; the Unix socket stays trusted.
  std::string password;
};

class PostgresServer {
 public:
  // Creates the cluster (superuser `netra`, loopback only, UTF8, fsync off: a test server holds nothing worth a
  // flush) and starts it, waiting until it accepts connections. Throws std::runtime_error with the server's log
  // when a step fails, or when postgres_bindir() finds nothing.
  explicit PostgresServer(PostgresServerOptions options = {});
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  int port() const { return port_; }
  // postgresql://netra[:password]@127.0.0.1:PORT/DATABASE — the form NETRA_DATABASE_URL takes.
  std::string url(const std::string& database = "postgres") const;

  // Stops the server at once (pg_ctl -m immediate: clients see their connections drop, as in a crash), keeping its
  // data; start() brings it back on the same port. Throws std::runtime_error when pg_ctl fails.
  void stop();
  void start();

 private:
  // Runs a PostgreSQL program from the bindir (as `postgres` when we are root), its output appended to the log.
  // Returns the exit status.
  int run(const std::string& program, const std::vector<std::string>& args) const;
  std::string log_text() const;
  bool start_server();  // pg_ctl start on port_

  std::filesystem::path bindir_;
  std::filesystem::path root_;  // the temporary directory: data/, the socket, server.log
  std::optional<std::string> run_as_;  // "postgres" when we are root
  std::string password_;
  int port_ = 0;
  bool started_ = false;
};

}  // namespace netra::testing
