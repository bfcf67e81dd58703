#include "bot/reports.h"

#include <ctime>
#include <stdexcept>

#include "bot/crypto.h"

namespace netra::bot {
namespace {

int status_rank(const std::string& status) {
  if (status == "baru") return 0;
  if (status == "ditinjau") return 1;
  if (status == "diteruskan") return 2;
  if (status == "selesai") return 3;
  return -1;
}

}  // namespace

std::string iso_time(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[21];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

bool is_report_status(const std::string& status) {
  return status == "baru" || status == "ditinjau" || status == "diteruskan" || status == "selesai" ||
         status == "ditolak";
}

bool is_closed_status(const std::string& status) { return status == "selesai" || status == "ditolak"; }

bool status_change_allowed(const std::string& from, const std::string& to) {
  if (!is_report_status(to)) return false;
  bool closed = is_closed_status(from);
  return from == to || (!closed && to == "ditolak") || (!closed && status_rank(to) == status_rank(from) + 1);
}

AuditEntry status_change_audit(const std::string& receipt_code, const std::string& from, const std::string& to,
                               const std::string& admin_label, const std::optional<std::string>& public_note,
                               const std::optional<std::string>& internal_note) {
  AuditEntry entry;
  entry.action = "status";
  entry.receipt_code = receipt_code;
  entry.from_status = from;
  entry.to_status = to;
  entry.admin_label = admin_label;
  entry.public_note = public_note.value_or("");
  entry.internal_note = internal_note.value_or("");
  return entry;
}

std::vector<std::string> report_statuses() { return {"baru", "ditinjau", "diteruskan", "selesai", "ditolak"}; }

std::string new_receipt_code() {
  // Crockford base32: no I, L, O, U, so a code read aloud or retyped is hard to get wrong.
  static const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  unsigned char bytes[5];
  random_bytes(bytes, sizeof bytes);
  uint64_t bits = 0;
  for (unsigned char byte : bytes) bits = (bits << 8) | byte;
  std::string code;
  for (int i = 7; i >= 0; --i) code += alphabet[(bits >> (i * 5)) & 0x1F];
  return "NTR-" + code.substr(0, 4) + "-" + code.substr(4);
}

}  // namespace netra::bot
