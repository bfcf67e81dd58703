// Evidence files in the report store: written with their report in file(), read by the desk.
#include "adapters/storage/sqlite_report_sql.h"
#include "adapters/storage/sqlite_report_store.h"
#include "bot/evidence.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::evidence_problem_from_string;
using bot::EvidenceFile;
using bot::EvidenceProblem;
using bot::to_string;
namespace {

using knowledge::Statement;

EvidenceFile read_file_row(const Statement& row) {
  EvidenceFile file;
  file.id = row.column_int(0);
  file.source_ref = row.column_text(1);
  file.kind = row.column_text(2);
  file.mime_type = row.column_text(3);
  file.size = row.column_int(4);
  file.sha256 = row.column_text(5);
  file.problem = evidence_problem_from_string(row.column_text(6));
  return file;
}

}  // namespace

void SqliteReportStore::insert_evidence(const std::string& code, const EvidenceFile& file) {
  Statement insert(db_,
                   "INSERT INTO evidence(code, source_ref, kind, mime_type, size, sha256, problem, content) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, code).bind(2, file.source_ref).bind(3, file.kind).bind(4, file.mime_type);
  insert.bind(5, file.size).bind(6, file.sha256).bind(7, to_string(file.problem));
  if (file.problem == EvidenceProblem::none) {
    report_sql::bind_blob(insert, 8, file.content);
  } else {
    insert.bind_null(8);
  }
  insert.run();
}

std::vector<EvidenceFile> SqliteReportStore::evidence_files(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT id, source_ref, kind, mime_type, size, sha256, problem FROM evidence WHERE code = ?1 "
                   "ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<EvidenceFile> files;
  while (select.step()) files.push_back(read_file_row(select));
  return files;
}

std::optional<std::pair<std::string, EvidenceFile>> SqliteReportStore::evidence_file(int64_t id) {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT id, source_ref, kind, mime_type, size, sha256, problem, content, code FROM evidence "
                   "WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  EvidenceFile file = read_file_row(select);
  file.content = report_sql::column_blob(select, 7);
  return std::make_pair(select.column_text(8), std::move(file));
}

}  // namespace netra::adapters::storage
