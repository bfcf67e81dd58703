// WhatsApp Business Cloud API webhook channel: notification JSON in, Graph API /messages requests out.
// Every request is authenticated by X-Hub-Signature-256 over the raw body before anything parses it. Button
// and list replies arrive as their choice id; images and documents as media refs ("whatsapp:<media id>") with
// their caption. Delivery receipts (statuses) are accepted; a "failed" one is reported as a DeliveryFailure
// (counted and logged, never retried). Refusals are read by Graph API error code, not HTTP status: Meta sends its
// throughput limits as HTTP 400 as often as 429. Delivery ids for dedupe are
// "whatsapp:" + HMAC(secret, wamid), because a wamid is base64 that contains the sender's phone number.
#pragma once

#include <string>

#include "adapters/channels/channel.h"
#include "adapters/app/config.h"

namespace netra::adapters {

class WhatsAppChannel : public Channel {
 public:
  // `secret` keys sender pseudonyms (Config::secret).
  WhatsAppChannel(WhatsAppConfig config, std::string secret);

  std::string_view name() const override { return "whatsapp"; }
  // X-Hub-Signature-256 must be "sha256=" + hex HMAC-SHA256(app secret, raw body), compared in constant time.
  bool authentic(const httplib::Request& request) const override;
  std::vector<ChannelMessage> parse(const std::string& body) const override;
  // The messages, plus one DeliveryFailure per statuses[] entry whose status is "failed" (its first errors[] item).
  WebhookBatch read(const std::string& body) const override;
  // The signature covers the body: an unreadable one is acknowledged, or Meta would redeliver it for 7 days.
  bool acknowledges_unreadable_bodies() const override { return true; }
  // Text messages split below 4096 characters; choices as reply buttons (≤3) or a list (≤10 rows).
  std::vector<OutboundRequest> render(const ReplyAddress& to, const bot::Reply& reply) const override;

  // Reads {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}} by error.code: the rate and
  // throughput limits (4, 80007, 130429, 131056) and Meta's temporary failures (2, 131000, 131016) are retried,
  // whatever the HTTP status; 131047 (outside the 24-hour window: only a template could be sent) and 131026
  // (undeliverable) are given up; any other code by HTTP status.
  Refusal read_refusal(const SendResult& result) const override;

  // The GET handshake: hub.challenge when verify_subscription(hub.mode, hub.verify_token), else nullopt (403).
  std::optional<std::string> answer_handshake(const httplib::Request& request) const override;
  // True when mode is "subscribe" and token equals the configured verify token.
  bool verify_subscription(const std::string& mode, const std::string& token) const;

 private:
  OutboundRequest messages_request(const std::string& phone_number_id, const std::string& json_body) const;

  WhatsAppConfig config_;
  std::string secret_;
  std::string origin_, path_prefix_;
};

// The platform's limits, in characters (we count UTF-16 units, never fewer).
inline constexpr size_t kWhatsAppTextUnits = 4096;
inline constexpr size_t kWhatsAppInteractiveBodyUnits = 1024;
inline constexpr size_t kWhatsAppMaxButtons = 3;
inline constexpr size_t kWhatsAppButtonTitleChars = 20;
inline constexpr size_t kWhatsAppMaxListRows = 10;
inline constexpr size_t kWhatsAppRowTitleChars = 24;
inline constexpr size_t kWhatsAppRowDescriptionChars = 72;
inline constexpr size_t kWhatsAppMaxChoiceIdBytes = 256;  // a button or list row id
inline constexpr size_t kWhatsAppMaxMediaIdBytes = 128;   // media ids are ~16 digits; a longer one is not Meta's
// Messages and status reports read from one notification. Meta batches a few; the 1 MiB body limit would allow
// thousands of tiny messages, each a bot answer and a reply: the rest of such a batch is logged and not read.
inline constexpr size_t kWhatsAppMaxMessagesPerNotification = 100;
inline constexpr size_t kWhatsAppMaxStatusesPerNotification = 1000;

}  // namespace netra::adapters
