// Evidence kept with a report: type and size checks (bot/evidence.cpp) and the report flow fetching it when the
// report is filed. The platform is a hand-written MediaFetcher here; tests/integration fetches from fake platform
// servers over HTTP. Storing it is tested per backend in tests/storage/evidence_store_test.cpp.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>

#include "adapters/storage/sqlite_report_store.h"
#include "adapters/storage/sqlite_state_store.h"
#include "bot/conversation.h"
#include "bot/evidence.h"
#include "bot/pseudonym.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::adapters::storage::SqliteReportStore;
using netra::adapters::storage::SqliteStateConfig;
using netra::adapters::storage::SqliteStateStore;
using netra::testing::shared_answerer;
using netra::testing::TempDir;

namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(200, 'x');
const std::string kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n";

// Answers from a table of refs; anything else is not found. Counts its calls.
class TableFetcher : public MediaFetcher {
 public:
  std::map<std::string, FetchedMedia> table;
  mutable int calls = 0;
  FetchedMedia fetch(const std::string& ref, size_t max_bytes) const override {
    ++calls;
    auto found = table.find(ref);
    if (found == table.end()) return {"", EvidenceProblem::not_found, "unknown"};
    if (found->second.bytes.size() > max_bytes) return {"", EvidenceProblem::too_large, "big"};
    return found->second;
  }
};

}  // namespace

TEST_CASE("file types are told from their first bytes", "[evidence]") {
  CHECK(sniff_mime_type(kJpeg) == "image/jpeg");
  CHECK(sniff_mime_type(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)) == "image/png");
  CHECK(sniff_mime_type("GIF89a....") == "image/gif");
  CHECK(sniff_mime_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
  CHECK(sniff_mime_type(kPdf) == "application/pdf");
  CHECK_FALSE(sniff_mime_type("<html><script>alert(1)</script>"));
  CHECK_FALSE(sniff_mime_type(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)));
  CHECK_FALSE(sniff_mime_type(""));
  CHECK_FALSE(sniff_mime_type("\xFF\xD8"));
}

TEST_CASE("collected evidence keeps good files and records why the others are missing", "[evidence]") {
  TableFetcher platform;
  platform.table["whatsapp:1"] = {kJpeg, EvidenceProblem::none, ""};
  platform.table["telegram:doc"] = {kPdf, EvidenceProblem::none, ""};
  platform.table["whatsapp:2"] = {"<html>bukan foto</html>", EvidenceProblem::none, ""};
  platform.table["whatsapp:3"] = {std::string(2000, '\xFF'), EvidenceProblem::none, ""};
  EvidencePolicy policy{1024};
  auto files = collect_evidence({"whatsapp:1", "https://contoh.id/video", "telegram:doc", "whatsapp:2", "whatsapp:3",
                                 "whatsapp:hilang"},
                                &platform, policy);
  REQUIRE(files.size() == 5);  // the link is not a file
  CHECK(files[0].kind == "photo");
  CHECK(files[0].mime_type == "image/jpeg");
  CHECK(files[0].size == static_cast<int64_t>(kJpeg.size()));
  CHECK(files[0].sha256.size() == 64);
  CHECK(files[0].content == kJpeg);
  CHECK(files[1].kind == "document");
  CHECK(files[1].mime_type == "application/pdf");
  CHECK(files[2].problem == EvidenceProblem::unsupported_type);
  CHECK(files[2].content.empty());
  CHECK(files[3].problem == EvidenceProblem::too_large);
  CHECK(files[4].problem == EvidenceProblem::not_found);
  CHECK(collect_evidence({"whatsapp:1"}, nullptr, policy)[0].problem == EvidenceProblem::unsupported_channel);
}

TEST_CASE("the report flow fetches the photos when the report is filed, not before", "[evidence]") {
  TempDir dir;
  SqliteStateStore store(SqliteStateConfig{dir.file("state.db"), 86400, 7 * 86400, "k", 0});
  SqliteReportStore desk(dir.file("reports.db"));
  TableFetcher platform;
  platform.table["whatsapp:555"] = {kJpeg, EvidenceProblem::none, ""};
  Conversation conversation(shared_answerer(), store, desk, desk, ConversationLimits{}, &platform);
  std::string who = sender_key("secret", "whatsapp", "6281");
  auto say = [&](const std::string& text, std::optional<std::string> media = std::nullopt) {
    auto result = conversation.handle({"whatsapp", who, text, media, media ? "photo" : ""});
    return result.replies.back().text;
  };
  for (const char* text : {"lapor", "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa",
                           "role:kades", "lewati", "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan", "kemarin sore"}) {
    say(text);
  }
  say("foto amplopnya", std::string("whatsapp:555"));
  say("", std::string("whatsapp:404"));
  say("selesai");
  CHECK(platform.calls == 0);
  std::string receipt = say("kirim");
  CHECK(platform.calls == 2);
  auto code = find_receipt_code(receipt);
  REQUIRE(code);
  CHECK(receipt.find("1 dari 2 foto/dokumen tidak dapat disimpan") != std::string::npos);
  auto files = desk.evidence_files(*code);
  REQUIRE(files.size() == 2);
  CHECK(files[0].problem == EvidenceProblem::none);
  CHECK(files[0].source_ref == "whatsapp:555");
  CHECK(files[1].problem == EvidenceProblem::not_found);
}
