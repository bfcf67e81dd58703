// Reports themselves: filing with a receipt code, look-ups, the reviewers' list and counts, status changes.
// The report flow files through it, the reporter's `cek` reads it, the desk and the reviewer API list and
// change reports. Backends (SQLite reports.db, PostgreSQL) implement it with the same behaviour; the contract
// tests in tests/storage run the same cases against each.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Commits the report, with its evidence files in the same transaction, and returns its new receipt code
  // (new_receipt_code(), unique among stored reports: a collision is retried with a fresh code). Returns only
  // after the commit is durable, so a receipt shown to the reporter names a stored report. A draft whose
  // submission_id was filed before gets that report's code back and nothing new is stored.
  virtual std::string file(const ReportDraft& draft, const std::vector<EvidenceFile>& evidence) = 0;
  // The receipt code a submission id was filed under, if it was (nullopt for an empty id).
  virtual std::optional<std::string> filed_code(const std::string& submission_id) = 0;
  virtual std::optional<Report> find(const std::string& receipt_code) = 0;
  // The reports that match the filter, newest filed first.
  virtual std::vector<Report> list(const ReportFilter& filter) = 0;
  // How many reports match the filter (ignoring its status, limit and offset), per status; every status is a key.
  virtual std::map<std::string, int64_t> count_by_status(const ReportFilter& filter) = 0;
  // baru → ditinjau → diteruskan → selesai; any open status → ditolak; staying put changes notes only
  // (status_change_allowed). An absent note keeps the report's note as it was. updated_at becomes today. The
  // change is audited under admin_label (action "status") in the same transaction.
  virtual StatusChange change_status(const std::string& receipt_code, const std::string& new_status,
                                     const std::optional<std::string>& public_note,
                                     const std::optional<std::string>& internal_note,
                                     const std::string& admin_label) = 0;
  // All stored reports.
  virtual int64_t count() = 0;
};

}  // namespace netra::bot
