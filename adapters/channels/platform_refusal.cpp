#include "adapters/channels/platform_refusal.h"
#include "knowledge/utf8.h"

#include <charconv>

namespace netra::adapters {

Refusal refusal_by_status(const SendResult& result) {
  Refusal refusal;
  refusal.code = result.status == 0 ? "network" : std::to_string(result.status);
  refusal.description = loggable_description(result.error);
  bool transient = result.status == 0 || result.status == 429 || result.status >= 500;
  refusal.action = transient ? Refusal::Action::retry : Refusal::Action::give_up;
  long long seconds = 0;
  const std::string& header = result.retry_after;
  auto [end, problem] = std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (problem == std::errc() && seconds > 0) refusal.retry_after = std::chrono::seconds(seconds);
  return refusal;
}

std::string error_code_label(long long code) {
  if (code < 0 || code >= 1'000'000'000LL) return "other";
  return std::to_string(code);
}

std::string loggable_description(std::string_view text) {
  std::string out;
  size_t digits = 0;
  auto flush_digits = [&](std::string_view run) {
    if (run.size() >= 7)
      out += "…";
    else
      out.append(run);
  };
  size_t run_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool digit = i < text.size() && text[i] >= '0' && text[i] <= '9';
    if (digit) {
      if (digits++ == 0) run_start = i;
      continue;
    }
    if (digits > 0) {
      flush_digits(text.substr(run_start, digits));
      digits = 0;
    }
    if (i == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 || c == 0x7f || c == '"' || c == '\\') ? ' ' : static_cast<char>(c);
    if (out.size() > 200) break;
  }
  if (out.size() > 200) {
    out.resize(knowledge::utf8_boundary_before(out, 200));
  }
  return out;
}

}  // namespace netra::adapters
