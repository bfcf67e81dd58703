#include "adapters/whatsapp.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "adapters/text_limits.h"
#include "bot/pseudonym.h"

namespace netra::adapters {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json null_value;
  if (!object.is_object()) return null_value;
  auto found = object.find(key);
  return found == object.end() ? null_value : *found;
}

std::string string_at(const json& object, const char* key) {
  const json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

// Fills text / media of one message by its type. Returns false for types the bot ignores without a word
// (reactions, system notices); sets direct_reply for types it cannot read.
bool take_content(const json& message, ChannelMessage& out) {
  std::string type = string_at(message, "type");
  bot::InboundMessage& inbound = out.message;
  if (type == "text") {
    inbound.text = string_at(member(message, "text"), "body");
  } else if (type == "interactive") {
    const json& interactive = member(message, "interactive");
    std::string kind = string_at(interactive, "type");  // button_reply or list_reply
    inbound.text = string_at(member(interactive, kind.c_str()), "id");
    if (inbound.text.empty()) return false;
  } else if (type == "button") {  // a template's quick-reply button
    const json& button = member(message, "button");
    inbound.text = string_at(button, "payload");
    if (inbound.text.empty()) inbound.text = string_at(button, "text");
  } else if (type == "image" || type == "document" || type == "video") {
    const json& media = member(message, type.c_str());
    std::string media_id = string_at(media, "id");
    if (!media_id.empty()) {
      inbound.media_ref = "whatsapp:" + media_id;
      inbound.media_kind = type == "image" ? "photo" : type;
    }
    inbound.text = string_at(media, "caption");
  } else if (type == "reaction" || type == "system" || type == "ephemeral" || type == "request_welcome") {
    return false;
  } else {  // audio, sticker, location, contacts, unsupported, …
    inbound.media_kind = type;
    out.direct_reply = bot::Reply{unreadable_message_text(), {}};
  }
  if (inbound.text.empty() && !inbound.media_ref && !out.direct_reply) return false;
  return true;
}

}  // namespace

WhatsAppChannel::WhatsAppChannel(WhatsAppConfig config, std::string secret)
    : config_(std::move(config)), secret_(std::move(secret)) {
  std::tie(origin_, path_prefix_) = split_api_base(config_.api_base);
}

bool WhatsAppChannel::authentic(const httplib::Request& request) const {
  if (config_.app_secret.empty()) return false;
  std::string given = request.get_header_value("X-Hub-Signature-256");
  std::transform(given.begin(), given.end(), given.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string expected = "sha256=" + bot::hmac_sha256_hex(config_.app_secret, request.body);
  return bot::constant_time_equal(given, expected);
}

bool WhatsAppChannel::verify_subscription(const std::string& mode, const std::string& token) const {
  return mode == "subscribe" && !config_.verify_token.empty() && bot::constant_time_equal(token, config_.verify_token);
}

std::vector<ChannelMessage> WhatsAppChannel::parse(const std::string& body) const {
  json notification = json::parse(body, nullptr, false);
  if (notification.is_discarded() || !notification.is_object()) throw BadRequest("body is not a JSON object");
  std::vector<ChannelMessage> messages;
  const json& entries = member(notification, "entry");
  if (!entries.is_array()) return messages;
  for (const auto& entry : entries) {
    const json& changes = member(entry, "changes");
    if (!changes.is_array()) continue;
    for (const auto& change : changes) {
      const json& value = member(change, "value");
      std::string phone_number_id = string_at(member(value, "metadata"), "phone_number_id");
      const json& list = member(value, "messages");
      if (!list.is_array() || phone_number_id.empty()) continue;  // statuses only: nothing to do
      for (const auto& message : list) {
        std::string from = string_at(message, "from"), id = string_at(message, "id");
        if (from.empty() || id.empty()) continue;  // cannot be answered or deduplicated
        ChannelMessage out;
        // A wamid is base64 that embeds the sender's phone number: only its keyed hash is stored or logged.
        out.delivery_id = "whatsapp:" + bot::hmac_sha256_hex(secret_, "wamid:" + id);
        out.address.chat = from;
        out.address.sender = phone_number_id;
        out.message.channel = "whatsapp";
        out.message.sender_key = bot::sender_key(secret_, "whatsapp", from);
        if (take_content(message, out)) messages.push_back(std::move(out));
      }
    }
  }
  return messages;
}

std::vector<OutboundRequest> WhatsAppChannel::render(const ReplyAddress& to, const bot::Reply& reply) const {
  std::vector<OutboundRequest> requests;
  auto text_message = [&](const std::string& body) {
    json message = {{"messaging_product", "whatsapp"},
                    {"recipient_type", "individual"},
                    {"to", to.chat},
                    {"type", "text"},
                    {"text", {{"body", body}, {"preview_url", false}}}};
    requests.push_back(messages_request(to.sender, message.dump(-1, ' ', false, json::error_handler_t::replace)));
  };
  std::vector<bot::Choice> choices;
  for (const auto& choice : reply.choices) {
    if (!choice.id.empty() && choice.id.size() <= 256 && choices.size() < kWhatsAppMaxListRows) choices.push_back(choice);
  }
  if (choices.empty()) {
    for (const auto& part : split_message(reply.text, kWhatsAppTextUnits)) text_message(part);
    return requests;
  }
  // An interactive message's body holds at most 1024 characters: a longer text goes first as plain messages.
  std::string body = reply.text;
  if (utf16_length(body) > kWhatsAppInteractiveBodyUnits || body.empty()) {
    for (const auto& part : split_message(body, kWhatsAppTextUnits)) text_message(part);
    body = "Silakan pilih:";
  }
  json interactive;
  if (choices.size() <= kWhatsAppMaxButtons) {
    json buttons = json::array();
    for (const auto& choice : choices) {
      buttons.push_back({{"type", "reply"},
                         {"reply", {{"id", choice.id}, {"title", truncate_chars(choice.title, kWhatsAppButtonTitleChars)}}}});
    }
    interactive = {{"type", "button"}, {"body", {{"text", body}}}, {"action", {{"buttons", buttons}}}};
  } else {
    json rows = json::array();
    for (const auto& choice : choices) {
      json row = {{"id", choice.id}, {"title", truncate_chars(choice.title, kWhatsAppRowTitleChars)}};
      // A title too long for the row keeps its full wording in the description.
      if (utf16_length(choice.title) > kWhatsAppRowTitleChars) {
        row["description"] = truncate_chars(choice.title, kWhatsAppRowDescriptionChars);
      }
      rows.push_back(row);
    }
    interactive = {{"type", "list"},
                   {"body", {{"text", body}}},
                   {"action", {{"button", "Pilih"}, {"sections", {{{"title", "Pilihan"}, {"rows", rows}}}}}}};
  }
  json message = {{"messaging_product", "whatsapp"},
                  {"recipient_type", "individual"},
                  {"to", to.chat},
                  {"type", "interactive"},
                  {"interactive", interactive}};
  requests.push_back(messages_request(to.sender, message.dump(-1, ' ', false, json::error_handler_t::replace)));
  return requests;
}

OutboundRequest WhatsAppChannel::messages_request(const std::string& phone_number_id,
                                                  const std::string& json_body) const {
  OutboundRequest request;
  request.origin = origin_;
  request.path = path_prefix_ + "/" + phone_number_id + "/messages";
  request.headers = {{"Authorization", "Bearer " + config_.token}, {"Content-Type", "application/json"}};
  request.body = json_body;
  request.what = "messages";
  return request;
}

}  // namespace netra::adapters
