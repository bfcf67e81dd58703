// The report store (NETRA_DATA_DIR/reports.db): anonymous violation reports filed with a receipt code, their
// evidence files, the thread between reviewers and the reporter, internal notes, reviewer accounts and desk
// sessions, the audit trail and retention. A report holds what happened, where and when, and its evidence:
// never who reported it. Durability: WAL with synchronous=FULL, so a receipt is only given for a report whose
// commit is on disk (see README). Deleted rows are overwritten (secure_delete), so an expired report does not
// linger in free pages.
//
// One class, its methods implemented by concern: reports.cpp (schema, filing, lookups, status),
// report_thread.cpp (thread and internal notes), report_evidence.cpp, reviewer_accounts.cpp (accounts, desk
// sessions, login throttling), report_audit.cpp and report_retention.cpp. Each group is meant to become one
// storage interface when the PostgreSQL replicas arrive.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "bot/report_records.h"
#include "knowledge/sqlite.h"

namespace netra::bot {

// What the reporter told us, validated by the report flow.
struct ReportDraft {
  std::string what;              // the account of what happened
  std::string category;          // medsos, kampanye, politik-uang, fasilitas-negara, keputusan, lainnya
  std::string subject_role;      // asn, pppk, kades, perangkat, lainnya
  std::string subject_name;      // name or position of the reported person, optional
  std::string desa, kecamatan, kabupaten;
  std::string when;              // as the reporter said it ("kemarin sore", "12 Februari")
  std::vector<std::string> evidence;  // platform media refs or links
  std::string channel;           // telegram, whatsapp, web: where it came from, not who
  // Random, made when the report flow starts: filing the same draft again (a retry after the chat failed to
  // save its state) returns the first receipt instead of a second report. Says nothing about the sender.
  std::string submission_id;
};

struct Report {
  std::string receipt_code;
  std::string status;  // baru, ditinjau, diteruskan, selesai, ditolak
  ReportDraft draft;
  std::string public_note;
  std::string internal_note;
  std::string created_at;  // ISO 8601 UTC
  std::string updated_at;
};

struct ReportFilter {
  std::optional<std::string> status, category, kabupaten;
  std::optional<std::string> from_date, to_date;  // YYYY-MM-DD, inclusive, on created_at
  // kabupaten matches a part of the report's kabupaten/kota, ignoring case ("magetan" finds "Kab. Magetan").
  int64_t limit = 100;
  int64_t offset = 0;
};

enum class StatusChange { ok, not_found, invalid_status, invalid_transition };

class ReportDesk {
 public:
  // Opens or creates the database. Throws knowledge::SqliteError.
  explicit ReportDesk(const std::string& path);

  // Commits the report, with its evidence files in the same transaction, and returns its new receipt code
  // (NTR-XXXX-XXXX, CSPRNG, Crockford base32, unique). Returns only after the commit is durable. A draft whose
  // submission_id was filed before gets that report's code back and nothing new is stored.
  std::string file(const ReportDraft& draft, const std::vector<EvidenceFile>& evidence = {});
  // The receipt code a submission id was filed under, if it was.
  std::optional<std::string> filed_code(const std::string& submission_id);
  std::optional<Report> find(const std::string& receipt_code);
  std::vector<Report> list(const ReportFilter& filter);
  // How many reports match the filter (ignoring its status, limit and offset), per status; every status is a key.
  std::map<std::string, int64_t> count_by_status(const ReportFilter& filter);
  // baru → ditinjau → diteruskan → selesai; any open status → ditolak. Notes may be empty (kept as they were).
  // The change is audited under admin_label in the same transaction.
  StatusChange change_status(const std::string& receipt_code, const std::string& new_status,
                             const std::optional<std::string>& public_note,
                             const std::optional<std::string>& internal_note, const std::string& admin_label);
  int64_t count();

  // --- thread and internal notes (report_thread.cpp). Each returns false when no report has that code.
  // A reviewer's question to the reporter, audited as "question".
  bool add_question(const std::string& receipt_code, const std::string& reviewer, const std::string& text);
  // The reporter's answer (dated to the day), audited as "answer_received". Refused unless a reviewer asked
  // something and the reporter sent fewer than kMaxAnswersPerQuestion answers since the last question.
  enum class ThreadReply { accepted, no_report, no_open_question, too_many_answers };
  ThreadReply add_answer(const std::string& receipt_code, const std::string& text);
  // The whole thread, oldest first.
  std::vector<ThreadMessage> thread(const std::string& receipt_code);
  // The reviewers' questions after the reporter's last answer (or all of them when there is none), oldest first.
  std::vector<ThreadMessage> open_questions(const std::string& receipt_code);
  bool add_internal_note(const std::string& receipt_code, const std::string& reviewer, const std::string& text);
  std::vector<InternalNote> internal_notes(const std::string& receipt_code);
  static constexpr int64_t kMaxAnswersPerQuestion = 5;

