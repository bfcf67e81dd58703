#include "support/test_support.h"

#include "support/shared_index.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

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

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
                std::chrono::milliseconds interval) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(interval);
  }
  return true;
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

namespace {

// The fixture's index, checked against the corpus it must have been built from: a test must never pass or fail
// because of an index of other files.
std::string checked_fixture_index(const std::string& path) {
  knowledge::Database db(path, knowledge::Database::Mode::read_only);
  knowledge::Statement stored(db, "SELECT value FROM meta WHERE key = 'fingerprint'");
  if (!stored.step() ||
      stored.column_text(0) != knowledge::fingerprint_of(knowledge::KnowledgeSource{knowledge_root()})) {
    throw std::runtime_error(path + " was built from other knowledge files than " + knowledge_root() +
                             " holds: rerun ctest (its knowledge_index fixture rebuilds it)");
  }
  return path;
}

std::string index_built_here(const std::filesystem::path& folder) {
  std::string path = (folder / "knowledge.db").string();
  auto report = knowledge::build_index(knowledge::KnowledgeSource{knowledge_root()}, path, {});
  if (!report.problems.empty()) throw std::runtime_error("corpus invalid: " + report.problems.front().to_string());
  return path;
}

}  // namespace

const std::string& shared_index_path() {
  static TempDir dir;
  static const std::string path = [] {
    const char* fixture = std::getenv(kSharedIndexVariable);
    return fixture && *fixture ? checked_fixture_index(fixture) : index_built_here(dir.path());
  }();
  return path;
}

const knowledge::KnowledgeBase& shared_knowledge() {
  static std::unique_ptr<knowledge::KnowledgeBase> kb;
  static std::once_flag once;
  std::call_once(once, [] { kb = knowledge::KnowledgeBase::open(shared_index_path(), {}); });
  return *kb;
}

const bot::Answerer& shared_answerer() {
  static bot::Answerer answerer(shared_knowledge());
  return answerer;
}

}  // namespace netra::testing
