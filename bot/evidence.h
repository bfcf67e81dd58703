// Evidence the reporter sent during the report flow: the interface through which the bot has a platform's
// media fetched (implemented per platform in adapters/channels/*_media.cpp), and the checks every file passes before it
// is stored with the report — its type, told from its first bytes rather than from what the platform claims,
// and its size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

// What a platform gave for a media ref: the bytes, or why not.
struct FetchedMedia {
  std::string bytes;
  EvidenceProblem problem = EvidenceProblem::none;
  std::string detail;  // for the log: what went wrong (never a token or a URL with one)
};

// Fetches the bytes behind a media ref from the platform that issued it. Implementations must stop reading at
// max_bytes + 1 (and answer too_large) and must be safe to call from several threads.
class MediaFetcher {
 public:
  virtual ~MediaFetcher() = default;
  // media_ref as the channels set it: "whatsapp:<media id>", "telegram:<file_id>".
  virtual FetchedMedia fetch(const std::string& media_ref, size_t max_bytes) const = 0;
};

// Limits of kept evidence. 10 MiB by default: WhatsApp photos are at most 5 MB, and a bot may download at most
// 20 MB from Telegram.
struct EvidencePolicy {
  size_t max_bytes = 10 * 1024 * 1024;
};

// True for a platform media ref ("whatsapp:…", "telegram:…"); links and anything else are kept as text.
bool is_media_ref(const std::string& evidence);

// The MIME type of a file the desk may keep and show, told from its magic bytes: image/jpeg, image/png,
// image/gif, image/webp or application/pdf; nullopt for anything else.
std::optional<std::string> sniff_mime_type(std::string_view bytes);

// Fetches every media ref of a draft's evidence (links are skipped) and checks it. A ref that fails is still
// returned, with its problem and no content, so the reviewer sees that something was sent. `fetcher` may be
// null (no platform configured): every ref then fails as unsupported_channel.
std::vector<EvidenceFile> collect_evidence(const std::vector<std::string>& evidence, const MediaFetcher* fetcher,
                                           const EvidencePolicy& policy);

// The problem's name as stored ("none", "too_large", …) and back (unknown names read as unavailable).
std::string to_string(EvidenceProblem problem);
EvidenceProblem evidence_problem_from_string(const std::string& name);

}  // namespace netra::bot
