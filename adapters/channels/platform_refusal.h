// What a platform answered to one outbound request, and what its refusal means for the reply: retry after a
// delay, re-address it (a Telegram group that became a supergroup), or give up. Each channel reads its platform's
// error body (Channel::read_refusal); this file holds the shared vocabulary and the status-only fallback.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace netra::adapters {

// What one HTTP attempt got back.
struct SendResult {
  int status = 0;           // 0: no response (connection refused, time-out)
  std::string body;         // the platform's answer (its error body on a refusal)
  std::string retry_after;  // the Retry-After header, if any
  std::string error;        // httplib's error name when status is 0
};

struct Refusal {
  enum class Action { retry, readdress, give_up };
  Action action = Action::give_up;
  // The platform's error code ("131056" for WhatsApp's error.code, "403" for Telegram's error_code), else the HTTP
  // status, or "network" when nothing answered. Digits only (or "network"), at most 9 of them, so it is safe as a
  // metrics label and in a log line.
  std::string code;
  // The platform's own words (Telegram's description, WhatsApp's error.message and error_data.details) made safe
  // for a log line: see loggable_description.
  std::string description;
  // How long the platform asked to wait (Telegram's parameters.retry_after, or the Retry-After header); zero if
  // it did not say.
  std::chrono::seconds retry_after{0};
  // Action::readdress only: the chat to send to instead (Telegram's parameters.migrate_to_chat_id).
  std::string readdress_to;
};

// The reading from the HTTP status alone, for a platform whose body says nothing usable: no response, 429 and
// 5xx are retried (honouring a Retry-After header), anything else is given up.
Refusal refusal_by_status(const SendResult& result);

// A platform error code as a label: the decimal digits of a non-negative integer below 10^9, else "other".
std::string error_code_label(long long code);

// The platform's words, safe to log: control characters and quotes become spaces, every run of 7 or more digits
// (a phone number, a chat id: the platforms sometimes echo the recipient) becomes "…", at most 200 bytes
// (cut at a UTF-8 boundary).
std::string loggable_description(std::string_view text);

}  // namespace netra::adapters
