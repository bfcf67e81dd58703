// Builds the knowledge index one test run shares: the `knowledge_index` CTest fixture (tests/CMakeLists.txt) runs
// it before any test that needs the index, and the tests open the result read-only (shared_index_path() in
// support/test_support.h) instead of each building their own.
//   netra_test_index KNOWLEDGE_ROOT OUT_PATH
// Exit 0 when written; 1 with every corpus problem on stderr when the corpus is invalid; 2 for a wrong call.
#include <exception>
#include <filesystem>
#include <iostream>

#include "knowledge/index.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: netra_test_index KNOWLEDGE_ROOT OUT_PATH\n";
    return 2;
  }
  try {
    std::filesystem::path out(argv[2]);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    auto report = netra::knowledge::build_index(netra::knowledge::KnowledgeSource{argv[1]}, out.string(), {});
    for (const auto& problem : report.problems) std::cerr << problem.to_string() << "\n";
    if (!report.problems.empty()) return 1;
    std::cout << "indexed " << report.entries << " entries of " << argv[1] << " into " << out.string() << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "netra_test_index: " << error.what() << "\n";
    return 1;
  }
}
