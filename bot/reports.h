// Anonymous violation reports (NETRA_DATA_DIR/reports.db): filing with a receipt code, status lookups, the
// reviewer operations and their audit trail. A report holds what happened, where and when, and evidence refs:
// never who reported it. Durability: WAL with synchronous=FULL, so a receipt is only given for a report whose
// commit is on disk (see README).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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

struct AuditEntry {
  std::string at;
  std::string from_status, to_status;
  std::string admin_label;
  std::string public_note, internal_note;
};

struct ReportFilter {
  std::optional<std::string> status, category, kabupaten;
  std::optional<std::string> from_date, to_date;  // YYYY-MM-DD, inclusive, on created_at
  int64_t limit = 100;
  int64_t offset = 0;
};

enum class StatusChange { ok, not_found, invalid_status, invalid_transition };

class ReportDesk {
 public:
  // Opens or creates the database. Throws knowledge::SqliteError.
  explicit ReportDesk(const std::string& path);

  // Commits the report and returns its new receipt code (NTR-XXXX-XXXX, CSPRNG, Crockford base32, unique).
  // Returns only after the commit is durable. A draft whose submission_id was filed before gets that report's
  // code back and nothing new is stored.
  std::string file(const ReportDraft& draft);
  // The receipt code a submission id was filed under, if it was.
  std::optional<std::string> filed_code(const std::string& submission_id);
  std::optional<Report> find(const std::string& receipt_code);
  std::vector<Report> list(const ReportFilter& filter);
  // baru → ditinjau → diteruskan → selesai; any open status → ditolak. Notes may be empty (kept as they were).
  StatusChange change_status(const std::string& receipt_code, const std::string& new_status,
                             const std::optional<std::string>& public_note,
                             const std::optional<std::string>& internal_note, const std::string& admin_label);
  std::vector<AuditEntry> audit(const std::string& receipt_code);
  int64_t count();

 private:
  std::string insert_report(const ReportDraft& draft);  // under mutex_, inside the caller's transaction
  std::mutex mutex_;
  knowledge::Database db_;
};

// A fresh receipt code: "NTR-" + 8 Crockford base32 characters from RAND_bytes, grouped 4-4.
std::string new_receipt_code();
// True for the five statuses.
bool is_report_status(const std::string& status);

}  // namespace netra::bot
