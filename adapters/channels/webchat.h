// The web chat channel behind POST /api/v1/chat: {"session","text"} in, the replies collected synchronously
// into the HTTP response. CollectingSender is the output side; tests use it as the test double for a channel.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "adapters/channels/channel.h"

namespace netra::adapters {

class WebChatChannel : public Channel {
 public:
  explicit WebChatChannel(std::string secret) : secret_(std::move(secret)) {}

  std::string_view name() const override { return "web"; }
  // The web chat is public, like the bot itself; abuse limits live in the bot (per sender key).
  bool authentic(const httplib::Request&) const override { return true; }
  // Exactly one message; the sender key is keyed from the opaque session id. Throws BadRequest for a missing
  // or empty session, a session over 128 bytes, a missing text or one over 4096 bytes.
  std::vector<ChannelMessage> parse(const std::string& body) const override;
  // Web replies travel in the HTTP response (CollectingSender), never as outbound requests.
  std::vector<OutboundRequest> render(const ReplyAddress&, const bot::Reply&) const override { return {}; }

 private:
  std::string secret_;
};

// Collects replies instead of sending them.
class CollectingSender : public ReplySender {
 public:
  void send(const ReplyAddress& to, const bot::Reply& reply) override;
  // The replies so far, in order, with their addresses.
  std::vector<std::pair<ReplyAddress, bot::Reply>> replies() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<ReplyAddress, bot::Reply>> replies_;
};

}  // namespace netra::adapters
