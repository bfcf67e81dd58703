#include "adapters/storage/sqlite_report_store.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bot/clock.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::AuditEntry;
using bot::EvidenceFile;
using bot::is_report_status;
using bot::iso_time;
using bot::new_receipt_code;
using bot::Report;
using bot::report_statuses;
using bot::ReportDraft;
using bot::ReportFilter;
using bot::status_change_allowed;
using bot::StatusChange;
using bot::unix_now;
using bot::utc_day;
namespace {

using knowledge::Database;
using knowledge::Statement;

// WAL with synchronous=FULL: COMMIT returns only after the WAL is fsynced, so a report whose receipt was shown
// survives a killed process and a power cut alike. secure_delete: deleted rows (expired reports, ended
// sessions) are overwritten with zeros instead of lingering in free pages.
constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
PRAGMA secure_delete=ON;
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
-- Evidence files, stored with their report; content is NULL for a file that could not be fetched.
CREATE TABLE IF NOT EXISTS evidence(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, source_ref TEXT NOT NULL, kind TEXT NOT NULL, mime_type TEXT NOT NULL,
  size INTEGER NOT NULL, sha256 TEXT NOT NULL, problem TEXT NOT NULL, content BLOB);
-- The thread with the reporter: author 'reviewer' (with the reviewer's name) or 'reporter' (nothing else).
CREATE TABLE IF NOT EXISTS thread_messages(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, author TEXT NOT NULL, reviewer TEXT NOT NULL, text TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS internal_notes(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, reviewer TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviewers(
  name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
-- token_hash: SHA-256 of the cookie's token, so the file alone opens no session.
CREATE TABLE IF NOT EXISTS desk_sessions(
  token_hash TEXT PRIMARY KEY, reviewer TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS login_failures(key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS reports_status ON reports(status);
CREATE INDEX IF NOT EXISTS audit_code ON audit(code);
CREATE INDEX IF NOT EXISTS evidence_code ON evidence(code);
CREATE INDEX IF NOT EXISTS thread_code ON thread_messages(code);
CREATE INDEX IF NOT EXISTS notes_code ON internal_notes(code);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures(key, at);
)sql";

bool has_column(Database& db, const char* table, const char* column) {
  Statement info(db, std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?1");
  return info.bind(1, column).step();
}

// Opens the file and brings its schema up to date. Before the reviewer desk (issue 12) the audit trail held
// only status changes: it gains what was done (action) and a detail, old lines reading as status changes. The
// check runs inside the write transaction, so two processes opening the store at once do not both alter it.
Database open_migrated(const std::string& path, std::chrono::milliseconds busy_timeout) {
  Database db(path, Database::Mode::read_write_create);
  sqlite3_busy_timeout(db.handle(), static_cast<int>(busy_timeout.count()));
  db.exec(kSchema);
  knowledge::Transaction migrate(db, true);
  if (!has_column(db, "audit", "action")) {
    db.exec(
        "ALTER TABLE audit ADD COLUMN action TEXT NOT NULL DEFAULT 'status';"
        "ALTER TABLE audit ADD COLUMN detail TEXT NOT NULL DEFAULT '';");
  }
  migrate.commit();
  return db;
}

// The filters after status, as one SQL fragment shared by list and count_by_status: ?2 category, ?3 part of the
// kabupaten (LIKE's own wildcards in it are escaped), ?4 and ?5 the first and last day.
constexpr const char* kFilterRest =
    "(?2 IS NULL OR category = ?2) "
    "AND (?3 IS NULL OR kabupaten LIKE '%' || replace(replace(replace(?3, '\\', '\\\\'), '%', '\\%'), '_', '\\_') "
    "|| '%' ESCAPE '\\') "
    "AND (?4 IS NULL OR created_at >= ?4) AND (?5 IS NULL OR created_at <= ?5)";

constexpr const char* kColumns =
    "code, status, category, what, subject_role, subject_name, desa, kecamatan, kabupaten, when_text, evidence, "
    "channel, public_note, internal_note, created_at, updated_at";

// Reports are dated to the day only: an exact time could be matched against a platform's message log.
std::string today() {
  return utc_day(unix_now());
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

}  // namespace

SqliteReportStore::SqliteReportStore(const std::string& path, std::chrono::milliseconds busy_timeout)
    : db_(open_migrated(path, busy_timeout)) {}

std::string SqliteReportStore::file(const ReportDraft& draft, const std::vector<EvidenceFile>& evidence) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  if (!draft.submission_id.empty()) {
    Statement earlier(db_, "SELECT code FROM submissions WHERE id = ?1");
    if (earlier.bind(1, draft.submission_id).step()) return earlier.column_text(0);
  }
  std::string code = insert_report(draft);
  for (const auto& item : evidence) insert_evidence(code, item);
  if (!draft.submission_id.empty()) {
    Statement remember(db_, "INSERT INTO submissions(id, code) VALUES (?1, ?2)");
    remember.bind(1, draft.submission_id).bind(2, code).run();
  }
  transaction.commit();
  return code;
}

std::optional<std::string> SqliteReportStore::filed_code(const std::string& submission_id) {
  if (submission_id.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  Statement earlier(db_, "SELECT code FROM submissions WHERE id = ?1");
  if (!earlier.bind(1, submission_id).step()) return std::nullopt;
  return earlier.column_text(0);
}

std::string SqliteReportStore::insert_report(const ReportDraft& draft) {
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

std::optional<Report> SqliteReportStore::find(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kColumns + " FROM reports WHERE code = ?1");
  select.bind(1, receipt_code);
  if (!select.step()) return std::nullopt;
  return read_report(select);
}

std::vector<Report> SqliteReportStore::list(const ReportFilter& filter) {
  std::lock_guard lock(mutex_);
  // Each filter is bound; an absent one is NULL and matches everything.
  Statement select(db_, std::string("SELECT ") + kColumns + " FROM reports WHERE (?1 IS NULL OR status = ?1) AND " +
                            std::string(kFilterRest) + " ORDER BY rowid DESC LIMIT ?6 OFFSET ?7");
  select.bind(1, filter.status).bind(2, filter.category).bind(3, filter.kabupaten);
  select.bind(4, filter.from_date).bind(5, filter.to_date).bind(6, filter.limit).bind(7, filter.offset);
  std::vector<Report> reports;
  while (select.step()) reports.push_back(read_report(select));
  return reports;
}

std::map<std::string, int64_t> SqliteReportStore::count_by_status(const ReportFilter& filter) {
  std::map<std::string, int64_t> counts;
  for (const auto& status : report_statuses()) counts[status] = 0;
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT status, count(*) FROM reports WHERE " + std::string(kFilterRest) + " GROUP BY status");
  select.bind(2, filter.category).bind(3, filter.kabupaten);
  select.bind(4, filter.from_date).bind(5, filter.to_date);
  while (select.step()) counts[select.column_text(0)] = select.column_int(1);
  return counts;
}

bool SqliteReportStore::report_exists(const std::string& receipt_code) {
  Statement select(db_, "SELECT 1 FROM reports WHERE code = ?1");
  return select.bind(1, receipt_code).step();
}

StatusChange SqliteReportStore::change_status(const std::string& receipt_code, const std::string& new_status,
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
  if (!status_change_allowed(old_status, new_status)) return StatusChange::invalid_transition;
  std::string at = iso_time(unix_now());
  Statement update(db_,
                   "UPDATE reports SET status = ?2, public_note = ?3, internal_note = ?4, updated_at = ?5 "
                   "WHERE code = ?1");
  update.bind(1, receipt_code).bind(2, new_status).bind(3, new_public).bind(4, new_internal);
  update.bind(5, at.substr(0, 10)).run();
  AuditEntry entry =
      bot::status_change_audit(receipt_code, old_status, new_status, admin_label, public_note, internal_note);
  entry.at = at;
  insert_audit(entry);
  transaction.commit();
  return StatusChange::ok;
}

int64_t SqliteReportStore::count() {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT count(*) FROM reports");
  return select.step() ? select.column_int(0) : 0;
}

}  // namespace netra::adapters::storage
