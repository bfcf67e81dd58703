#include "support/test_support.h"

#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>

namespace netra::testing {

std::string knowledge_root() { return std::string(NETRA_SOURCE_DIR) + "/knowledge"; }
std::string test_data_dir() { return NETRA_TEST_DATA_DIR; }

TempDir::TempDir() {
  std::random_device random;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("netra-test-" + std::to_string(random()) + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

const knowledge::KnowledgeBase& shared_knowledge() {
  static TempDir dir;
  static std::unique_ptr<knowledge::KnowledgeBase> kb;
  static std::once_flag once;
  std::call_once(once, [] {
    auto report =
        knowledge::build_index(knowledge::KnowledgeSource{knowledge_root()}, dir.file("knowledge.db"), {});
    if (!report.problems.empty()) throw std::runtime_error("corpus invalid: " + report.problems.front().to_string());
    kb = knowledge::KnowledgeBase::open(dir.file("knowledge.db"), {});
  });
  return *kb;
}

const bot::Answerer& shared_answerer() {
  static bot::Answerer answerer(shared_knowledge());
  return answerer;
}

}  // namespace netra::testing
