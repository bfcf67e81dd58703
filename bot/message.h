// What the dialogue core sees of a chat message and what it says back, whatever the platform.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/answer.h"

namespace netra::bot {

// A button or list row the user can tap; `id` comes back as the message text when tapped.
struct Choice {
  std::string id;     // e.g. "menu:tanya", "role:kades" (at most 64 bytes: Telegram's callback_data limit)
  std::string title;  // at most 20 characters (WhatsApp's button title limit)
};

struct Reply {
  std::string text;              // plain text; channels escape or format it
  std::vector<Choice> choices;   // optional buttons; channels render 1–3 as buttons, more as a list
};

struct InboundMessage {
  std::string channel;      // "telegram", "whatsapp", "web"
  std::string sender_key;   // keyed hash of channel + platform user id (bot::sender_key): never the raw id
  std::string text;         // the message text, or the tapped choice's id
  std::optional<std::string> media_ref;  // platform media id of an attached photo or document ("telegram:<file_id>")
  std::string media_kind;   // "photo", "document", … when media_ref is set, or for media without text
  // Every media item, in order, when the channel gathered several into this one message (an album, photos sent in
  // a row); media_ref is then the first of them. Empty when there is at most one: use attached_media().
  std::vector<std::string> media_refs = {};
};

// Every media item a message carries: media_refs when there are several, else media_ref alone.
inline std::vector<std::string> attached_media(const InboundMessage& message) {
  if (!message.media_refs.empty()) return message.media_refs;
  if (message.media_ref) return {*message.media_ref};
  return {};
}

struct ConversationResult {
  std::vector<Reply> replies;
  Intent intent = Intent::question;
};

}  // namespace netra::bot
