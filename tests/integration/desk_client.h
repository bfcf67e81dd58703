// A reviewer's browser, as far as the desk tests need one: keeps the desk's cookies, reads the CSRF token from
// each page, and sends forms the way a browser does (urlencoded, with its Origin). Also makes reviewer accounts
// with the real `netra reviewer add`.
#pragma once

#include <httplib.h>

#include <map>
#include <string>

#include "integration/netra_process.h"

namespace netra::testing {

// Runs `netra reviewer add NAME` on the data dir and returns the password it printed (its last line).
std::string add_reviewer(const std::string& data_dir, const std::string& name);

class DeskClient {
 public:
  explicit DeskClient(const NetraProcess& server) : server_(server) {}

  // GETs a desk path with the cookies; remembers any cookie set and the page's csrf_token.
  httplib::Result get(const std::string& path);
  // POSTs the fields as a form (adding the last page's csrf_token unless `with_token` is false) with
  // Origin: the server's own origin, or `origin` when given ("" sends none).
  httplib::Result post(const std::string& path, std::map<std::string, std::string> fields, bool with_token = true,
                       const std::string* origin = nullptr);
  // GET /desk, then the login form. True when the desk answered with the session cookie and a redirect.
  bool login(const std::string& name, const std::string& password);

  const std::string& csrf_token() const { return csrf_token_; }
  std::string cookie(const std::string& name) const;
  // Every Set-Cookie header of the last response.
  const std::vector<std::string>& last_set_cookies() const { return set_cookies_; }
  void forget_cookies() { cookies_.clear(); }

 private:
  httplib::Headers headers() const;
  void remember(const httplib::Result& result);

  const NetraProcess& server_;
  std::map<std::string, std::string> cookies_;
  std::vector<std::string> set_cookies_;
  std::string csrf_token_;
};

// The value of a name="…" value="…" hidden input, or empty.
std::string hidden_input(const std::string& html, const std::string& name);

}  // namespace netra::testing
