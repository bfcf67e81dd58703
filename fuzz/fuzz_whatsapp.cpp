// WhatsApp webhook: WhatsAppChannel::authentic on an arbitrary X-Hub-Signature-256 header, then parse on an
// arbitrary body. The input is "<header value>\n<body>" (no newline: the whole input is the body). parse may
// throw BadRequest or a nlohmann::json::exception (both become 400 in HttpServer); anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/channels/whatsapp.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/webhook_input.h"
#include "bot/crypto.h"

namespace {

using netra::fuzz::check;

using netra::adapters::BadRequest;
using netra::adapters::WhatsAppChannel;
using netra::adapters::WhatsAppConfig;

const char* kAppSecret = "fuzz-app-secret";

WhatsAppChannel make_channel() {
  WhatsAppConfig config;
  config.token = "fuzz-token";
  config.app_secret = kAppSecret;
  config.verify_token = "fuzz-verify";
  config.api_base = "http://127.0.0.1:1/v21.0";
  return WhatsAppChannel(config, "0123456789abcdef0123456789abcdef");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const WhatsAppChannel channel = make_channel();
  std::string input(reinterpret_cast<const char*>(data), size);

  httplib::Request request = netra::fuzz::webhook_request(input, "X-Hub-Signature-256");
  const std::string& body = request.body;
  channel.authentic(request);
  // The correct signature must always pass, in either case of hex digits.
  httplib::Request signed_request;
  signed_request.body = body;
  signed_request.set_header("X-Hub-Signature-256", "sha256=" + netra::bot::hmac_sha256_hex(kAppSecret, body));
  check(channel.authentic(signed_request));
  check(!channel.verify_subscription("subscribe", body) || body == "fuzz-verify");

  try {
    for (const auto& message : channel.parse(body)) {
      check(message.delivery_id.rfind("whatsapp:", 0) == 0);
      check(!message.address.chat.empty() && !message.address.sender.empty());
      check(message.message.channel == "whatsapp");
      check(!message.message.text.empty() || message.message.media_ref || message.direct_reply);
    }
  } catch (const BadRequest&) {
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
