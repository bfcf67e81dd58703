// Evidence files on PostgreSQL: the bytes are bytea, written with their report in file() and read by the desk.
// libpq's text format carries them hex-encoded both ways ("\x…"), which doubles them on the wire only.
#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

#include "adapters/storage/postgres_report_store.h"
#include "bot/evidence.h"

namespace netra::adapters::storage {

using bot::EvidenceFile;

namespace {

constexpr PgStatement kSelectFiles{
    "netra_evidence_files",
    "SELECT id, source_ref, kind, mime_type, size, sha256, problem FROM evidence WHERE code = $1 ORDER BY id"};
constexpr PgStatement kSelectFile{
    "netra_evidence_file",
    "SELECT id, source_ref, kind, mime_type, size, sha256, problem, content, code FROM evidence WHERE id = $1::bigint"};

EvidenceFile read_file_row(const PgResult& rows, int row) {
  EvidenceFile file;
  file.id = rows.integer(row, 0);
  file.source_ref = rows.text(row, 1);
  file.kind = rows.text(row, 2);
  file.mime_type = rows.text(row, 3);
  file.size = rows.integer(row, 4);
  file.sha256 = rows.text(row, 5);
  file.problem = bot::evidence_problem_from_string(rows.text(row, 6));
  return file;
}

}  // namespace

namespace postgres_report {

std::string bytea_param(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string text = "\\x";
  text.reserve(2 + bytes.size() * 2);
  for (unsigned char byte : bytes) {
    text += digits[byte >> 4];
    text += digits[byte & 0x0F];
  }
  return text;
}

std::string bytea_value(const std::string& text) {
  size_t length = 0;
  std::unique_ptr<unsigned char, decltype(&PQfreemem)> bytes(
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(text.c_str()), &length), &PQfreemem);
  if (!bytes) throw std::runtime_error("PQunescapeBytea failed (out of memory)");
  return std::string(reinterpret_cast<const char*>(bytes.get()), length);
}

}  // namespace postgres_report

std::vector<EvidenceFile> PostgresReportStore::evidence_files(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  auto rows = connection->run(kSelectFiles, {receipt_code});
  std::vector<EvidenceFile> files;
  for (int row = 0; row < rows.rows(); ++row) files.push_back(read_file_row(rows, row));
  return files;
}

std::optional<std::pair<std::string, EvidenceFile>> PostgresReportStore::evidence_file(int64_t id) {
  auto connection = pool_.acquire();
  auto rows = connection->run(kSelectFile, {std::to_string(id)});
  if (rows.rows() == 0) return std::nullopt;
  EvidenceFile file = read_file_row(rows, 0);
  if (!rows.is_null(0, 7)) file.content = postgres_report::bytea_value(rows.text(0, 7));
  return std::make_pair(rows.text(0, 8), std::move(file));
}

}  // namespace netra::adapters::storage
