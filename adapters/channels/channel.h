// The one interface a chat platform implements (Rasa's input/output channel roles in one small class): check
// the platform's secret on the raw request, turn its payload into neutral bot messages, and turn the bot's
// replies into outbound HTTP requests. The bot core never names a platform; adding a channel is adding a file.
#pragma once

#include <httplib.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/channels/platform_refusal.h"
#include "bot/message.h"

namespace netra::adapters {

// Where a reply goes. Held in memory only while one message is processed and its replies are sent: never
// written to SQLite or to a log, because it is the sender's phone number or chat id.
struct ReplyAddress {
  std::string chat;      // Telegram chat id (decimal int64), WhatsApp wa_id, web session
  std::string sender;    // WhatsApp: the phone_number_id the reply is sent from; Telegram: unused
  std::string reply_to;  // Telegram group chats: the message_id answered, so it is clear whom we answer
};

// One HTTP request to a platform API. `origin` is scheme://host[:port]; the path carries any API prefix
// (e.g. /v21.0) and, for Telegram, the bot token: never log the path.
struct OutboundRequest {
  std::string origin;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // JSON
  std::string what;  // a loggable label: "sendMessage", "messages", "answerCallbackQuery"
};

// One message as a channel parsed it: what the bot sees, plus what only the adapter needs.
struct ChannelMessage {
  bot::InboundMessage message;
  // Channel-scoped id for dedupe, safe to store and log: "telegram:<update_id>", "whatsapp:<keyed hash of wamid>".
  std::string delivery_id;
  ReplyAddress address;  // chat empty: nothing to answer, only the acknowledgements go out
  // Set when the platform sent something the bot cannot read (sticker, voice, location): the adapter answers
  // this instead of asking the bot.
  std::optional<bot::Reply> direct_reply;
  // Requests to send whatever the bot answers (Telegram's answerCallbackQuery stops the button spinning).
  std::vector<OutboundRequest> acknowledgements;
  // Telegram's media_group_id: the parts of one album are gathered into one message (MediaBursts).
  std::string media_group;
  // An album part that did not address the bot itself (in a group only the first part carries the caption that
  // names it): it is taken only to join its album's pending burst, and ignored otherwise.
  bool joins_album_only = false;
};

// A platform's later report that one of our messages was not delivered (WhatsApp statuses[] with status
// "failed"): counted and logged, never retried — it arrives minutes later and usually means "outside the 24-hour
// window" or "undeliverable", which a retry cannot change.
struct DeliveryFailure {
  std::string code;         // the platform's error code, as Refusal::code ("131047")
  std::string description;  // its title and details, as Refusal::description
  // For dedupe (platforms redeliver notifications): a keyed hash of the failed message's id; empty if it had none.
  std::string delivery_id;
};

// Everything one webhook body carries.
struct WebhookBatch {
  std::vector<ChannelMessage> messages;
  std::vector<DeliveryFailure> failures;
  bool truncated = false;  // the body held more than the channel reads from one request (logged, not processed)
};

// A request body the channel cannot read (malformed JSON, wrong shape): the HTTP layer answers 400.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Channel {
 public:
  virtual ~Channel() = default;
  // "telegram", "whatsapp", "web": the channel part of sender keys, delivery ids, metrics and logs.
  virtual std::string_view name() const = 0;
  // Checks the platform's secret or signature on the raw request, before anything parses the body. False means
  // 401 and nothing else happens.
  virtual bool authentic(const httplib::Request& request) const = 0;
  // Parses a webhook body into messages for the bot (none for updates the bot ignores, e.g. delivery
  // receipts). Throws BadRequest when the body is not what the platform sends.
  virtual std::vector<ChannelMessage> parse(const std::string& body) const = 0;
  // Like parse, plus the platform's reports of earlier messages that failed. The default has no such reports.
  virtual WebhookBatch read(const std::string& body) const { return {parse(body), {}}; }
  // True when authentic() proves the platform sent these very bytes (a signature over the body): a body that still
  // cannot be read is then acknowledged — logged and counted — instead of refused, since a refusal only makes the
  // platform redeliver it for days. False: such a body gets 400.
  virtual bool acknowledges_unreadable_bodies() const { return false; }
  // The requests that deliver one reply to an address, in order (long texts are split).
  virtual std::vector<OutboundRequest> render(const ReplyAddress& to, const bot::Reply& reply) const = 0;
  // What the platform's failed answer to one of this channel's requests means. The default reads the HTTP status
  // only (refusal_by_status); channels read their platform's error body.
  virtual Refusal read_refusal(const SendResult& result) const { return refusal_by_status(result); }
  // The platform's GET handshake on the webhook URL, for channels whose table row says they have one (WhatsApp's
  // subscription check): the body to answer 200 with, or nullopt to answer 403. The default has no handshake.
  virtual std::optional<std::string> answer_handshake(const httplib::Request&) const { return std::nullopt; }
  // `request` sent to `chat` instead, for Refusal::Action::readdress. nullopt when the channel cannot re-address.
  virtual std::optional<OutboundRequest> readdress(const OutboundRequest&, const std::string&) const {
    return std::nullopt;
  }
};

// The output role: delivers the bot's replies to an address. Webhook channels render and queue them
// (ChannelSender in outbound.h); the web chat collects them into its HTTP response (CollectingSender).
class ReplySender {
 public:
  virtual ~ReplySender() = default;
  virtual void send(const ReplyAddress& to, const bot::Reply& reply) = 0;
};

// The reply to a sticker, voice note, location or other message the bot cannot read.
inline std::string unreadable_message_text() {
  return "Maaf, Netra hanya bisa membaca pesan teks, foto, dan dokumen. Silakan tulis pertanyaan atau laporan "
         "Anda sebagai teks, atau ketik \"menu\" untuk melihat pilihan.";
}

// Splits an API base such as "https://graph.facebook.com/v21.0" into the origin ("https://graph.facebook.com")
// and the path prefix ("/v21.0", empty when none), which is how httplib::Client wants them.
inline std::pair<std::string, std::string> split_api_base(const std::string& base) {
  size_t scheme = base.find("://");
  size_t path = base.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (path == std::string::npos) return {base, ""};
  std::string prefix = base.substr(path);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return {base.substr(0, path), prefix};
}

}  // namespace netra::adapters
