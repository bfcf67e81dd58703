// Reports: the rules every report backend and every user of one follows — the five statuses and the changes
// allowed between them, receipt codes, the time format of audit and thread lines. The values are in
// bot/report_records.h, the storage interfaces in bot/report_storage.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

// A Unix time as ISO 8601 UTC to the second ("2026-02-12T09:30:00Z"), the format of audit and thread times.
std::string iso_time(int64_t unix_seconds);

// A fresh receipt code: "NTR-" + 8 Crockford base32 characters from RAND_bytes (40 bits), grouped 4-4.
// Uniqueness is the store's: it retries with a new code when one is taken.
std::string new_receipt_code();
// True for the five statuses.
bool is_report_status(const std::string& status);
// The five statuses in workflow order: baru, ditinjau, diteruskan, selesai, ditolak.
std::vector<std::string> report_statuses();
// selesai and ditolak: nothing more happens to the report.
bool is_closed_status(const std::string& status);
// baru → ditinjau → diteruskan → selesai, any open status → ditolak, and staying put (to change a note).
bool status_change_allowed(const std::string& from, const std::string& to);
// The audit line of a reviewer's status change, as every report store writes it (`at` left to the store).
AuditEntry status_change_audit(const std::string& receipt_code, const std::string& from, const std::string& to,
                               const std::string& admin_label, const std::optional<std::string>& public_note,
                               const std::optional<std::string>& internal_note);

}  // namespace netra::bot
