// Telegram webhook: TelegramChannel::authentic on an arbitrary secret header, then parse on an arbitrary body.
// The input is "<header value>\n<body>" (no newline: the whole input is the body, no header). parse may
// throw BadRequest or a nlohmann::json::exception (both become 400 in HttpServer); anything else — another
// exception, a crash, UB, a leak — is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/channels/telegram.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/webhook_input.h"

namespace {

using netra::fuzz::check;

using netra::adapters::BadRequest;
using netra::adapters::TelegramChannel;
using netra::adapters::TelegramConfig;

TelegramChannel make_channel(bool with_username) {
  TelegramConfig config;
  config.token = "123:fuzz";
  config.secret = "fuzz-secret_1";
  config.api_base = "http://127.0.0.1:1/tg";
  if (with_username) config.bot_username = "netra_bot";
  return TelegramChannel(config, "0123456789abcdef0123456789abcdef");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const TelegramChannel named = make_channel(true);
  static const TelegramChannel anonymous = make_channel(false);
  std::string input(reinterpret_cast<const char*>(data), size);

  httplib::Request request = netra::fuzz::webhook_request(input, "X-Telegram-Bot-Api-Secret-Token");
  const std::string& body = request.body;
  bool ok = named.authentic(request);
  check(ok == (request.get_header_value("X-Telegram-Bot-Api-Secret-Token") == "fuzz-secret_1"));

  for (const TelegramChannel* channel : {&named, &anonymous}) {
    try {
      for (const auto& message : channel->parse(body)) {
        check(message.delivery_id.rfind("telegram:", 0) == 0);
        check(message.message.channel == "telegram");
        check(message.address.chat.empty() || !message.message.sender_key.empty());
      }
    } catch (const BadRequest&) {
    } catch (const nlohmann::json::exception&) {
    }
  }
  return 0;
}
