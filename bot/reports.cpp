#include "bot/reports.h"

#include <openssl/rand.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bot/store.h"

namespace netra::bot {
namespace {

using knowledge::Database;
using knowledge::Statement;

// WAL with synchronous=FULL: COMMIT returns only after the WAL is fsynced, so a report whose receipt was shown
// survives a killed process and a power cut alike.
constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS reports(
  code TEXT PRIMARY KEY, status TEXT NOT NULL, category TEXT NOT NULL, what TEXT NOT NULL,
  subject_role TEXT NOT NULL, subject_name TEXT NOT NULL, desa TEXT NOT NULL, kecamatan TEXT NOT NULL,
  kabupaten TEXT NOT NULL, when_text TEXT NOT NULL, evidence TEXT NOT NULL, channel TEXT NOT NULL,
  public_note TEXT NOT NULL DEFAULT '', internal_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, at TEXT NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
  admin_label TEXT NOT NULL, public_note TEXT NOT NULL, internal_note TEXT NOT NULL);
-- submission id (random, from the chat's draft) → the receipt it got: filing is idempotent.
CREATE TABLE IF NOT EXISTS submissions(id TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reports_status ON reports(status);
CREATE INDEX IF NOT EXISTS audit_code ON audit(code);
)sql";

constexpr const char* kColumns =
    "code, status, category, what, subject_role, subject_name, desa, kecamatan, kabupaten, when_text, evidence, "
    "channel, public_note, internal_note, created_at, updated_at";

// Reports are dated to the day only: an exact time could be matched against a platform's message log.
std::string today() { return utc_day(unix_now()); }

std::string now_iso() {
  std::time_t now = static_cast<std::time_t>(unix_now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[21];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

Report read_report(const Statement& row) {
  Report report;
  report.receipt_code = row.column_text(0);
  report.status = row.column_text(1);
  report.draft.category = row.column_text(2);
  report.draft.what = row.column_text(3);
  report.draft.subject_role = row.column_text(4);
  report.draft.subject_name = row.column_text(5);
  report.draft.desa = row.column_text(6);
  report.draft.kecamatan = row.column_text(7);
  report.draft.kabupaten = row.column_text(8);
  report.draft.when = row.column_text(9);
  auto evidence = nlohmann::json::parse(row.column_text(10), nullptr, false);
  if (evidence.is_array()) {
    for (const auto& item : evidence) {
      if (item.is_string()) report.draft.evidence.push_back(item.get<std::string>());
    }
  }
  report.draft.channel = row.column_text(11);
  report.public_note = row.column_text(12);
  report.internal_note = row.column_text(13);
  report.created_at = row.column_text(14);
  report.updated_at = row.column_text(15);
  return report;
}

int status_rank(const std::string& status) {
  if (status == "baru") return 0;
  if (status == "ditinjau") return 1;
  if (status == "diteruskan") return 2;
  if (status == "selesai") return 3;
  return -1;
}

}  // namespace

bool is_report_status(const std::string& status) {
  return status == "baru" || status == "ditinjau" || status == "diteruskan" || status == "selesai" ||
         status == "ditolak";
}

std::string new_receipt_code() {
  // Crockford base32: no I, L, O, U, so a code read aloud or retyped is hard to get wrong.
  static const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  unsigned char bytes[5];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  uint64_t bits = 0;
  for (unsigned char byte : bytes) bits = (bits << 8) | byte;
  std::string code;
  for (int i = 7; i >= 0; --i) code += alphabet[(bits >> (i * 5)) & 0x1F];
  return "NTR-" + code.substr(0, 4) + "-" + code.substr(4);
}

ReportDesk::ReportDesk(const std::string& path) : db_(path, Database::Mode::read_write_create) { db_.exec(kSchema); }

std::string ReportDesk::file(const ReportDraft& draft) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  if (!draft.submission_id.empty()) {
    Statement earlier(db_, "SELECT code FROM submissions WHERE id = ?1");
    if (earlier.bind(1, draft.submission_id).step()) return earlier.column_text(0);
  }
  std::string code = insert_report(draft);
  if (!draft.submission_id.empty()) {
    Statement remember(db_, "INSERT INTO submissions(id, code) VALUES (?1, ?2)");
    remember.bind(1, draft.submission_id).bind(2, code).run();
  }
  transaction.commit();
  return code;
}

std::optional<std::string> ReportDesk::filed_code(const std::string& submission_id) {
  if (submission_id.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  Statement earlier(db_, "SELECT code FROM submissions WHERE id = ?1");
  if (!earlier.bind(1, submission_id).step()) return std::nullopt;
  return earlier.column_text(0);
}

std::string ReportDesk::insert_report(const ReportDraft& draft) {
  std::string day = today();
  Statement insert(db_, std::string("INSERT INTO reports(") + kColumns +
                            ") VALUES (?1, 'baru', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '', '', ?12, ?12)");
  // 40 random bits: a collision is rare, but the primary key makes it impossible; try again with a new code.
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string code = new_receipt_code();
    insert.bind(1, code).bind(2, draft.category).bind(3, draft.what).bind(4, draft.subject_role);
    insert.bind(5, draft.subject_name).bind(6, draft.desa).bind(7, draft.kecamatan).bind(8, draft.kabupaten);
    insert.bind(9, draft.when).bind(10, nlohmann::json(draft.evidence).dump()).bind(11, draft.channel);
    insert.bind(12, day);
    try {
      insert.run();
      return code;
    } catch (const knowledge::SqliteError& error) {
      insert.reset();
      if ((error.code() & 0xFF) != SQLITE_CONSTRAINT) throw;
    }
  }
  throw std::runtime_error("could not find a free receipt code");
}

std::optional<Report> ReportDesk::find(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kColumns + " FROM reports WHERE code = ?1");
  select.bind(1, receipt_code);
  if (!select.step()) return std::nullopt;
  return read_report(select);
}

std::vector<Report> ReportDesk::list(const ReportFilter& filter) {
  std::lock_guard lock(mutex_);
  // Each filter is bound; an absent one is NULL and matches everything.
  Statement select(db_, std::string("SELECT ") + kColumns +
                            " FROM reports WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR category = ?2) "
                            "AND (?3 IS NULL OR kabupaten = ?3 COLLATE NOCASE) AND (?4 IS NULL OR created_at >= ?4) "
                            "AND (?5 IS NULL OR created_at <= ?5) ORDER BY rowid DESC LIMIT ?6 OFFSET ?7");
  select.bind(1, filter.status).bind(2, filter.category).bind(3, filter.kabupaten);
  select.bind(4, filter.from_date).bind(5, filter.to_date).bind(6, filter.limit).bind(7, filter.offset);
  std::vector<Report> reports;
  while (select.step()) reports.push_back(read_report(select));
  return reports;
}

StatusChange ReportDesk::change_status(const std::string& receipt_code, const std::string& new_status,
                                       const std::optional<std::string>& public_note,
                                       const std::optional<std::string>& internal_note,
                                       const std::string& admin_label) {
  if (!is_report_status(new_status)) return StatusChange::invalid_status;
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  Statement select(db_, "SELECT status, public_note, internal_note FROM reports WHERE code = ?1");
  select.bind(1, receipt_code);
  if (!select.step()) return StatusChange::not_found;
  std::string old_status = select.column_text(0);
  std::string new_public = public_note.value_or(select.column_text(1));
  std::string new_internal = internal_note.value_or(select.column_text(2));
  bool closed = old_status == "selesai" || old_status == "ditolak";
  bool allowed = old_status == new_status ||
                 (!closed && new_status == "ditolak") ||
                 (!closed && status_rank(new_status) == status_rank(old_status) + 1);
  if (!allowed) return StatusChange::invalid_transition;
  std::string at = now_iso();
  Statement update(db_,
                   "UPDATE reports SET status = ?2, public_note = ?3, internal_note = ?4, updated_at = ?5 "
                   "WHERE code = ?1");
  update.bind(1, receipt_code).bind(2, new_status).bind(3, new_public).bind(4, new_internal);
  update.bind(5, at.substr(0, 10)).run();
  Statement audit(db_,
                  "INSERT INTO audit(code, at, from_status, to_status, admin_label, public_note, internal_note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  audit.bind(1, receipt_code).bind(2, at).bind(3, old_status).bind(4, new_status).bind(5, admin_label);
  audit.bind(6, public_note.value_or("")).bind(7, internal_note.value_or("")).run();
  transaction.commit();
  return StatusChange::ok;
}

std::vector<AuditEntry> ReportDesk::audit(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT at, from_status, to_status, admin_label, public_note, internal_note FROM audit "
                   "WHERE code = ?1 ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<AuditEntry> entries;
  while (select.step()) {
    entries.push_back({select.column_text(0), select.column_text(1), select.column_text(2), select.column_text(3),
                       select.column_text(4), select.column_text(5)});
  }
  return entries;
}

int64_t ReportDesk::count() {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT count(*) FROM reports");
  return select.step() ? select.column_int(0) : 0;
}

}  // namespace netra::bot
