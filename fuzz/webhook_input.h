// The webhook fuzz targets' input format: "<header value>\n<body>". Without a newline in the first 300 bytes the
// whole input is the body and the header is absent.
#pragma once

#include <httplib.h>

#include <string>

namespace netra::fuzz {

inline httplib::Request webhook_request(const std::string& input, const std::string& header) {
  httplib::Request request;
  size_t newline = input.find('\n');
  if (newline != std::string::npos && newline < 300) {
    request.set_header(header, input.substr(0, newline));
    request.body = input.substr(newline + 1);
  } else {
    request.body = input;
  }
  return request;
}

}  // namespace netra::fuzz
