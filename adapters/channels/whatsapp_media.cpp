#include "adapters/channels/whatsapp_media.h"

#include <nlohmann/json.hpp>

#include "adapters/channels/channel.h"
#include "adapters/channels/media_fetch.h"

namespace netra::adapters {
namespace {

using bot::EvidenceProblem;
using bot::FetchedMedia;

// Graph API media ids are decimal digits; anything else is not ours to put in a path.
bool is_media_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         id.find_first_not_of("0123456789") == std::string::npos;
}

FetchedMedia failure(EvidenceProblem problem, std::string detail) { return {"", problem, std::move(detail)}; }

// 400 and 404 are how the Graph API says a media id is unknown or expired; the rest may pass.
EvidenceProblem problem_of(int status) {
  return status == 400 || status == 404 ? EvidenceProblem::not_found : EvidenceProblem::unavailable;
}

}  // namespace

WhatsAppMedia::WhatsAppMedia(WhatsAppConfig config, std::chrono::seconds timeout)
    : config_(std::move(config)), timeout_(timeout) {
  std::tie(origin_, path_prefix_) = split_api_base(config_.api_base);
}

FetchedMedia WhatsAppMedia::fetch(const std::string& media_ref, size_t max_bytes) const {
  std::string id = media_ref.rfind("whatsapp:", 0) == 0 ? media_ref.substr(9) : media_ref;
  if (!is_media_id(id)) return failure(EvidenceProblem::not_found, "not a Graph API media id");
  std::vector<std::pair<std::string, std::string>> auth = {{"Authorization", "Bearer " + config_.token}};

  // The description is small JSON: a few KiB is plenty.
  Download described = bounded_get(origin_, path_prefix_ + "/" + id, auth, 64 * 1024, timeout_);
  if (described.status != 200) {
    return failure(described.status ? problem_of(described.status) : EvidenceProblem::unavailable,
                   "media description: " + (described.status ? "HTTP " + std::to_string(described.status)
                                                             : described.error));
  }
  auto media = nlohmann::json::parse(described.body, nullptr, false);
  if (!media.is_object() || !media.contains("url") || !media["url"].is_string()) {
    return failure(EvidenceProblem::unavailable, "media description without a url");
  }
  if (auto size = media.find("file_size"); size != media.end()) {
    // file_size comes as a number or, like other Graph API numbers, as a string.
    uint64_t announced = size->is_number_unsigned() ? size->get<uint64_t>()
                         : size->is_string()        ? std::strtoull(size->get<std::string>().c_str(), nullptr, 10)
                                                    : 0;
    if (announced > max_bytes) return failure(EvidenceProblem::too_large, "file_size over the limit");
  }
  std::string origin, path;
  if (!split_url(media["url"].get<std::string>(), origin, path)) {
    return failure(EvidenceProblem::unavailable, "media url is not http(s)");
  }
  Download bytes = bounded_get(origin, path, auth, max_bytes, timeout_);
  if (bytes.too_large) return failure(EvidenceProblem::too_large, "download over the limit");
  if (bytes.status != 200) {
    return failure(bytes.status ? problem_of(bytes.status) : EvidenceProblem::unavailable,
                   "media download: " + (bytes.status ? "HTTP " + std::to_string(bytes.status) : bytes.error));
  }
  return {std::move(bytes.body), EvidenceProblem::none, ""};
}

}  // namespace netra::adapters
