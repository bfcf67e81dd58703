#include "adapters/storage/postgres_report_store.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bot/evidence.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::EvidenceFile;
using bot::Report;
using bot::ReportDraft;
using bot::ReportFilter;
using bot::StatusChange;

namespace {

// The day as the store stamps it: the database's clock, UTC (PgConnection sets the session's time zone).
#define NETRA_PG_TODAY "(now() AT TIME ZONE 'UTC')::date"

constexpr PgStatement kSelectSubmission{"netra_report_submission_select", "SELECT code FROM submissions WHERE id = $1"};
constexpr PgStatement kInsertSubmission{
    "netra_report_submission_insert",
    "INSERT INTO submissions(id, code) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING code"};
constexpr PgStatement kInsertReport{
    "netra_report_insert",
    "INSERT INTO reports(code, status, category, what, subject_role, subject_name, desa, kecamatan, kabupaten, "
    "when_text, evidence, channel, created_at, updated_at) "
    "VALUES ($1, 'baru', $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, " NETRA_PG_TODAY ", " NETRA_PG_TODAY
    ") "
    "ON CONFLICT (code) DO NOTHING RETURNING id"};
constexpr PgStatement kInsertEvidence{
    "netra_report_evidence_insert",
    "INSERT INTO evidence(code, source_ref, kind, mime_type, size, sha256, problem, content) "
    "VALUES ($1, $2, $3, $4, $5::bigint, $6, $7, $8::bytea)"};

// The filters shared by list and count_by_status, each NULL when absent: $1 status, $2 category, $3 an ILIKE
// pattern for the kabupaten (contains_pattern), $4 and $5 the first and last day. Days compare as text, as on
// SQLite, so a malformed day narrows the list instead of failing it.
#define NETRA_PG_REPORT_FILTER                                                 \
  "($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR category = $2) " \
  "AND ($3::text IS NULL OR kabupaten ILIKE $3 ESCAPE '\\') "                  \
  "AND ($4::text IS NULL OR to_char(created_at, 'YYYY-MM-DD') >= $4) "         \
  "AND ($5::text IS NULL OR to_char(created_at, 'YYYY-MM-DD') <= $5)"

constexpr PgStatement kSelectReport{
    "netra_report_select",
    "SELECT code, status, category, what, subject_role, subject_name, desa, kecamatan, kabupaten, when_text, "
    "evidence::text, channel, public_note, internal_note, to_char(created_at, 'YYYY-MM-DD'), "
    "to_char(updated_at, 'YYYY-MM-DD') FROM reports WHERE code = $1"};
constexpr PgStatement kListReports{
    "netra_report_list",
    "SELECT code, status, category, what, subject_role, subject_name, desa, kecamatan, kabupaten, when_text, "
    "evidence::text, channel, public_note, internal_note, to_char(created_at, 'YYYY-MM-DD'), "
    "to_char(updated_at, 'YYYY-MM-DD') FROM reports "
    "WHERE " NETRA_PG_REPORT_FILTER " ORDER BY id DESC LIMIT $6::bigint OFFSET $7::bigint"};
constexpr PgStatement kCountByStatus{"netra_report_count_by_status",
                                     "SELECT status, count(*) FROM reports WHERE " NETRA_PG_REPORT_FILTER
                                     " GROUP BY status"};
constexpr PgStatement kCountReports{"netra_report_count", "SELECT count(*) FROM reports"};
constexpr PgStatement kLockForChange{
    "netra_report_lock_for_change",
    "SELECT status, public_note, internal_note FROM reports WHERE code = $1 FOR UPDATE"};
constexpr PgStatement kChangeStatus{
    "netra_report_change_status",
    "UPDATE reports SET status = $2, public_note = $3, internal_note = $4, updated_at = " NETRA_PG_TODAY
    " WHERE code = $1"};

#undef NETRA_PG_REPORT_FILTER
#undef NETRA_PG_TODAY

Report read_report(const PgResult& rows, int row) {
  Report report;
  report.receipt_code = rows.text(row, 0);
  report.status = rows.text(row, 1);
  report.draft.category = rows.text(row, 2);
  report.draft.what = rows.text(row, 3);
  report.draft.subject_role = rows.text(row, 4);
  report.draft.subject_name = rows.text(row, 5);
  report.draft.desa = rows.text(row, 6);
  report.draft.kecamatan = rows.text(row, 7);
  report.draft.kabupaten = rows.text(row, 8);
  report.draft.when = rows.text(row, 9);
  auto evidence = nlohmann::json::parse(rows.text(row, 10), nullptr, false);
  if (evidence.is_array()) {
    for (const auto& item : evidence) {
      if (item.is_string()) report.draft.evidence.push_back(item.get<std::string>());
    }
  }
  report.draft.channel = rows.text(row, 11);
  report.public_note = rows.text(row, 12);
  report.internal_note = rows.text(row, 13);
  report.created_at = rows.text(row, 14);
  report.updated_at = rows.text(row, 15);
  return report;
}

// A part of a name as an ILIKE pattern that matches it anywhere, its own wildcards (and the escape) taken
// literally.
std::string contains_pattern(const std::string& part) {
  std::string pattern = "%";
  for (char c : part) {
    if (c == '\\' || c == '%' || c == '_') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// $1 … $5 of NETRA_PG_REPORT_FILTER; count_by_status ignores the status.
std::vector<PgParam> filter_params(const ReportFilter& filter, bool with_status) {
  return {with_status ? filter.status : std::nullopt, filter.category,
          filter.kabupaten ? PgParam(contains_pattern(*filter.kabupaten)) : std::nullopt, filter.from_date,
          filter.to_date};
}

// Inserts the report under a fresh receipt code and returns the code. 40 random bits make a collision rare; the
// unique constraint makes it impossible, and a taken code is simply drawn again (ON CONFLICT DO NOTHING keeps the
// transaction usable, where a unique_violation would abort it).
std::string insert_report(PgConnection& connection, const ReportDraft& draft) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string code = bot::new_receipt_code();
    auto inserted = connection.run(kInsertReport, {code, draft.category, draft.what, draft.subject_role,
                                                   draft.subject_name, draft.desa, draft.kecamatan, draft.kabupaten,
                                                   draft.when, nlohmann::json(draft.evidence).dump(), draft.channel});
    if (inserted.rows() == 1) return code;
  }
  throw std::runtime_error("could not find a free receipt code");
}

void insert_evidence(PgConnection& connection, const std::string& code, const EvidenceFile& file) {
  connection.run(kInsertEvidence,
                 {code, file.source_ref, file.kind, file.mime_type, std::to_string(file.size), file.sha256,
                  bot::to_string(file.problem),
                  file.problem == bot::EvidenceProblem::none ? PgParam(postgres_report::bytea_param(file.content))
                                                             : std::nullopt});
}

}  // namespace

