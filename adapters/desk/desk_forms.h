// Reading what a desk page sends: urlencoded form bodies, cookies, list filters from the query string, and
// free-text fields. Tolerant where the API is strict: a filter the page cannot have produced is ignored rather
// than answered with an error page.
#pragma once

#include <httplib.h>

#include <map>
#include <optional>
#include <string>

#include "bot/reports.h"

namespace netra::adapters::desk {

// The fields of an application/x-www-form-urlencoded body (the last value wins for a repeated name). Bodies of
// other types give no fields.
using Form = std::map<std::string, std::string>;
Form parse_form(const httplib::Request& request);

// The value of one cookie of the request's Cookie header, or empty.
std::string cookie_value(const httplib::Request& request, const std::string& name);

// The list filter of GET /desk and the exports: status, category, kabupaten, from, to (YYYY-MM-DD), offset.
// Unknown statuses and malformed dates are dropped.
bot::ReportFilter filter_from_query(const httplib::Request& request, int64_t page_size);

// Text as typed into a textarea: CRs dropped, surrounding blanks trimmed (may end up empty); nullopt when it is
// not UTF-8 or longer than max_chars characters.
std::optional<std::string> clean_text(const std::string& raw, size_t max_chars);

// A free-text field with surrounding blanks trimmed; nullopt when missing, empty, not UTF-8, or longer than
// max_chars characters.
std::optional<std::string> text_field(const Form& form, const std::string& name, size_t max_chars);

}  // namespace netra::adapters::desk
