#include "integration/desk_client.h"

#include <regex>
#include <stdexcept>

namespace netra::testing {

std::string add_reviewer(const std::string& data_dir, const std::string& name) {
  std::string output;
  if (run_netra({"reviewer", "add", name}, {{"NETRA_DATA_DIR", data_dir}}, output) != 0) {
    throw std::runtime_error("netra reviewer add failed: " + output);
  }
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output.substr(output.rfind('\n') + 1);
}

std::string hidden_input(const std::string& html, const std::string& name) {
  std::smatch match;
  std::regex pattern("name=\"" + name + "\" value=\"([^\"]*)\"");
  return std::regex_search(html, match, pattern) ? match[1].str() : "";
}

httplib::Headers DeskClient::headers() const {
  std::string jar;
  for (const auto& [name, value] : cookies_) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
  httplib::Headers headers;
  if (!jar.empty()) headers.emplace("Cookie", jar);
  return headers;
}

void DeskClient::remember(const httplib::Result& result) {
  set_cookies_.clear();
  if (!result) return;
  for (size_t i = 0, n = result->get_header_value_count("Set-Cookie"); i < n; ++i) {
    std::string header = result->get_header_value("Set-Cookie", i);
    set_cookies_.push_back(header);
    std::string pair = header.substr(0, header.find(';'));
    size_t eq = pair.find('=');
    std::string value = pair.substr(eq + 1);
    if (value.empty() || header.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(pair.substr(0, eq));
    } else {
      cookies_[pair.substr(0, eq)] = value;
    }
  }
  if (auto token = hidden_input(result->body, "csrf_token"); !token.empty()) csrf_token_ = token;
}

httplib::Result DeskClient::get(const std::string& path) {
  auto result = server_.client().Get(path, headers());
  remember(result);
  return result;
}

httplib::Result DeskClient::post(const std::string& path, std::map<std::string, std::string> fields, bool with_token,
                                 const std::string* origin) {
  if (with_token) fields.emplace("csrf_token", csrf_token_);
  httplib::Params params(fields.begin(), fields.end());
  auto request_headers = headers();
  std::string sent_origin = origin ? *origin : server_.base_url();
  if (!sent_origin.empty()) request_headers.emplace("Origin", sent_origin);
  auto result = server_.client().Post(path, request_headers, params);
  remember(result);
  return result;
}

bool DeskClient::login(const std::string& name, const std::string& password) {
  get("/desk");
  auto result = post("/desk/login", {{"name", name}, {"password", password}});
  return result && result->status == 303 && !cookie("netra_desk").empty();
}

std::string DeskClient::cookie(const std::string& name) const {
  auto found = cookies_.find(name);
  return found == cookies_.end() ? "" : found->second;
}

}  // namespace netra::testing
