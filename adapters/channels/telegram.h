// Telegram Bot API webhook channel: Update JSON in, sendMessage requests out.
// Group chats: Netra answers only when addressed — a bare /command or one addressed to it (/lapor@netra_bot), a
// mention of it, or a reply to one of its messages — so it never talks over a group's conversation, and never takes
// a command or mention meant for another bot; its own name is stripped before the bot sees the text. It learns its
// username from getMe (TelegramIdentity) unless NETRA_TELEGRAM_BOT_USERNAME sets it. Anonymous group admins (sent
// on behalf of the group: sender_chat) are people like any other. Photos and documents pass through as media refs
// ("telegram:<file_id>") with their caption, so the report flow can keep evidence; stickers, voice notes and
// locations get a short explanation instead. An edited message is answered like a new one (Telegram gives it a new
// update_id); messages from other bots are ignored. What one update costs is bounded whatever it holds: the text is
// read up to Telegram's own limit and at most kMaxEntitiesExamined entities, each in constant time.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "adapters/channels/channel.h"
#include "adapters/app/config.h"

namespace netra::adapters {

class TelegramChannel : public Channel {
 public:
  // `secret` keys sender pseudonyms (Config::secret).
  TelegramChannel(TelegramConfig config, std::string secret);

  std::string_view name() const override { return "telegram"; }
  // True when no webhook secret is configured, else X-Telegram-Bot-Api-Secret-Token must equal it (constant time).
  bool authentic(const httplib::Request& request) const override;
  std::vector<ChannelMessage> parse(const std::string& body) const override;
  // sendMessage with parse_mode HTML, split below 4096 characters; choices as an inline keyboard on the last part.
  std::vector<OutboundRequest> render(const ReplyAddress& to, const bot::Reply& reply) const override;
  // Reads {"ok":false,"error_code","description","parameters":{"retry_after","migrate_to_chat_id"}}: a
  // migrate_to_chat_id re-addresses (the group became a supergroup); 429 and 5xx are retried, waiting at least
  // retry_after; everything else (403 blocked or kicked, 400 bad request, 401 bad token) is given up.
  Refusal read_refusal(const SendResult& result) const override;
  // A sendMessage to `chat` (a decimal chat id) instead; nullopt for requests without a chat_id.
  std::optional<OutboundRequest> readdress(const OutboundRequest& request, const std::string& chat) const override;

  // The bot's own username (without '@'), or empty while it is not known. Thread-safe.
  std::string bot_username() const;
  // Sets the username learned from getMe (a configured NETRA_TELEGRAM_BOT_USERNAME is never replaced). Thread-safe.
  void learn_bot_username(const std::string& username);
  // getMe, whose answer names the bot (username_in_get_me).
  OutboundRequest get_me_request() const;
  // result.username of a getMe answer {"ok":true,"result":{"id","is_bot","username",…}}; nullopt for anything else.
  static std::optional<std::string> username_in_get_me(const std::string& body);

  // setWebhook for `url` with the configured secret, the update types Netra reads, and max_connections.
  OutboundRequest set_webhook_request(const std::string& url, int max_connections, bool drop_pending) const;
  // getWebhookInfo, to show what Telegram has registered.
  OutboundRequest webhook_info_request() const;

 private:
  OutboundRequest api_request(const std::string& method, const std::string& json_body) const;

  TelegramConfig config_;
  std::string secret_;
  std::string origin_, path_prefix_;
  mutable std::mutex username_mutex_;
  std::string username_;  // config_.bot_username, or what getMe said
};

// Telegram counts message length in UTF-16 units; parts stay a little below 4096 so a few escaped or
// normalised characters can never push one over.
inline constexpr size_t kTelegramMessageUnits = 4000;

// Bot API: a message's text is at most 4096 characters after entities parsing (a caption 1024); that much of an
// incoming text or caption is read, no more.
inline constexpr size_t kMaxTextUnits = 4096;
// Entities read per message. Only mentions and a leading command matter, and a real message has a handful; a
// crafted update can carry thousands.
inline constexpr size_t kMaxEntitiesExamined = 100;
// Bot API: callback_data is 1-64 bytes. Longer data did not come from one of Netra's buttons.
inline constexpr size_t kMaxCallbackDataBytes = 64;

}  // namespace netra::adapters