PostgresReportStore::PostgresReportStore(PgPool& pool) : pool_(pool) {}

std::string PostgresReportStore::file(const ReportDraft& draft, const std::vector<EvidenceFile>& evidence) {
  if (auto earlier = filed_code(draft.submission_id)) return *earlier;
  {
    auto connection = pool_.acquire();
    PgTransaction transaction(*connection);
    // The receipt promises a stored report: flushed before COMMIT returns, even on a server that relaxes it.
    connection->exec("SET LOCAL synchronous_commit TO on");
    std::string code = insert_report(*connection, draft);
    for (const auto& item : evidence) insert_evidence(*connection, code, item);
    bool first = draft.submission_id.empty() || connection->run(kInsertSubmission, {draft.submission_id, code}).rows();
    if (first) {
      transaction.commit();
      return code;
    }
    // Another replica filed the same submission meanwhile and committed first: this attempt rolls back.
  }
  if (auto earlier = filed_code(draft.submission_id)) return *earlier;
  throw std::runtime_error("a concurrent filing of the same submission vanished");
}

std::optional<std::string> PostgresReportStore::filed_code(const std::string& submission_id) {
  if (submission_id.empty()) return std::nullopt;
  auto connection = pool_.acquire();
  auto row = connection->run(kSelectSubmission, {submission_id});
  if (row.rows() == 0) return std::nullopt;
  return row.text(0, 0);
}

std::optional<Report> PostgresReportStore::find(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  auto rows = connection->run(kSelectReport, {receipt_code});
  if (rows.rows() == 0) return std::nullopt;
  return read_report(rows, 0);
}

std::vector<Report> PostgresReportStore::list(const ReportFilter& filter) {
  auto params = filter_params(filter, true);
  params.push_back(filter.limit < 0 ? std::nullopt : PgParam(std::to_string(filter.limit)));  // NULL: all
  params.push_back(std::to_string(filter.offset));
  auto connection = pool_.acquire();
  auto rows = connection->run(kListReports, params);
  std::vector<Report> reports;
  for (int row = 0; row < rows.rows(); ++row) reports.push_back(read_report(rows, row));
  return reports;
}

std::map<std::string, int64_t> PostgresReportStore::count_by_status(const ReportFilter& filter) {
  std::map<std::string, int64_t> counts;
  for (const auto& status : bot::report_statuses()) counts[status] = 0;
  auto connection = pool_.acquire();
  auto rows = connection->run(kCountByStatus, filter_params(filter, false));
  for (int row = 0; row < rows.rows(); ++row) counts[rows.text(row, 0)] = rows.integer(row, 1);
  return counts;
}

StatusChange PostgresReportStore::change_status(const std::string& receipt_code, const std::string& new_status,
                                                const std::optional<std::string>& public_note,
                                                const std::optional<std::string>& internal_note,
                                                const std::string& admin_label) {
  if (!bot::is_report_status(new_status)) return StatusChange::invalid_status;
  auto connection = pool_.acquire();
  PgTransaction transaction(*connection);
  auto current = connection->run(kLockForChange, {receipt_code});
  if (current.rows() == 0) return StatusChange::not_found;
  std::string old_status = current.text(0, 0);
  if (!bot::status_change_allowed(old_status, new_status)) return StatusChange::invalid_transition;
  connection->run(kChangeStatus, {receipt_code, new_status, public_note.value_or(current.text(0, 1)),
                                  internal_note.value_or(current.text(0, 2))});
  postgres_report::insert_audit(
      *connection, bot::status_change_audit(receipt_code, old_status, new_status, admin_label, public_note, internal_note));
  transaction.commit();
  return StatusChange::ok;
}

int64_t PostgresReportStore::count() {
  auto connection = pool_.acquire();
  return connection->run(kCountReports).integer(0, 0);
}

}  // namespace netra::adapters::storage
