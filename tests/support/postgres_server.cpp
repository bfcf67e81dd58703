#include "support/postgres_server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace netra::testing {
namespace {

namespace fs = std::filesystem;

bool has_programs(const fs::path& dir) {
  return fs::exists(dir / "initdb") && fs::exists(dir / "pg_ctl");
}

// A port the kernel just gave out on 127.0.0.1; PostgreSQL binds it right after (a clash would fail pg_ctl start
// with "could not bind", and the constructor retries with another port).
int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("could not find a free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

fs::path make_temp_root() {
  std::string pattern = (fs::temp_directory_path() / "netra-pg-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return pattern;
}

}  // namespace

std::optional<fs::path> postgres_bindir() {
  if (const char* configured = std::getenv("NETRA_PG_BINDIR")) {
    if (has_programs(configured)) return fs::path(configured);
  }
  fs::path debian = "/usr/lib/postgresql/15/bin";
  if (has_programs(debian)) return debian;
  return std::nullopt;
}

PostgresServer::PostgresServer(PostgresServerOptions options) : password_(std::move(options.password)) {
  auto bindir = postgres_bindir();
  if (!bindir) {
    throw std::runtime_error("PostgreSQL 15 server programs not found (initdb, pg_ctl in /usr/lib/postgresql/15/bin "
                             "or $NETRA_PG_BINDIR): run scripts/setup, which installs postgresql-15");
  }
  bindir_ = *bindir;
  root_ = make_temp_root();
  if (::geteuid() == 0) {
    passwd* account = ::getpwnam("postgres");
    if (!account) {
      fs::remove_all(root_);
      throw std::runtime_error("running as root and there is no `postgres` account to run the test server as "
                               "(initdb refuses root); install postgresql-15 or run the tests as a normal user");
    }
    if (::chown(root_.c_str(), account->pw_uid, account->pw_gid) != 0) {
      fs::remove_all(root_);
      throw std::runtime_error("could not hand " + root_.string() + " to the postgres account");
    }
    run_as_ = "postgres";
  }
  const std::string data = (root_ / "data").string();
  std::vector<std::string> initdb = {"-D", data, "-U", "netra", "-E", "UTF8", "--locale=C", "--no-sync"};
  if (password_.empty()) {
    initdb.push_back("--auth=trust");
  } else {
    const fs::path password_file = root_ / "password";
    std::ofstream(password_file) << password_ << "\n";
    if (run_as_) {
      passwd* account = ::getpwnam(run_as_->c_str());
      if (!account || ::chown(password_file.c_str(), account->pw_uid, account->pw_gid) != 0) {
        fs::remove_all(root_);
        throw std::runtime_error("could not hand the password file to " + *run_as_);
      }
    }
    initdb.insert(initdb.end(),
                  {"--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + password_file.string()});
  }
  if (run("initdb", initdb) != 0) {
    std::string log = log_text();
    fs::remove_all(root_);
    throw std::runtime_error("initdb failed:\n" + log);
  }
  for (int attempt = 0; attempt < 3 && !started_; ++attempt) {
    port_ = free_loopback_port();
    started_ = start_server();
  }
  if (!started_) {
    std::string log = log_text();
    fs::remove_all(root_);
    throw std::runtime_error("pg_ctl start failed:\n" + log);
  }
}

bool PostgresServer::start_server() {
  std::string options = "-p " + std::to_string(port_) + " -k " + root_.string() +
                        " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off";
  return run("pg_ctl", {"-D", (root_ / "data").string(), "-l", (root_ / "server.log").string(), "-o", options, "-w",
                        "-t", "60", "start"}) == 0;
}

void PostgresServer::stop() {
  if (!started_) return;
  if (run("pg_ctl", {"-D", (root_ / "data").string(), "-m", "immediate", "-w", "stop"}) != 0) {
    throw std::runtime_error("pg_ctl stop failed:\n" + log_text());
  }
  started_ = false;
}

void PostgresServer::start() {
  if (started_) return;
  started_ = start_server();
  if (!started_) throw std::runtime_error("pg_ctl start failed:\n" + log_text());
}

PostgresServer::~PostgresServer() {
  if (started_) run("pg_ctl", {"-D", (root_ / "data").string(), "-m", "immediate", "-w", "stop"});
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

std::string PostgresServer::url(const std::string& database) const {
  std::string user = password_.empty() ? "netra" : "netra:" + password_;
  return "postgresql://" + user + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

int PostgresServer::run(const std::string& program, const std::vector<std::string>& args) const {
  std::vector<std::string> argv;
  if (run_as_) argv = {"runuser", "-u", *run_as_, "--"};
  argv.push_back((bindir_ / program).string());
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (auto& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  // The tool's own output goes to a log beside the data (readable by root and by `postgres`).
  const std::string log = (root_ / "tools.log").string();
  pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0666);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    ::execvp(pointers[0], pointers.data());
    _exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string PostgresServer::log_text() const {
  std::ostringstream text;
  for (const char* name : {"tools.log", "server.log"}) {
    std::ifstream file(root_ / name);
    if (file) text << "--- " << name << "\n" << file.rdbuf();
  }
  return text.str();
}

}  // namespace netra::testing
