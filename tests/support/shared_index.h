// The knowledge index of the real corpus that one test run shares: the `knowledge_index` CTest fixture
// (tests/CMakeLists.txt, support/build_test_index.cpp) builds it once per `ctest` run, before any test that needs
// it, and ctest names it to every test in NETRA_TEST_KNOWLEDGE_INDEX. Tests open it read-only (shared_knowledge()
// in support/test_support.h); servers started by tests get a copy in their data dir (integration/netra_process.h).
#pragma once

#include <string>

namespace netra::testing {

inline constexpr const char* kSharedIndexVariable = "NETRA_TEST_KNOWLEDGE_INDEX";

// Path of the real corpus's index: the fixture's when kSharedIndexVariable is set, otherwise (a test executable
// run by hand) one built into a temporary file on first use and shared by the whole process. Throws
// std::runtime_error when the corpus is invalid, or when the fixture's index was built from other corpus files
// than knowledge_root() holds now (rerun ctest, which rebuilds it).
const std::string& shared_index_path();

}  // namespace netra::testing
