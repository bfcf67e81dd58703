#include "adapters/app/config_command.h"

#include <ostream>

#include "adapters/app/config_docs.h"

namespace netra::adapters {
namespace {

constexpr const char* kConfigUsage =
    "usage: netra config --markdown | --print-env\n"
    "  Prints what is generated from the table of NETRA_* variables (adapters/app/config_variables.cpp):\n"
    "  --markdown   the README's configuration table\n"
    "  --print-env  the packaged env file (deploy/netra.env, /etc/netra/netra.env), every key commented out\n"
    "  scripts/config-docs writes both; a test fails when they drift from the table.\n";

}  // namespace

int command_config_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string what = args.size() == 2 ? args[1] : "";
  if (what == "--help" || what == "-h") {
    out << kConfigUsage;
    return 0;
  }
  if (what == "--markdown") {
    out << config_markdown();
    return 0;
  }
  if (what == "--print-env") {
    out << config_env_file();
    return 0;
  }
  err << "netra config: expected --markdown or --print-env\n" << kConfigUsage;
  return 2;
}

}  // namespace netra::adapters
