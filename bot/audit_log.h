// The audit trail of the report side: who did what to which report, and when. Every reviewer action at the
// desk and through the API is one line (view, status, note, question, export, login…), and so is each expiry.
// Writes that change a report audit themselves in their own transaction; record() is for the rest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  // Appends one line; entry.at is set to now (iso_time) when empty.
  virtual void record(const AuditEntry& entry) = 0;
  // A report's trail, oldest first.
  virtual std::vector<AuditEntry> trail(const std::string& receipt_code) = 0;
  // The newest `limit` lines of the whole trail, newest first.
  virtual std::vector<AuditEntry> recent(int64_t limit) = 0;
};

}  // namespace netra::bot
