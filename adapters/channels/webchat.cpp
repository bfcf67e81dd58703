#include "adapters/channels/webchat.h"

#include <nlohmann/json.hpp>

#include "bot/pseudonym.h"

namespace netra::adapters {

std::vector<ChannelMessage> WebChatChannel::parse(const std::string& body) const {
  auto request = nlohmann::json::parse(body, nullptr, false);
  if (request.is_discarded()) throw BadRequest("malformed JSON");
  if (!request.is_object()) throw BadRequest("expected a JSON object {\"session\", \"text\"}");
  auto session = request.find("session");
  auto text = request.find("text");
  if (session == request.end() || !session->is_string() || session->get<std::string>().empty()) {
    throw BadRequest("\"session\" must be a non-empty string");
  }
  if (session->get<std::string>().size() > 128) throw BadRequest("\"session\" is longer than 128 bytes");
  if (text == request.end() || !text->is_string()) throw BadRequest("\"text\" must be a string");
  if (text->get<std::string>().size() > 4096) throw BadRequest("\"text\" is longer than 4096 bytes");

  ChannelMessage message;
  message.message.channel = "web";
  message.message.sender_key = bot::sender_key(secret_, "web", session->get<std::string>());
  message.message.text = text->get<std::string>();
  // The reply goes back on the same HTTP exchange: the address only has to be non-empty.
  message.address.chat = "web";
  return {message};
}

void CollectingSender::send(const ReplyAddress& to, const bot::Reply& reply) {
  std::lock_guard lock(mutex_);
  replies_.emplace_back(to, reply);
}

std::vector<std::pair<ReplyAddress, bot::Reply>> CollectingSender::replies() const {
  std::lock_guard lock(mutex_);
  return replies_;
}

}  // namespace netra::adapters
