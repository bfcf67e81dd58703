// Telegram Bot API webhook channel: Update JSON in, sendMessage requests out.
// Group chats: Netra answers only when addressed — a /command, a mention of the bot, or a reply to one of the
// bot's messages — so it never talks over a group's conversation; the mention is stripped before the bot sees
// the text. Photos and documents pass through as media refs ("telegram:<file_id>") with their caption, so the
// report flow can keep evidence; stickers, voice notes and locations get a short explanation instead. An edited
// message is answered like a new one (Telegram gives it a new update_id); messages from other bots are ignored.
#pragma once

#include <string>

#include "adapters/channel.h"
#include "adapters/config.h"

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

  // setWebhook for `url` with the configured secret, the update types Netra reads, and max_connections.
  OutboundRequest set_webhook_request(const std::string& url, int max_connections, bool drop_pending) const;
  // getWebhookInfo, to show what Telegram has registered.
  OutboundRequest webhook_info_request() const;

 private:
  OutboundRequest api_request(const std::string& method, const std::string& json_body) const;

  TelegramConfig config_;
  std::string secret_;
  std::string origin_, path_prefix_;
};

// Telegram counts message length in UTF-16 units; parts stay a little below 4096 so a few escaped or
// normalised characters can never push one over.
inline constexpr size_t kTelegramMessageUnits = 4000;

}  // namespace netra::adapters
