#include "adapters/channels/whatsapp.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "adapters/http/lenient_json.h"
#include "adapters/channels/text_limits.h"
#include "bot/crypto.h"
#include "bot/pseudonym.h"
#include "knowledge/strings.h"

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

// A text message's body is at most 4096 characters (Cloud API), a caption 1024: no more than that is read, so the
// cost of every later step is bounded whatever a crafted notification holds.
std::string bounded_text(const std::string& text) {
  return std::string(prefix_within_units(text, kWhatsAppTextUnits));
}

// Fills text / media of one message by its type. Returns false for types the bot ignores without a word
// (reactions, system notices); sets direct_reply for types it cannot read.
bool take_content(const json& message, ChannelMessage& out) {
  std::string type = string_at(message, "type");
  bot::InboundMessage& inbound = out.message;
  if (type == "text") {
    inbound.text = bounded_text(string_at(member(message, "text"), "body"));
  } else if (type == "interactive") {
    const json& interactive = member(message, "interactive");
    std::string kind = string_at(interactive, "type");  // button_reply or list_reply
    inbound.text = string_at(member(interactive, kind.c_str()), "id");
    // Our ids are short; Meta allows 256. Anything longer is not a choice Netra offered.
    if (inbound.text.empty() || inbound.text.size() > kWhatsAppMaxChoiceIdBytes) return false;
  } else if (type == "button") {  // a template's quick-reply button
    const json& button = member(message, "button");
    inbound.text = string_at(button, "payload");
    if (inbound.text.empty()) inbound.text = string_at(button, "text");
    inbound.text = bounded_text(inbound.text);
  } else if (type == "image" || type == "document" || type == "video") {
    const json& media = member(message, type.c_str());
    std::string media_id = string_at(media, "id");
    if (!media_id.empty() && media_id.size() <= kWhatsAppMaxMediaIdBytes) {
      inbound.media_ref = "whatsapp:" + media_id;
      inbound.media_kind = type == "image" ? "photo" : type;
    }
    inbound.text = bounded_text(string_at(media, "caption"));
  } else if (type == "reaction" || type == "system" || type == "ephemeral" || type == "request_welcome") {
    return false;
  } else {  // audio, sticker, location, contacts, unsupported, …
    inbound.media_kind = type;
    out.direct_reply = bot::Reply{unreadable_message_text(), {}};
  }
  if (inbound.text.empty() && !inbound.media_ref && !out.direct_reply) return false;
  return true;
}

// Graph API error codes (WhatsApp Cloud API "Error codes" reference). Throughput and rate limits: wait and retry.
// Meta's documentation lists them under HTTP 400 as well as 429, so the status alone would give them up.
bool is_transient_error(long long code) {
  switch (code) {
    case 4:       // API Too Many Calls
    case 80007:   // WhatsApp Business Account rate limit
    case 130429:  // Cloud API message throughput reached
    case 131056:  // (Business, Consumer) pair rate limit: too many messages to one user in a short time
    case 2:       // API Service: temporarily unavailable
    case 131000:  // Something went wrong
    case 131016:  // Service unavailable
      return true;
    default:
      return false;
  }
}

// Codes no retry can change: send a template, or stay silent.
bool is_final_error(long long code) {
  return code == 131047      // re-engagement: more than 24 hours since the user's last message
         || code == 131026;  // message undeliverable (no WhatsApp, old app, terms not accepted, or blocked)
}

// "title: details" of a Graph API error object (an error body's "error", or one statuses[].errors item).
std::string words_of(const json& error) {
  std::string words = string_at(error, "message");
  if (words.empty()) words = string_at(error, "title");
  std::string details = string_at(member(error, "error_data"), "details");
  if (!details.empty()) words += (words.empty() ? "" : ": ") + details;
  return loggable_description(words);
}

// error.code: a number, or (seen from some gateways in front of the Graph API) its digits as a string.
std::optional<long long> code_of(const json& error) {
  const json& code = member(error, "code");
  if (code.is_number_integer()) return code.get<long long>();
  if (code.is_string()) {
    const std::string& digits = code.get_ref<const std::string&>();
    long long value = 0;
    auto [end, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (problem == std::errc() && end == digits.data() + digits.size() && !digits.empty()) return value;
  }
  return std::nullopt;
}

}  // namespace

