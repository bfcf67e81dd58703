#include "adapters/app/webhook_channels.h"

#include <spdlog/spdlog.h>

#include <map>
#include <string>

#include "adapters/channels/telegram.h"
#include "adapters/channels/telegram_identity.h"
#include "adapters/channels/telegram_media.h"
#include "adapters/channels/whatsapp.h"
#include "adapters/channels/whatsapp_media.h"

namespace netra::adapters {
namespace {

std::optional<OpenedChannel> open_telegram(const Config& config) {
  if (!config.telegram.enabled()) return std::nullopt;
  auto channel = std::make_unique<TelegramChannel>(config.telegram, config.secret);
  OpenedChannel opened;
  opened.media = std::make_unique<TelegramMedia>(config.telegram);
  // Group messages need the bot's own username: from getMe, unless NETRA_TELEGRAM_BOT_USERNAME names it.
  if (config.telegram.bot_username.empty()) opened.running = std::make_shared<TelegramIdentity>(*channel);
  if (config.telegram.secret.empty()) {
    spdlog::warn(
        "event=insecure channel=telegram reason=\"NETRA_TELEGRAM_SECRET unset: webhook requests are not "
        "authenticated\"");
  }
  opened.channel = std::move(channel);
  return opened;
}

std::optional<OpenedChannel> open_whatsapp(const Config& config) {
  if (!config.whatsapp.enabled()) return std::nullopt;
  OpenedChannel opened;
  opened.channel = std::make_unique<WhatsAppChannel>(config.whatsapp, config.secret);
  opened.media = std::make_unique<WhatsAppMedia>(config.whatsapp);
  if (config.whatsapp.verify_token.empty()) {
    spdlog::warn("event=whatsapp_verify_token_unset reason=\"GET /webhook/whatsapp answers 403\"");
  }
  return opened;
}

}  // namespace

const std::vector<WebhookChannelRow>& webhook_channels() {
  static const std::vector<WebhookChannelRow> table = {
      {"telegram", "NETRA_TELEGRAM_TOKEN unset", false, open_telegram},
      {"whatsapp", "NETRA_WHATSAPP_TOKEN or NETRA_WHATSAPP_APP_SECRET unset", true, open_whatsapp},
  };
  return table;
}

PlatformMedia platform_media(const std::vector<std::optional<OpenedChannel>>& opened) {
  std::map<std::string, const bot::MediaFetcher*, std::less<>> fetchers;
  for (const auto& channel : opened) {
    if (channel && channel->media) fetchers.emplace(channel->channel->name(), channel->media.get());
  }
  return PlatformMedia(std::move(fetchers));
}

std::vector<Webhook> wire_webhooks(const std::vector<std::optional<OpenedChannel>>& opened, Outbound& outbound,
                                   OutboxRelay* relay, std::vector<std::unique_ptr<ChannelSender>>& senders) {
  std::vector<Webhook> webhooks;
  for (size_t i = 0; i < opened.size(); ++i) {
    const WebhookChannelRow& row = webhook_channels()[i];
    Webhook webhook{std::string(row.name), row.get_handshake};
    if (opened[i]) {
      const Channel& channel = *opened[i]->channel;
      senders.push_back(std::make_unique<ChannelSender>(channel, outbound));
      webhook.channel = &channel;
      webhook.sender = senders.back().get();
      if (relay) relay->add_channel(channel);
    }
    webhooks.push_back(std::move(webhook));
  }
  return webhooks;
}

}  // namespace netra::adapters
