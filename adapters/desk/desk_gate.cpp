#include "adapters/desk/desk_gate.h"

#include <spdlog/spdlog.h>

#include "bot/clock.h"
#include "bot/crypto.h"

namespace netra::adapters::desk {
namespace {

// "https://host:port" → "host:port".
std::string host_of(const std::string& origin) {
  size_t scheme = origin.find("://");
  std::string host = scheme == std::string::npos ? origin : origin.substr(scheme + 3);
  while (!host.empty() && host.back() == '/') host.pop_back();
  return host;
}

bool behind_https(const httplib::Request& request, const DeskConfig& config) {
  return request.get_header_value("X-Forwarded-Proto") == "https" || config.origin.rfind("https://", 0) == 0;
}

}  // namespace

DeskGate::DeskGate(bot::ReviewerStore& reviewers, bot::AuditLog& audit, DeskConfig config)
    : reviewers_(reviewers), audit_(audit), accounts_(reviewers), config_(std::move(config)) {}

std::optional<bot::DeskSession> DeskGate::session(const httplib::Request& request) const {
  std::string token = cookie_value(request, kSessionCookie);
  if (token.size() != 64) return std::nullopt;
  return accounts_.find_desk_session(token, config_.sessions, bot::unix_now());
}

bool DeskGate::cross_origin(const httplib::Request& request) const {
  std::string fetch_site = request.get_header_value("Sec-Fetch-Site");
  if (fetch_site == "cross-site" || fetch_site == "same-site") return true;
  if (!request.has_header("Origin")) return false;  // not a browser's cross-site request: the token decides
  std::string origin = request.get_header_value("Origin");
  if (!config_.origin.empty()) return origin != config_.origin;
  // Behind a reverse proxy the browser's host is in Host (nginx: proxy_set_header Host $host) or
  // X-Forwarded-Host. nginx's $host carries no port: then the origin's port is not compared either.
  std::string host = request.has_header("X-Forwarded-Host") ? request.get_header_value("X-Forwarded-Host")
                                                            : request.get_header_value("Host");
  std::string origin_host = host_of(origin);
  if (host.find(':') == std::string::npos && origin_host.rfind(']') == std::string::npos) {
    origin_host = origin_host.substr(0, origin_host.find(':'));
  }
  return origin == "null" || host.empty() || origin_host != host;
}

bool DeskGate::allows_post(const httplib::Request& request, const Form& form, const bot::DeskSession& session) const {
  auto token = form.find("csrf_token");
  return !cross_origin(request) && token != form.end() && bot::constant_time_equal(token->second, session.csrf_token);
}

bool DeskGate::allows_login_post(const httplib::Request& request, const Form& form) const {
  auto token = form.find("csrf_token");
  std::string expected = cookie_value(request, kLoginCookie);
  return !cross_origin(request) && token != form.end() && expected.size() == 64 &&
         bot::constant_time_equal(token->second, expected);
}

LoginOutcome DeskGate::login(const std::string& name, const std::string& password, const httplib::Request& request,
                             httplib::Response& response) {
  int64_t now = bot::unix_now();
  std::string throttle_key = "name:" + name;
  bot::AuditEntry entry;
  entry.admin_label = bot::is_reviewer_name(name) ? name : "?";
  if (reviewers_.login_failures(throttle_key, now, kLoginWindowSeconds) >= kLoginFailuresAllowed) {
    entry.action = "login_failed";
    entry.detail = "throttled";
    audit_.record(entry);
    spdlog::warn("event=desk_login_throttled");
    return LoginOutcome::throttled;
  }
  if (!bot::is_reviewer_name(name) || password.size() > 256 || !accounts_.verify_reviewer(name, password)) {
    reviewers_.record_login_failure(throttle_key, now, kLoginWindowSeconds);
    entry.action = "login_failed";
    audit_.record(entry);
    spdlog::warn("event=desk_login_failed");
    return LoginOutcome::wrong_password;
  }
  reviewers_.clear_login_failures(throttle_key);
  std::string token = accounts_.open_desk_session(name, now);
  response.set_header("Set-Cookie", cookie(request, kSessionCookie, token, config_.sessions.max_seconds));
  response.set_header("Set-Cookie", cookie(request, kLoginCookie, "", 0));
  entry.action = "login";
  audit_.record(entry);
  spdlog::info("event=desk_login reviewer={}", name);
  return LoginOutcome::signed_in;
}

void DeskGate::logout(const httplib::Request& request, httplib::Response& response) {
  std::string token = cookie_value(request, kSessionCookie);
  if (!token.empty()) accounts_.close_desk_session(token);
  response.set_header("Set-Cookie", cookie(request, kSessionCookie, "", 0));
}

std::string DeskGate::issue_login_token(const httplib::Request& request, httplib::Response& response) const {
  std::string token = bot::random_hex(32);
  response.set_header("Set-Cookie", cookie(request, kLoginCookie, token, kLoginWindowSeconds));
  return token;
}

std::string DeskGate::cookie(const httplib::Request& request, const std::string& name, const std::string& value,
                             int64_t max_age) const {
  // HttpOnly: no script reads it; SameSite=Strict: no other site's page makes the browser send it; Path=/desk:
  // the API and webhooks never see it.
  std::string text = name + "=" + value + "; Path=/desk; Max-Age=" + std::to_string(max_age) +
                     "; HttpOnly; SameSite=Strict";
  if (behind_https(request, config_)) text += "; Secure";
  return text;
}

}  // namespace netra::adapters::desk
