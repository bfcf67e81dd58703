// WhatsApp Cloud API media download (bot::MediaFetcher for "whatsapp:<media id>" refs): GET
// {NETRA_WHATSAPP_API_BASE}/{media-id} with the bearer token answers {url, mime_type, sha256, file_size, id};
// the url (another host, valid for 5 minutes) is fetched at once with the same bearer token. Media ids expire
// after 30 days, hence the fetch when the report is filed.
#pragma once

#include <chrono>
#include <string>

#include "adapters/app/config.h"
#include "bot/evidence.h"

namespace netra::adapters {

class WhatsAppMedia : public bot::MediaFetcher {
 public:
  explicit WhatsAppMedia(WhatsAppConfig config, std::chrono::seconds timeout = std::chrono::seconds(15));
  bot::FetchedMedia fetch(const std::string& media_ref, size_t max_bytes) const override;

 private:
  WhatsAppConfig config_;
  std::chrono::seconds timeout_;
  std::string origin_, path_prefix_;
};

}  // namespace netra::adapters
