#include "adapters/storage/postgres_connection.h"

#include <regex>
#include <set>
#include <sstream>

namespace netra::adapters::storage {
namespace {

// libpq's messages end with a newline; ours are one line.
std::string one_line(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (auto& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

// libpq checks some option values only when it connects, and then a typo looks like an unreachable server; these
// are checked here so that start-up stops at once with the reason. Returns the problem, or empty.
std::string invalid_option(const PQconninfoOption* options) {
  for (const PQconninfoOption* option = options; option && option->keyword; ++option) {
    if (!option->val) continue;
    std::string keyword = option->keyword, value = option->val;
    if (keyword == "port") {
      std::string port;
      std::istringstream ports(value);
      while (std::getline(ports, port, ',')) {
        if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
            std::stoi(port) > 65535) {
          return "invalid port \"" + port + "\"";
        }
      }
    }
    if (keyword == "sslmode") {
      static const std::set<std::string> modes = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
      if (!modes.count(value)) return "invalid sslmode \"" + value + "\"";
    }
  }
  return "";
}

}  // namespace

std::string redact_url(const std::string& url) {
  // scheme://user:password@host → scheme://user:***@host; key=value strings and query parameters: password=***.
  static const std::regex userinfo_password(R"(^([a-zA-Z][a-zA-Z0-9+.-]*://[^:@/?#]*):[^@/?#]*@)");
  static const std::regex password_parameter(R"((^|[?&\s])password\s*=\s*('[^']*'|[^&\s]*))");
  std::string redacted = std::regex_replace(url, userinfo_password, "$1:***@");
  return std::regex_replace(redacted, password_parameter, "$1password=***");
}

bool is_unavailable_sqlstate(const std::string& sqlstate) {
  // 08xxx connection exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now;
  // 53300 too_many_connections.
  return sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
         sqlstate == "53300";
}

bool connect_failure_is_lasting(const std::string& url) {
  switch (PQping(url.c_str())) {
    case PQPING_OK:          // it answers, so it refused us: password, database, role
    case PQPING_NO_ATTEMPT:  // the parameters are unusable
      return true;
    case PQPING_REJECT:  // starting up, shutting down, recovering
    case PQPING_NO_RESPONSE:
      return false;
  }
  return false;
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

int64_t PgResult::integer(int row, int column) const {
  return std::stoll(PQgetvalue(result_.get(), row, column));
}

int64_t PgResult::affected() const {
  const char* count = PQcmdTuples(result_.get());
  return count && *count ? std::stoll(count) : 0;
}

PgConnection::PgConnection(const std::string& url) : connection_(nullptr, &PQfinish), redacted_url_(redact_url(url)) {
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error);
  if (!options) {
    std::string reason = one_line(parse_error ? parse_error : "out of memory");
    PQfreemem(parse_error);
    throw PgConfigError("invalid PostgreSQL URL " + redacted_url_ + ": " + reason);
  }
  std::string problem = invalid_option(options);
  PQconninfoFree(options);
  if (!problem.empty()) throw PgConfigError("invalid PostgreSQL URL " + redacted_url_ + ": " + problem);
  connection_.reset(PQconnectdb(url.c_str()));
  if (!connection_ || PQstatus(connection_.get()) != CONNECTION_OK) {
    std::string reason = connection_ ? one_line(PQerrorMessage(connection_.get())) : "out of memory";
    throw bot::StorageUnavailable("cannot connect to PostgreSQL at " + redacted_url_ + ": " + reason);
  }
  // Our clocks and day boundaries are UTC whatever the server's default; no notices on stderr.
  exec("SET TIME ZONE 'UTC'");
  PQsetNoticeProcessor(
      connection_.get(), [](void*, const char*) {}, nullptr);
}

PgResult PgConnection::check(PGresult* raw, const char* what) {
  PgResult result(raw);
  ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  std::string sqlstate;
  if (raw) {
    if (const char* code = PQresultErrorField(raw, PG_DIAG_SQLSTATE)) sqlstate = code;
  }
  std::string reason = one_line(raw ? PQresultErrorMessage(raw) : PQerrorMessage(connection_.get()));
  if (reason.empty()) reason = one_line(PQerrorMessage(connection_.get()));
  std::string message = std::string("PostgreSQL ") + what + " failed: " + reason;
  if (PQstatus(connection_.get()) != CONNECTION_OK || sqlstate.empty() || is_unavailable_sqlstate(sqlstate)) {
    // No SQLSTATE means libpq itself failed: the connection broke mid-statement.
    throw bot::StorageUnavailable(message);
  }
  throw PgError(message + " (SQLSTATE " + sqlstate + ")", sqlstate);
}

PgResult PgConnection::run(const PgStatement& statement, const std::vector<PgParam>& params) {
  if (!prepared_.count(statement.name)) {
    check(PQprepare(connection_.get(), statement.name, statement.sql, 0, nullptr), statement.name);
    prepared_.insert(statement.name);
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return check(PQexecPrepared(connection_.get(), statement.name, static_cast<int>(values.size()), values.data(),
                              nullptr, nullptr, 0),
               statement.name);
}

PgResult PgConnection::exec(const std::string& sql) {
  return check(PQexec(connection_.get(), sql.c_str()), "statement");
}

bool PgConnection::reusable() const {
  return PQstatus(connection_.get()) == CONNECTION_OK && PQtransactionStatus(connection_.get()) == PQTRANS_IDLE;
}

PgTransaction::PgTransaction(PgConnection& connection) : connection_(connection) {
  connection_.exec("BEGIN");
}

PgTransaction::~PgTransaction() {
  if (!open_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (const std::exception&) {
    // The connection is broken or stuck in the transaction: reusable() says no, and the pool drops it.
  }
}

void PgTransaction::commit() {
  open_ = false;  // whatever happens now, the destructor must not roll back a COMMIT that may have gone through
  // COMMIT of a transaction that an error already aborted answers "ROLLBACK" without an error.
  if (connection_.exec("COMMIT").command_tag() == "ROLLBACK") {
    throw PgError("PostgreSQL COMMIT rolled back: the transaction had failed", "25P02");
  }
}

}  // namespace netra::adapters::storage
