// Helpers shared by the test executables: the real corpus's knowledge base (indexed once per ctest run), temporary
// directories that clean up after themselves, paths to test data, and waiting for a condition.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "bot/answerer.h"
#include "knowledge/index.h"

namespace netra::testing {

// The repository's knowledge/ folder.
std::string knowledge_root();
// tests/data
std::string test_data_dir();
// The real corpus's knowledge base, opened read-only on first use from shared_index_path() (support/shared_index.h):
// under ctest the index the `knowledge_index` fixture built once for the whole run, checked against the corpus; a
// test executable run by hand builds its own into a temporary file. One instance per test process.
const knowledge::KnowledgeBase& shared_knowledge();
// An answerer over shared_knowledge().
const bot::Answerer& shared_answerer();
// The shared answerer's reading of one message, and its answer: what the understanding tests look at.
inline bot::Explanation explain(const std::string& text) { return shared_answerer().explain(text); }
inline bot::Answer answer(const std::string& text) { return shared_answerer().answer(text); }
// The first act of `act`'s kind in the reading that is not negated, or nullptr.
inline const bot::ActMention* find_act(const bot::Reading& reading, knowledge::Act act) {
  for (const auto& mention : reading.acts) {
    if (mention.act == act && !mention.negated) return &mention;
  }
  return nullptr;
}

// A fresh directory under the system temp dir, removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Polls `condition` every `interval` until it holds (true) or `timeout` has passed (false, after one last look):
// how a test waits for something another thread or process does, instead of sleeping a guessed time. Use it as
// REQUIRE(wait_until(...)) with an INFO saying what was awaited, so a time-out fails clearly.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(15),
                std::chrono::milliseconds interval = std::chrono::milliseconds(10));

// Writes text to a file, creating parent directories.
void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

}  // namespace netra::testing
