// Who may do what at the desk: the session cookie (HttpOnly, SameSite=Strict, Path=/desk, Secure behind
// HTTPS), the CSRF checks every state-changing POST passes before anything changes — the request's Origin must
// be the desk's own and the form must carry the session's token — and login with its throttle (5 wrong
// passwords for one name within 15 minutes lock that name for the rest of the window).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "adapters/app/config.h"
#include "adapters/desk/desk_forms.h"
#include "bot/audit_log.h"
#include "bot/reviewer_accounts.h"
#include "bot/reviewer_store.h"

namespace netra::adapters::desk {

inline constexpr const char* kSessionCookie = "netra_desk";
// Before login there is no session: the login form's token is paired with this cookie (double submit).
inline constexpr const char* kLoginCookie = "netra_desk_login";
inline constexpr int64_t kLoginWindowSeconds = 15 * 60;
inline constexpr int64_t kLoginFailuresAllowed = 5;

enum class LoginOutcome { signed_in, wrong_password, throttled };

class DeskGate {
 public:
  // `reviewers` and `audit` must outlive the gate.
  DeskGate(bot::ReviewerStore& reviewers, bot::AuditLog& audit, DeskConfig config);

  // The live session named by the request's cookie, if any.
  std::optional<bot::DeskSession> session(const httplib::Request& request) const;
  // True when the request may change state for `session`: same origin, and the form's csrf_token equals the
  // session's (constant time).
  bool allows_post(const httplib::Request& request, const Form& form, const bot::DeskSession& session) const;
  // The same for the login form: same origin, and csrf_token equal to the login cookie.
  bool allows_login_post(const httplib::Request& request, const Form& form) const;
  // A POST from another origin: an Origin header that is not the desk's, or Sec-Fetch-Site cross-site.
  bool cross_origin(const httplib::Request& request) const;

  // Checks the password (throttled per name), audits the attempt, and on success opens a session and sets
  // its cookie on `response`.
  LoginOutcome login(const std::string& name, const std::string& password, const httplib::Request& request,
                     httplib::Response& response);
  // Ends the request's session and clears the cookie.
  void logout(const httplib::Request& request, httplib::Response& response);
  // A fresh login-form token, also set as the login cookie on `response`.
  std::string issue_login_token(const httplib::Request& request, httplib::Response& response) const;

 private:
  std::string cookie(const httplib::Request& request, const std::string& name, const std::string& value,
                     int64_t max_age) const;

  bot::ReviewerStore& reviewers_;  // the login throttle
  bot::AuditLog& audit_;
  // Passwords and sessions; mutable because looking up a session refreshes it (session() is const).
  mutable bot::ReviewerAccounts accounts_;
  DeskConfig config_;
};

}  // namespace netra::adapters::desk
