// The `netra` command: index, ask, eval, serve and their --help (see shared/contract.md).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// Runs one invocation. Returns the process exit code: 0 success, 1 failure (invalid corpus, failed eval file),
// 2 usage error.
int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace netra::adapters
