#include "adapters/desk/desk_forms.h"

#include <algorithm>
#include <charconv>
#include <regex>

#include "knowledge/text.h"
#include "knowledge/utf8.h"

namespace netra::adapters::desk {
namespace {

std::optional<std::string> query_value(const httplib::Request& request, const char* name) {
  if (!request.has_param(name)) return std::nullopt;
  std::string value(knowledge::trim(request.get_param_value(name)));
  if (value.empty()) return std::nullopt;
  return value;
}

bool is_day(const std::string& text) {
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(text, pattern);
}

}  // namespace

Form parse_form(const httplib::Request& request) {
  Form form;
  if (request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return form;
  httplib::Params params;
  httplib::detail::parse_query_text(request.body, params);  // decodes %XX and '+'
  for (auto& [name, value] : params) form[name] = value;
  return form;
}

std::string cookie_value(const httplib::Request& request, const std::string& name) {
  // Cookie: a=1; b=2 (RFC 6265 §5.4); a browser may send several Cookie headers over HTTP/1.1 proxies.
  for (size_t i = 0, n = request.get_header_value_count("Cookie"); i < n; ++i) {
    std::string header = request.get_header_value("Cookie", i);
    size_t start = 0;
    while (start < header.size()) {
      size_t end = header.find(';', start);
      if (end == std::string::npos) end = header.size();
      std::string pair(knowledge::trim(std::string_view(header).substr(start, end - start)));
      size_t eq = pair.find('=');
      if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
      start = end + 1;
    }
  }
  return "";
}

bot::ReportFilter filter_from_query(const httplib::Request& request, int64_t page_size) {
  bot::ReportFilter filter;
  filter.status = query_value(request, "status");
  if (filter.status && !bot::is_report_status(*filter.status)) filter.status.reset();
  filter.category = query_value(request, "category");
  filter.kabupaten = query_value(request, "kabupaten");
  if (filter.kabupaten && filter.kabupaten->size() > 100) filter.kabupaten.reset();
  filter.from_date = query_value(request, "from");
  if (filter.from_date && !is_day(*filter.from_date)) filter.from_date.reset();
  filter.to_date = query_value(request, "to");
  if (filter.to_date && !is_day(*filter.to_date)) filter.to_date.reset();
  filter.limit = page_size;
  if (auto offset = query_value(request, "offset")) {
    int64_t value = 0;
    auto [end, error] = std::from_chars(offset->data(), offset->data() + offset->size(), value);
    if (error == std::errc() && end == offset->data() + offset->size() && value >= 0) filter.offset = value;
  }
  return filter;
}

std::optional<std::string> clean_text(const std::string& raw, size_t max_chars) {
  // Browsers send line breaks in textareas as CRLF; kept as LF.
  std::string value;
  for (char c : raw) {
    if (c != '\r') value += c;
  }
  value = std::string(knowledge::trim(value));
  if (!knowledge::valid_utf8(value) || knowledge::utf8_length(value) > max_chars) return std::nullopt;
  return value;
}

std::optional<std::string> text_field(const Form& form, const std::string& name, size_t max_chars) {
  auto found = form.find(name);
  if (found == form.end()) return std::nullopt;
  auto value = clean_text(found->second, max_chars);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

}  // namespace netra::adapters::desk
