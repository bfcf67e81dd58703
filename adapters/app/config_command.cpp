#include "adapters/app/config_command.h"

#include <ostream>

#include "adapters/app/command_line.h"
#include "adapters/app/config_docs.h"

namespace netra::adapters {

int command_config_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Prints what is generated from the table of NETRA_* variables (adapters/app/config_variables.cpp). "
      "scripts/config-docs writes both into the tree; a test fails when they drift from the table.",
      "netra config");
  bool markdown = false, env_file = false;
  app.add_flag("--markdown", markdown, "the README's configuration table");
  app.add_flag("--print-env", env_file, "the packaged env file (deploy/netra.env, /etc/netra/netra.env)");
  describe_command(app, "");  // it prints the table and reads no configuration
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  if (markdown == env_file) return usage_error(app, "expected --markdown or --print-env", err);
  out << (markdown ? config_markdown() : config_env_file());
  return 0;
}

}  // namespace netra::adapters
