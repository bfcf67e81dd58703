// Evidence files kept with their report (bot/evidence_store.h), the same cases on every backend: written in the
// report's transaction, listed without their bytes, read back byte for byte; a file that could not be fetched is
// kept as a row with its problem and no content.
#include <catch2/catch.hpp>

#include "bot/evidence.h"
#include "storage/report_backends.h"

using namespace netra::bot;

namespace {

// Every byte value, NUL included, and a JPEG's magic at the start.
std::string jpeg_bytes() {
  std::string bytes = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11);
  for (int i = 0; i < 2048; ++i) bytes += static_cast<char>(i % 256);
  return bytes;
}

// The photo as the report flow would keep it: fetched, sniffed and hashed by collect_evidence (bot/evidence.h).
class OnePhoto : public MediaFetcher {
 public:
  FetchedMedia fetch(const std::string&, size_t) const override { return {jpeg_bytes(), EvidenceProblem::none, ""}; }
};

EvidenceFile photo(const std::string& ref) {
  OnePhoto platform;
  return collect_evidence({ref}, &platform, {}).at(0);
}

EvidenceFile missing(const std::string& ref, EvidenceProblem problem) {
  EvidenceFile file;
  file.source_ref = ref;
  file.problem = problem;
  return file;
}

}  // namespace

TEST_CASE("evidence files are stored with their report and read back by id", "[evidence]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  auto storage = backend->storage();
  auto& desk = storage.evidence;
  ReportDraft draft;
  draft.what = "Kades membagikan amplop";
  draft.kabupaten = "Kab. Magetan";
  draft.evidence = {"whatsapp:1", "whatsapp:2"};
  auto code = storage.reports.file(draft, {photo("whatsapp:1"), missing("whatsapp:2", EvidenceProblem::not_found)});
  auto other = storage.reports.file(draft, {});
  auto files = desk.evidence_files(code);
  REQUIRE(files.size() == 2);
  CHECK(files[0].content.empty());  // listings carry no bytes
  CHECK(files[0].source_ref == "whatsapp:1");
  CHECK(files[0].kind == "photo");
  CHECK(files[0].mime_type == "image/jpeg");
  CHECK(files[0].size == static_cast<int64_t>(jpeg_bytes().size()));
  CHECK(files[0].sha256.size() == 64);
  CHECK(files[0].problem == EvidenceProblem::none);
  CHECK(files[1].problem == EvidenceProblem::not_found);
  CHECK(files[1].source_ref == "whatsapp:2");
  auto one = desk.evidence_file(files[0].id);
  REQUIRE(one);
  CHECK(one->first == code);
  CHECK(one->second.content == jpeg_bytes());  // every byte, NULs and high bytes included
  CHECK(one->second.mime_type == "image/jpeg");
  CHECK(one->second.id == files[0].id);
  CHECK(one->second.sha256 == files[0].sha256);
  auto not_kept = desk.evidence_file(files[1].id);
  REQUIRE(not_kept);
  CHECK(not_kept->second.content.empty());
  CHECK(not_kept->second.problem == EvidenceProblem::not_found);
  CHECK_FALSE(desk.evidence_file(files[1].id + 100));
  CHECK(desk.evidence_files(other).empty());
  CHECK(desk.evidence_files("NTR-0000-0000").empty());
}

TEST_CASE("a report and its evidence survive a restart together", "[evidence]") {
  NETRA_FOR_EACH_REPORT_BACKEND(backend);
  ReportDraft draft;
  draft.what = "Camat kampanye";
  auto code = backend->storage().reports.file(draft, {photo("telegram:AgAD")});
  backend->reopen();
  auto files = backend->storage().evidence.evidence_files(code);
  REQUIRE(files.size() == 1);
  CHECK(backend->storage().evidence.evidence_file(files[0].id)->second.content == jpeg_bytes());
}