WhatsAppChannel::WhatsAppChannel(WhatsAppConfig config, std::string secret)
    : config_(std::move(config)), secret_(std::move(secret)) {
  std::tie(origin_, path_prefix_) = split_api_base(config_.api_base);
}

bool WhatsAppChannel::authentic(const httplib::Request& request) const {
  if (config_.app_secret.empty()) return false;
  std::string given = knowledge::ascii_lower(request.get_header_value("X-Hub-Signature-256"));
  std::string expected = "sha256=" + bot::hmac_sha256_hex(config_.app_secret, request.body);
  return bot::constant_time_equal(given, expected);
}

bool WhatsAppChannel::verify_subscription(const std::string& mode, const std::string& token) const {
  return mode == "subscribe" && !config_.verify_token.empty() && bot::constant_time_equal(token, config_.verify_token);
}

std::optional<std::string> WhatsAppChannel::answer_handshake(const httplib::Request& request) const {
  if (!verify_subscription(request.get_param_value("hub.mode"), request.get_param_value("hub.verify_token"))) {
    return std::nullopt;
  }
  return request.get_param_value("hub.challenge");
}

std::vector<ChannelMessage> WhatsAppChannel::parse(const std::string& body) const {
  return read(body).messages;
}

WebhookBatch WhatsAppChannel::read(const std::string& body) const {
  // The signature was checked on the raw bytes (authentic); only now is the body read, leniently: one emoji cut
  // in half must not make Meta redeliver the whole batch for days.
  json notification = parse_json_leniently(body);
  if (notification.is_discarded() || !notification.is_object()) throw BadRequest("body is not a JSON object");
  WebhookBatch batch;
  std::vector<ChannelMessage>& messages = batch.messages;
  size_t messages_read = 0, statuses_read = 0;
  const json& entries = member(notification, "entry");
  if (!entries.is_array()) return batch;
  for (const auto& entry : entries) {
    const json& changes = member(entry, "changes");
    if (!changes.is_array()) continue;
    for (const auto& change : changes) {
      const json& value = member(change, "value");
      const json& statuses = member(value, "statuses");
      if (statuses.is_array()) {
        for (const auto& status : statuses) {
          if (statuses_read++ >= kWhatsAppMaxStatusesPerNotification) {
            batch.truncated = true;
            break;
          }
          if (string_at(status, "status") != "failed") continue;  // sent, delivered, read: nothing to do
          const json& errors = member(status, "errors");
          const json& error = errors.is_array() && !errors.empty() ? errors.front() : json();
          auto code = code_of(error);
          // Only the code and Meta's words: recipient_id is the user's number, id a wamid that embeds it.
          std::string wamid = string_at(status, "id");
          batch.failures.push_back(
              {code ? error_code_label(*code) : "unknown", words_of(error),
               wamid.empty() ? "" : "whatsapp:" + bot::hmac_sha256_hex(secret_, "failed:" + wamid)});
        }
      }
      std::string phone_number_id = string_at(member(value, "metadata"), "phone_number_id");
      const json& list = member(value, "messages");
      if (!list.is_array() || phone_number_id.empty()) continue;
      for (const auto& message : list) {
        if (messages_read++ >= kWhatsAppMaxMessagesPerNotification) {
          batch.truncated = true;
          break;
        }
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
  return batch;
}

Refusal WhatsAppChannel::read_refusal(const SendResult& result) const {
  Refusal refusal = refusal_by_status(result);
  json answer = json::parse(result.body, nullptr, false);
  const json& error = member(answer, "error");
  if (!error.is_object()) return refusal;
  refusal.description = words_of(error);
  auto code = code_of(error);
  if (!code) return refusal;
  refusal.code = error_code_label(*code);
  if (is_transient_error(*code))
    refusal.action = Refusal::Action::retry;
  else if (is_final_error(*code))
    refusal.action = Refusal::Action::give_up;
  return refusal;
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
    if (!choice.id.empty() && choice.id.size() <= 256 && choices.size() < kWhatsAppMaxListRows)
      choices.push_back(choice);
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
      buttons.push_back(
          {{"type", "reply"},
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
