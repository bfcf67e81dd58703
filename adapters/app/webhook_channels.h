// The webhook platforms `netra serve` runs, as one table (webhook_channels()). Each row names a platform and opens
// its Channel — with its evidence fetcher and whatever it keeps running — from the configuration. serve() walks the
// table: each open channel gets its input role wired to POST /webhook/<name> (authentic, read) and its output role
// to the Outbound queue (a ChannelSender: render, send); a channel that is off answers 404 there. Adding a platform
// is writing its Channel in adapters/channels/ and adding a row here.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "adapters/app/config.h"
#include "adapters/channels/channel.h"
#include "adapters/channels/media_fetch.h"
#include "adapters/delivery/outbound.h"
#include "adapters/delivery/outbox_relay.h"
#include "adapters/http/http_server.h"
#include "bot/evidence.h"

namespace netra::adapters {

// One platform's channel, opened from the configuration.
struct OpenedChannel {
  std::unique_ptr<Channel> channel;
  // Downloads the media refs the channel issues ("<name>:…") when a report keeps them as evidence; null: none.
  std::unique_ptr<bot::MediaFetcher> media;
  // What the channel keeps running while it is on (Telegram: getMe until the bot's username is known). Declared
  // after `channel`, so it stops before the channel it uses is destroyed.
  std::shared_ptr<void> running;
};

struct WebhookChannelRow {
  std::string_view name;        // Channel::name(): the route /webhook/<name>, metrics and logs
  std::string_view off_reason;  // logged at start-up when the channel is off
  bool get_handshake = false;   // GET /webhook/<name> answers the platform's handshake (Channel::answer_handshake)
  // The channel, or nullopt when the configuration lacks its credentials (the channel is off). Logs a warning for
  // settings that weaken it (no webhook secret, no verify token).
  std::optional<OpenedChannel> (*open)(const Config& config) = nullptr;
};

// The table, in the order the channels are logged at start-up.
const std::vector<WebhookChannelRow>& webhook_channels();

// `opened` below holds what each row's open() returned, one entry per row of webhook_channels(), in order.

// Routes media refs to the fetchers of the open channels: evidence is fetched from the platform that issued it when
// a report is filed. The channels must outlive the result.
PlatformMedia platform_media(const std::vector<std::optional<OpenedChannel>>& opened);

// The routes of every row: each open channel's output role becomes a ChannelSender on `outbound`, added to
// `senders` (OUT: must outlive the server), and with replicas `relay` (may be null) reads its refusals too; its
// input role is the webhook route. A row that is off gets routes answering 404.
std::vector<Webhook> wire_webhooks(const std::vector<std::optional<OpenedChannel>>& opened, Outbound& outbound,
                                   OutboxRelay* relay, std::vector<std::unique_ptr<ChannelSender>>& senders);

}  // namespace netra::adapters
