#include "adapters/channels/telegram_media.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "adapters/channels/channel.h"
#include "adapters/channels/media_fetch.h"

namespace netra::adapters {
namespace {

using bot::EvidenceProblem;
using bot::FetchedMedia;

FetchedMedia failure(EvidenceProblem problem, std::string detail) { return {"", problem, std::move(detail)}; }

// A file_path Telegram gave ("photos/file_12.jpg"): relative, no "..", no query or fragment.
bool is_safe_file_path(const std::string& path) {
  return !path.empty() && path.front() != '/' && path.find("..") == std::string::npos &&
         path.find_first_of("?#\\ \r\n") == std::string::npos;
}

}  // namespace

TelegramMedia::TelegramMedia(TelegramConfig config, std::chrono::seconds timeout)
    : config_(std::move(config)), timeout_(timeout) {
  std::tie(origin_, path_prefix_) = split_api_base(config_.api_base);
}

FetchedMedia TelegramMedia::fetch(const std::string& media_ref, size_t max_bytes) const {
  std::string file_id = media_ref.rfind("telegram:", 0) == 0 ? media_ref.substr(9) : media_ref;
  if (file_id.empty() || file_id.size() > 256) return failure(EvidenceProblem::not_found, "not a file_id");
  std::string query = "file_id=" + httplib::detail::encode_query_param(file_id);
  Download described =
      bounded_get(origin_, path_prefix_ + "/bot" + config_.token + "/getFile?" + query, {}, 64 * 1024, timeout_);
  auto answer = nlohmann::json::parse(described.body, nullptr, false);
  if (described.status == 0) return failure(EvidenceProblem::unavailable, "getFile: " + described.error);
  if (!answer.is_object() || !answer.value("ok", false)) {
    std::string description = answer.is_object() ? answer.value("description", "") : "";
    // "Bad Request: file is too big" is how Telegram refuses files over 20 MB.
    bool too_big = description.find("too big") != std::string::npos;
    return failure(too_big                        ? EvidenceProblem::too_large
                   : described.status == 400 || described.status == 404 ? EvidenceProblem::not_found
                                                                         : EvidenceProblem::unavailable,
                   "getFile: HTTP " + std::to_string(described.status) + " " + description);
  }
  const auto& file = answer.value("result", nlohmann::json::object());
  if (file.is_object() && file.value("file_size", uint64_t{0}) > max_bytes) {
    return failure(EvidenceProblem::too_large, "file_size over the limit");
  }
  std::string file_path = file.is_object() ? file.value("file_path", "") : "";
  if (!is_safe_file_path(file_path)) return failure(EvidenceProblem::unavailable, "getFile gave no usable file_path");
  Download bytes =
      bounded_get(origin_, path_prefix_ + "/file/bot" + config_.token + "/" + file_path, {}, max_bytes, timeout_);
  if (bytes.too_large) return failure(EvidenceProblem::too_large, "download over the limit");
  if (bytes.status != 200) {
    return failure(bytes.status == 404 ? EvidenceProblem::not_found : EvidenceProblem::unavailable,
                   "file download: " + (bytes.status ? "HTTP " + std::to_string(bytes.status) : bytes.error));
  }
  return {std::move(bytes.body), EvidenceProblem::none, ""};
}

}  // namespace netra::adapters
