// Evidence files kept with their report: written by ReportStore::file in the report's own transaction, read
// by the desk and the reviewer API (signed-in reviewers only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class EvidenceStore {
 public:
  virtual ~EvidenceStore() = default;

  // The report's evidence files without their content (EvidenceFile::content empty), in the order sent.
  virtual std::vector<EvidenceFile> evidence_files(const std::string& receipt_code) = 0;
  // One file with its content, and the receipt code of its report; nullopt when there is none with that id.
  virtual std::optional<std::pair<std::string, EvidenceFile>> evidence_file(int64_t id) = 0;
};

}  // namespace netra::bot
