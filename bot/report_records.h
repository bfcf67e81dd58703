// The typed values the report store (bot/reports.h) reads and writes besides reports themselves: reviewer
// accounts and desk sessions, the thread between reviewers and the anonymous reporter, internal notes, evidence
// files, audit entries and the retention policy. Plain values, so a later storage interface (PostgreSQL
// replicas) can pass them across unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace netra::bot {

// A reviewer account as `netra reviewer list` shows it. The password hash never leaves the store.
struct Reviewer {
  std::string name;        // [A-Za-z0-9._-], 1–64 characters (is_reviewer_name)
  std::string created_at;  // ISO 8601 UTC
};

// A logged-in reviewer at the desk. The session token itself is only in the reviewer's cookie: the store keeps
// its SHA-256, so a copy of reports.db opens no session.
struct DeskSession {
  std::string reviewer;
  std::string csrf_token;  // per session, carried by every state-changing form (64 hex characters)
  int64_t created_at = 0;  // Unix seconds
  int64_t last_seen = 0;
};

// How long a desk session lives: it ends `idle_seconds` after its last request or `max_seconds` after login,
// whichever comes first.
struct DeskSessionPolicy {
  int64_t idle_seconds = 30 * 60;
  int64_t max_seconds = 12 * 3600;
};

// One message of a report's thread: a reviewer's question or the reporter's answer. Nothing about the reporter
// is kept beyond the text: no sender key, no channel, and the reporter's messages are dated to the day only (an
// exact time could be matched against a platform's message log), like reports.
enum class ThreadAuthor { reviewer, reporter };

struct ThreadMessage {
  int64_t id = 0;
  ThreadAuthor author = ThreadAuthor::reviewer;
  std::string reviewer;  // the asking reviewer's name; empty for the reporter
  std::string text;
  std::string at;        // reviewer: ISO 8601 UTC time; reporter: the UTC day (YYYY-MM-DD)
};

// A note only reviewers see.
struct InternalNote {
  int64_t id = 0;
  std::string reviewer;
  std::string text;
  std::string at;  // ISO 8601 UTC
};

// Why a piece of evidence could not be kept (the reviewer sees a short Indonesian explanation of it).
enum class EvidenceProblem { none, unsupported_channel, not_found, unavailable, too_large, unsupported_type };

// A photo or document sent during the report flow, fetched from the platform when the report was filed.
// `content` is empty in listings (evidence_files) and filled by evidence_file; a failed fetch is kept too, with
// its problem and no content, so the reviewer knows something was sent.
struct EvidenceFile {
  int64_t id = 0;
  std::string source_ref;  // the platform media ref it came from ("whatsapp:<media id>", "telegram:<file_id>")
  std::string kind;        // "photo" or "document" (from the content's type, not from what the platform said)
  std::string mime_type;   // sniffed from the bytes: image/jpeg, image/png, image/gif, image/webp, application/pdf
  int64_t size = 0;        // bytes
  std::string sha256;      // lowercase hex of the content
  EvidenceProblem problem = EvidenceProblem::none;
  std::string content;     // the bytes
};

// One line of the audit trail. `action` says what happened: status, view, evidence_view, internal_note,
// question, answer_received (no reviewer), export, login, login_failed, logout, expire. Status changes also
// fill the status and note fields, as the reviewer API has always shown them.
struct AuditEntry {
  std::string at;  // ISO 8601 UTC
  std::string from_status, to_status;
  std::string admin_label;  // the reviewer's name, the API token's label, "cli" or "retention"
  std::string public_note, internal_note;
  std::string action = "status";
  std::string receipt_code;  // empty for actions on no single report (export, login)
  std::string detail;        // a short description (e.g. the export's format and filter), never report text
};

// How long a report is kept after its last status change, per status; absent or 0: kept until changed.
// Closed reports (selesai, ditolak) go after 180 days by default.
struct RetentionPolicy {
  std::map<std::string, int64_t> days_by_status = {{"selesai", 180}, {"ditolak", 180}};
};

}  // namespace netra::bot
