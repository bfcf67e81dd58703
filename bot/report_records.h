// The typed values the report storage interfaces (bot/report_storage.h) pass across: reports and their
// drafts, reviewer accounts and desk sessions, the thread between reviewers and the anonymous reporter,
// internal notes, evidence files, audit entries and the retention policy. Plain values, the same for every
// backend (SQLite, PostgreSQL).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace netra::bot {

// What the reporter told us, validated by the report flow.
struct ReportDraft {
  std::string what;          // the account of what happened
  std::string category;      // medsos, kampanye, politik-uang, fasilitas-negara, keputusan, lainnya
  std::string subject_role;  // asn, pppk, kades, perangkat, lainnya
  std::string subject_name;  // name or position of the reported person, optional
  std::string desa, kecamatan, kabupaten;
  std::string when;                   // as the reporter said it ("kemarin sore", "12 Februari")
  std::vector<std::string> evidence;  // platform media refs or links
  std::string channel;                // telegram, whatsapp, web: where it came from, not who
  // Random, made when the report flow starts: filing the same draft again (a retry after the chat failed to
  // save its state) returns the first receipt instead of a second report. Says nothing about the sender.
  std::string submission_id;
};

// A stored report. Dated to the day only (created_at, updated_at): an exact time could be matched against a
// platform's message log.
struct Report {
  std::string receipt_code;
  std::string status;  // baru, ditinjau, diteruskan, selesai, ditolak
  ReportDraft draft;
  std::string public_note;
  std::string internal_note;
  std::string created_at;  // YYYY-MM-DD (UTC)
  std::string updated_at;  // YYYY-MM-DD (UTC), the day of the last status change
};

struct ReportFilter {
  std::optional<std::string> status, category, kabupaten;
  std::optional<std::string> from_date, to_date;  // YYYY-MM-DD, inclusive, on created_at
  // kabupaten matches a part of the report's kabupaten/kota, ignoring case ("magetan" finds "Kab. Magetan").
  int64_t limit = 100;  // a negative limit: all of them
  int64_t offset = 0;
};

enum class StatusChange { ok, not_found, invalid_status, invalid_transition };

// What became of a reporter's answer in the thread (ReportThreadStore::add_answer).
enum class ThreadReply { accepted, no_report, no_open_question, too_many_answers };

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
