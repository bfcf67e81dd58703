#include "adapters/channels/telegram.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "adapters/http/lenient_json.h"
#include "adapters/channels/text_limits.h"
#include "bot/crypto.h"
#include "bot/pseudonym.h"
#include "knowledge/strings.h"

namespace netra::adapters {
namespace {

using nlohmann::json;

// Telegram ids are integers up to 52 bits, chat ids negative for groups (-100… for supergroups).
std::optional<int64_t> integer_at(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<int64_t>();
}

std::string string_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Whether a group message is meant for the bot, and its text with the bot's name taken out.
struct Addressing {
  bool addressed = false;
  std::string text;
};

// True only for a member that is the JSON literal true (json::value would throw for another type).
bool is_true(const json& object, const char* key) {
  if (!object.is_object()) return false;
  auto found = object.find(key);
  return found != object.end() && found->is_boolean() && found->get<bool>();
}

// The member of an object, or nullptr: unlike json::value, never copies (an update's entities can be thousands).
const json* find_member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

// `text` is at most kMaxTextUnits long and `bot_username` is empty while the bot's name is not known (getMe has not
// answered and NETRA_TELEGRAM_BOT_USERNAME is unset): then only a bare /command counts, because a mention, a
// /command@name or a reply to a bot could be meant for any bot in the group. A command addressed to another bot is
// never for Netra, whatever else the message holds. Reads at most kMaxEntitiesExamined entities, each in O(1).
Addressing addressing_of(const json& message, const std::string& text, const std::string& bot_username) {
  Addressing result;
  const std::string wanted = knowledge::ascii_lower(bot_username);
  bool for_another_bot = false;
  const json* entities = find_member(message, "entities");
  if (!entities) entities = find_member(message, "caption_entities");
  std::vector<std::pair<size_t, size_t>> cuts;  // byte ranges to remove
  if (entities && entities->is_array()) {
    Utf16Index index(text);
    size_t examined = 0;
    for (const auto& entity : *entities) {
      if (examined++ == kMaxEntitiesExamined) break;
      auto offset = integer_at(entity, "offset"), length = integer_at(entity, "length");
      if (!offset || !length || *offset < 0 || *length <= 0) continue;
      // Summed as size_t: both are non-negative int64, so the sum cannot wrap (int64 addition could overflow).
      size_t first = static_cast<size_t>(*offset), last = first + static_cast<size_t>(*length);
      if (first >= index.units()) continue;  // beyond the text (or the part of it Netra reads)
      size_t begin = index.byte_offset(first), end = index.byte_offset(last);
      std::string_view piece = std::string_view(text).substr(begin, end - begin);
      std::string type = string_at(entity, "type");
      if (type == "mention") {
        if (!wanted.empty() && piece.size() > 1 && knowledge::ascii_lower(piece.substr(1)) == wanted) {
          result.addressed = true;
          cuts.emplace_back(begin, end);
        }
      } else if (type == "bot_command" && first == 0) {
        size_t at = piece.find('@');
        std::string target = at == std::string_view::npos ? "" : knowledge::ascii_lower(piece.substr(at + 1));
        if (target.empty()) {
          result.addressed = true;  // "/lapor": every bot in the group may take it
        } else if (!wanted.empty() && target == wanted) {
          result.addressed = true;
          cuts.emplace_back(begin + at, end);  // "/lapor@netra_bot" → "/lapor"
        } else {
          for_another_bot = true;  // "/lapor@OtherHelperBot", or any @name while Netra's own is unknown
        }
      }
    }
  }
  const json* reply_to = find_member(message, "reply_to_message");
  const json* replied_from = reply_to ? find_member(*reply_to, "from") : nullptr;
  if (replied_from && !wanted.empty() && is_true(*replied_from, "is_bot") &&
      knowledge::ascii_lower(string_at(*replied_from, "username")) == wanted) {
    result.addressed = true;
  }
  if (for_another_bot) return {};
  std::string remaining = text;
  // Cut from the end so earlier offsets stay valid.
  std::sort(cuts.rbegin(), cuts.rend());
  for (const auto& [begin, end] : cuts) remaining.erase(begin, end - begin);
  result.text = std::string(knowledge::trim(remaining));
  return result;
}

// The media a message carries, as the report flow's evidence: the largest photo size is last.
void take_media(const json& message, bot::InboundMessage& inbound) {
  if (message.contains("photo") && message["photo"].is_array() && !message["photo"].empty()) {
    std::string file_id = string_at(message["photo"].back(), "file_id");
    if (!file_id.empty()) {
      inbound.media_ref = "telegram:" + file_id;
      inbound.media_kind = "photo";
    }
    return;
  }
  for (const char* kind : {"document", "video"}) {
    if (message.contains(kind)) {
      std::string file_id = string_at(message[kind], "file_id");
      if (!file_id.empty()) {
        inbound.media_ref = "telegram:" + file_id;
        inbound.media_kind = kind;
      }
      return;
    }
  }
}

// Message kinds the bot cannot read but the user clearly meant for it.
const char* unreadable_kind(const json& message) {
  for (const char* kind :
       {"sticker", "voice", "audio", "video_note", "location", "venue", "contact", "poll", "animation", "dice"}) {
    if (message.contains(kind)) return kind;
  }
  return nullptr;
}

// In a group each member has a conversation of their own with Netra, apart from their private chat with it.
std::string telegram_sender_key(const std::string& secret, bool group, int64_t chat_id, const std::string& user) {
  return bot::sender_key(secret, "telegram", group ? std::to_string(chat_id) + ":" + user : user);
}

// A button press, whose callback_data is the id of the choice pressed (render). `out` already holds the update's
// delivery id and its answerCallbackQuery.
std::vector<ChannelMessage> read_callback_query(const json& callback, const std::string& secret, ChannelMessage out) {
  auto from_id = integer_at(callback.value("from", json::object()), "id");
  const json& origin = callback.value("message", json::object());
  auto chat_id = integer_at(origin.value("chat", json::object()), "id");
  std::string data = string_at(callback, "data");
  if (data.size() > kMaxCallbackDataBytes) data.clear();  // not a button of ours: only stop the spinner
  if (!from_id || !chat_id || data.empty()) {
    // An inline-mode button has no chat to answer in: only stop the spinner (empty address).
    if (out.acknowledgements.empty()) return {};
    return {out};
  }
  bool group = string_at(origin["chat"], "type") != "private";
  out.address.chat = std::to_string(*chat_id);
  out.message.sender_key = telegram_sender_key(secret, group, *chat_id, std::to_string(*from_id));
  out.message.text = data;
  return {out};
}

// Who sent a message, as the platform id its pseudonym is keyed by; nullopt for another bot (never talk to other
// bots: no loops) and for a channel post copied into its discussion group (not a person asking anything).
std::optional<std::string> person_of(const json& message, int64_t chat_id) {
  if (is_true(message, "is_automatic_forward")) return std::nullopt;
  const json* from = find_member(message, "from");
  // sender_chat: an anonymous group admin (from = GroupAnonymousBot, is_bot true, sender_chat = the group) or a
  // member writing as a channel. A person all the same, so the is_bot rule does not apply.
  const json* sender_chat = find_member(message, "sender_chat");
  auto sender_chat_id = sender_chat ? integer_at(*sender_chat, "id") : std::nullopt;
  if (!sender_chat_id && from && is_true(*from, "is_bot")) return std::nullopt;
  auto from_id = from ? integer_at(*from, "id") : std::nullopt;
  return sender_chat_id ? "chat:" + std::to_string(*sender_chat_id)
         : from_id      ? std::to_string(*from_id)
                        : std::to_string(chat_id);
}

// A message or an edited one. In a group only what is addressed to Netra is read (addressing_of), and the rest of
// an album whose first part was; media become the report flow's evidence, and a sticker or voice note a direct
// explanation. Empty: nothing to answer.
std::vector<ChannelMessage> read_message(const json& message, const std::string& secret,
                                         const std::string& bot_username, ChannelMessage out) {
  const json& chat = message.value("chat", json::object());
  auto chat_id = integer_at(chat, "id");
  if (!chat_id) return {};
  std::string chat_type = string_at(chat, "type");
  if (chat_type == "channel") return {};
  bool group = chat_type == "group" || chat_type == "supergroup";
  std::optional<std::string> user = person_of(message, *chat_id);
  if (!user) return {};

  // Telegram's own limit on what a person can send; the rest of a longer text is not read (it was not typed into
  // a Telegram client), which bounds the cost of every later step.
  std::string text(prefix_within_units(
      message.contains("text") ? string_at(message, "text") : string_at(message, "caption"), kMaxTextUnits));
  // An album: one update per photo, sharing media_group_id, the caption (and so any mention) on the first only.
  out.media_group = string_at(message, "media_group_id").substr(0, 64);
  if (group) {
    auto addressing = addressing_of(message, text, bot_username);
    if (addressing.addressed) {
      text = addressing.text;
      if (auto message_id = integer_at(message, "message_id")) out.address.reply_to = std::to_string(*message_id);
    } else if (!out.media_group.empty() && text.empty()) {
      out.joins_album_only = true;  // the rest of an album whose first part may have named the bot
    } else {
      return {};
    }
  }
  out.address.chat = std::to_string(*chat_id);
  out.message.sender_key = telegram_sender_key(secret, group, *chat_id, *user);
  out.message.text = text;
  take_media(message, out.message);
  if (out.joins_album_only && !out.message.media_ref) return {};
  if (!out.message.media_ref && text.empty()) {
    const char* kind = unreadable_kind(message);
    if (!kind) return {};  // service messages (members joined, pinned, …)
    out.message.media_kind = kind;
    out.direct_reply = bot::Reply{unreadable_message_text(), {}};
  }
  return {out};
}

}  // namespace

TelegramChannel::TelegramChannel(TelegramConfig config, std::string secret)
    : config_(std::move(config)), secret_(std::move(secret)), username_(config_.bot_username) {
  std::tie(origin_, path_prefix_) = split_api_base(config_.api_base);
}

std::string TelegramChannel::bot_username() const {
  std::lock_guard lock(username_mutex_);
  return username_;
}

void TelegramChannel::learn_bot_username(const std::string& username) {
  if (!config_.bot_username.empty()) return;
  std::lock_guard lock(username_mutex_);
  username_ = username;
}

OutboundRequest TelegramChannel::get_me_request() const {
  return api_request("getMe", "{}");
}

std::optional<std::string> TelegramChannel::username_in_get_me(const std::string& body) {
  json answer = json::parse(body, nullptr, false);
  if (!answer.is_object() || !is_true(answer, "ok")) return std::nullopt;
  std::string username = string_at(answer["result"], "username");
  // Telegram usernames: 5-32 of a-z, 0-9 and _ (bots end in "bot").
  if (username.empty() || username.size() > 32 ||
      username.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
          std::string::npos) {
    return std::nullopt;
  }
  return username;
}

bool TelegramChannel::authentic(const httplib::Request& request) const {
  if (config_.secret.empty()) return true;
  return bot::constant_time_equal(request.get_header_value("X-Telegram-Bot-Api-Secret-Token"), config_.secret);
}

std::vector<ChannelMessage> TelegramChannel::parse(const std::string& body) const {
  json update = parse_json_leniently(body);
  if (update.is_discarded() || !update.is_object()) throw BadRequest("body is not a JSON object");
  auto update_id = integer_at(update, "update_id");
  if (!update_id) throw BadRequest("update_id missing");

  ChannelMessage out;
  out.delivery_id = "telegram:" + std::to_string(*update_id);
  out.message.channel = "telegram";
  if (update.contains("callback_query") && update["callback_query"].is_object()) {
    const json& callback = update["callback_query"];
    // Bot API: clients show a progress bar on the pressed button until answerCallbackQuery, whatever else happens.
    std::string callback_id = string_at(callback, "id");
    if (!callback_id.empty()) {
      out.acknowledgements.push_back(
          api_request("answerCallbackQuery", json{{"callback_query_id", callback_id}}.dump()));
    }
    return read_callback_query(callback, secret_, std::move(out));
  }
  const json* message = nullptr;
  if (update.contains("message"))
    message = &update["message"];
  else if (update.contains("edited_message"))
    message = &update["edited_message"];
  if (!message || !message->is_object()) return {};  // other update kinds: acknowledged and ignored
  return read_message(*message, secret_, bot_username(), std::move(out));
}

std::vector<OutboundRequest> TelegramChannel::render(const ReplyAddress& to, const bot::Reply& reply) const {
  std::vector<std::string> parts = split_message(reply.text, kTelegramMessageUnits);
  if (parts.empty() && !reply.choices.empty()) parts.push_back("Silakan pilih:");
  json chat_id;
  try {
    chat_id = std::stoll(to.chat);
  } catch (const std::exception&) {
    chat_id = to.chat;  // "@channelname" style addresses are strings
  }
  std::vector<OutboundRequest> requests;
  for (size_t i = 0; i < parts.size(); ++i) {
    json body = {{"chat_id", chat_id},
                 {"text", escape_html(parts[i])},
                 {"parse_mode", "HTML"},
                 {"disable_web_page_preview", true}};
    if (i == 0 && !to.reply_to.empty()) {
      body["reply_to_message_id"] = std::stoll(to.reply_to);
      body["allow_sending_without_reply"] = true;
    }
    if (i + 1 == parts.size() && !reply.choices.empty()) {
      // One button a row reads best on phones for the menu's long titles; short lists go two a row.
      size_t per_row = reply.choices.size() > 3 ? 2 : 1;
      json keyboard = json::array();
      for (const auto& choice : reply.choices) {
        if (choice.id.empty() || choice.id.size() > 64) continue;  // Telegram rejects the whole message otherwise
        if (keyboard.empty() || keyboard.back().size() >= per_row) keyboard.push_back(json::array());
        keyboard.back().push_back({{"text", truncate_chars(choice.title, 64)}, {"callback_data", choice.id}});
      }
      if (!keyboard.empty()) body["reply_markup"] = {{"inline_keyboard", keyboard}};
    }
    requests.push_back(api_request("sendMessage", body.dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  return requests;
}

Refusal TelegramChannel::read_refusal(const SendResult& result) const {
  Refusal refusal = refusal_by_status(result);
  json answer = json::parse(result.body, nullptr, false);
  if (!answer.is_object()) return refusal;
  auto error_code = integer_at(answer, "error_code");
  if (error_code) refusal.code = error_code_label(*error_code);
  refusal.description = loggable_description(string_at(answer, "description"));
  auto parameters = answer.find("parameters");
  if (parameters != answer.end() && parameters->is_object()) {
    if (auto seconds = integer_at(*parameters, "retry_after"); seconds && *seconds > 0) {
      refusal.retry_after = std::chrono::seconds(std::min<int64_t>(*seconds, 1'000'000));
    }
    // "Bad Request: group chat was upgraded to a supergroup chat": the same conversation under a new id.
    if (auto moved_to = integer_at(*parameters, "migrate_to_chat_id")) {
      refusal.action = Refusal::Action::readdress;
      refusal.readdress_to = std::to_string(*moved_to);
      return refusal;
    }
  }
  // error_code mirrors the HTTP status; only "too many requests" and server errors can pass on another attempt.
  int meaning = error_code ? static_cast<int>(std::clamp<int64_t>(*error_code, 0, 999)) : result.status;
  bool transient = result.status == 0 || result.status >= 500 || meaning == 429 || meaning >= 500;
  refusal.action = transient ? Refusal::Action::retry : Refusal::Action::give_up;
  return refusal;
}

std::optional<OutboundRequest> TelegramChannel::readdress(const OutboundRequest& request,
                                                          const std::string& chat) const {
  int64_t chat_id = 0;
  auto [end, problem] = std::from_chars(chat.data(), chat.data() + chat.size(), chat_id);
  if (problem != std::errc() || end != chat.data() + chat.size()) return std::nullopt;
  json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("chat_id")) return std::nullopt;
  body["chat_id"] = chat_id;
  // The quoted message belonged to the old group's history; the reply stands on its own in the new one.
  body.erase("reply_to_message_id");
  body.erase("allow_sending_without_reply");
  OutboundRequest moved = request;
  moved.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return moved;
}

OutboundRequest TelegramChannel::set_webhook_request(const std::string& url, int max_connections,
                                                     bool drop_pending) const {
  json body = {{"url", url},
               {"allowed_updates", {"message", "edited_message", "callback_query"}},
               {"max_connections", max_connections},
               {"drop_pending_updates", drop_pending}};
  if (!config_.secret.empty()) body["secret_token"] = config_.secret;
  return api_request("setWebhook", body.dump());
}

OutboundRequest TelegramChannel::webhook_info_request() const {
  return api_request("getWebhookInfo", "{}");
}

OutboundRequest TelegramChannel::api_request(const std::string& method, const std::string& json_body) const {
  OutboundRequest request;
  request.origin = origin_;
  request.path = path_prefix_ + "/bot" + config_.token + "/" + method;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = json_body;
  request.what = method;
  return request;
}

}  // namespace netra::adapters
