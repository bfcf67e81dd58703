// `netra config`: prints the documentation generated from the table of NETRA_* variables (config_docs.h), which
// scripts/config-docs writes into README.md and deploy/netra.env.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// args[0] is "config". `--markdown` prints the README's configuration table, `--print-env` the packaged env file.
// Exit codes: 0, or 2 for a usage error.
int command_config_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace netra::adapters
