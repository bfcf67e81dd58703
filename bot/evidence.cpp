#include "bot/evidence.h"

#include "bot/crypto.h"

namespace netra::bot {

bool is_media_ref(const std::string& evidence) {
  return evidence.rfind("whatsapp:", 0) == 0 || evidence.rfind("telegram:", 0) == 0;
}

std::optional<std::string> sniff_mime_type(std::string_view bytes) {
  // Signatures from each format's specification (JPEG SOI + marker, PNG's 8-byte header, GIF87a/89a, RIFF
  // container of type WEBP, PDF header).
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return "image/gif";
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  return std::nullopt;
}

std::vector<EvidenceFile> collect_evidence(const std::vector<std::string>& evidence, const MediaFetcher* fetcher,
                                           const EvidencePolicy& policy) {
  std::vector<EvidenceFile> files;
  for (const auto& ref : evidence) {
    if (!is_media_ref(ref)) continue;
    EvidenceFile file;
    file.source_ref = ref;
    FetchedMedia fetched;
    if (fetcher) {
      fetched = fetcher->fetch(ref, policy.max_bytes);
    } else {
      fetched.problem = EvidenceProblem::unsupported_channel;
    }
    if (fetched.problem == EvidenceProblem::none && fetched.bytes.size() > policy.max_bytes) {
      fetched.problem = EvidenceProblem::too_large;
    }
    if (fetched.problem == EvidenceProblem::none) {
      if (auto mime = sniff_mime_type(fetched.bytes)) {
        file.mime_type = *mime;
        file.kind = mime->rfind("image/", 0) == 0 ? "photo" : "document";
        file.size = static_cast<int64_t>(fetched.bytes.size());
        file.sha256 = sha256_hex(fetched.bytes);
        file.content = std::move(fetched.bytes);
      } else {
        fetched.problem = EvidenceProblem::unsupported_type;
      }
    }
    file.problem = fetched.problem;
    files.push_back(std::move(file));
  }
  return files;
}

std::string to_string(EvidenceProblem problem) {
  switch (problem) {
    case EvidenceProblem::none: return "none";
    case EvidenceProblem::unsupported_channel: return "unsupported_channel";
    case EvidenceProblem::not_found: return "not_found";
    case EvidenceProblem::unavailable: return "unavailable";
    case EvidenceProblem::too_large: return "too_large";
    case EvidenceProblem::unsupported_type: return "unsupported_type";
  }
  return "unavailable";
}

EvidenceProblem evidence_problem_from_string(const std::string& name) {
  for (auto problem : {EvidenceProblem::none, EvidenceProblem::unsupported_channel, EvidenceProblem::not_found,
                       EvidenceProblem::unavailable, EvidenceProblem::too_large, EvidenceProblem::unsupported_type}) {
    if (to_string(problem) == name) return problem;
  }
  return EvidenceProblem::unavailable;
}

}  // namespace netra::bot