  // --- evidence (report_evidence.cpp)
  // The report's evidence files without their content, in the order they were sent.
  std::vector<EvidenceFile> evidence_files(const std::string& receipt_code);
  // One file with its content, and the receipt code of its report; nullopt when there is none with that id.
  std::optional<std::pair<std::string, EvidenceFile>> evidence_file(int64_t id);

  // --- reviewer accounts, desk sessions, login throttling (reviewer_accounts.cpp)
  // Creates an account and returns its generated password (24 characters, ~120 bits from the CSPRNG), which is
  // stored only as a libsodium crypto_pwhash_str hash (Argon2id). nullopt when the name is taken. Throws
  // std::invalid_argument for a name that fails is_reviewer_name.
  std::optional<std::string> add_reviewer(const std::string& name);
  std::vector<Reviewer> reviewers();
  // Removes the account and ends its desk sessions. False when there was none.
  bool remove_reviewer(const std::string& name);
  // True when the account exists and the password matches. Takes the same time for an unknown name (a dummy
  // hash is checked), and at most two checks run at once (each takes 64 MiB).
  bool verify_reviewer(const std::string& name, const std::string& password);
  // Records a failed login under `key` ("name:budi", "address:10.0.0.1") and counts the failures since
  // now - window_seconds.
  int64_t record_login_failure(const std::string& key, int64_t now, int64_t window_seconds);
  int64_t login_failures(const std::string& key, int64_t now, int64_t window_seconds);
  void clear_login_failures(const std::string& key);
  // Opens a session for the reviewer; returns the token for the cookie (64 hex characters, CSPRNG).
  std::string open_desk_session(const std::string& reviewer, int64_t now);
  // The live session of a token, refreshing its last-seen time; nullopt when unknown or expired (an expired
  // session is deleted).
  std::optional<DeskSession> find_desk_session(const std::string& token, const DeskSessionPolicy& policy, int64_t now);
  void close_desk_session(const std::string& token);

  // --- audit (report_audit.cpp)
  // Appends one line; entry.at is filled in when empty.
  void record_audit(AuditEntry entry);
  // A report's audit trail, oldest first.
  std::vector<AuditEntry> audit(const std::string& receipt_code);
  // The newest `limit` lines of the whole trail, newest first.
  std::vector<AuditEntry> recent_audit(int64_t limit);

  // --- retention (report_retention.cpp)
  // Deletes every report whose status has a retention period that ended (last status change more than that
  // many days before `now`), with its evidence, thread, notes and audit lines, and writes one "expire" audit
  // line for each. Overwrites the freed pages (secure_delete) and truncates the WAL so the text is gone from
  // the files. Returns the receipt codes removed.
  std::vector<std::string> expire(const RetentionPolicy& policy, int64_t now);

 private:
  std::string insert_report(const ReportDraft& draft);  // under mutex_, inside the caller's transaction
  void insert_evidence(const std::string& code, const EvidenceFile& file);  // likewise
  void insert_audit(const AuditEntry& entry);  // likewise
  // A reviewer's row (a question in the thread, an internal note) and its audit line, in one transaction.
  // `insert_sql` binds ?1 code, ?2 reviewer, ?3 text, ?4 time. False when the report does not exist.
  bool add_reviewer_entry(const char* insert_sql, const char* action, const std::string& receipt_code,
                          const std::string& reviewer, const std::string& text);
  bool report_exists(const std::string& receipt_code);  // under mutex_
  std::mutex mutex_;
  std::counting_semaphore<2> password_checks_{2};
  std::once_flag dummy_hash_once_;
  std::string dummy_hash_;  // checked for unknown reviewer names (verify_reviewer)
  knowledge::Database db_;
};

// True for a reviewer name: 1–64 characters of A–Z a–z 0–9 . _ -
bool is_reviewer_name(const std::string& name);
// The current time as ISO 8601 UTC (seconds), the format of audit and thread times.
std::string iso_time(int64_t unix_seconds);

// A fresh receipt code: "NTR-" + 8 Crockford base32 characters from RAND_bytes, grouped 4-4.
std::string new_receipt_code();
// True for the five statuses.
bool is_report_status(const std::string& status);
// The five statuses in workflow order: baru, ditinjau, diteruskan, selesai, ditolak.
std::vector<std::string> report_statuses();
// selesai and ditolak: nothing more happens to the report.
bool is_closed_status(const std::string& status);
// baru → ditinjau → diteruskan → selesai, any open status → ditolak, and staying put (to change a note).
bool status_change_allowed(const std::string& from, const std::string& to);

}  // namespace netra::bot
