#include "adapters/app/config_command.h"

#include <ostream>

#include "adapters/app/command_line.h"
#include "adapters/app/config_docs.h"

namespace netra::adapters {

int command_config_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Prints what is generated from the table of NETRA_* variables (adapters/app/config_variables.cpp). "
      "scripts/config-docs writes them into the tree; a test fails when they drift from the table.",
      "netra config");
  bool markdown = false, env_file = false, man = false;
  app.add_flag("--markdown", markdown, "the README's configuration table");
  app.add_flag("--print-env", env_file, "the packaged env file (deploy/netra.env, /etc/netra/netra.env)");
  app.add_flag("--man", man, "the manual page's ENVIRONMENT section (deploy/man/netra.1)");
  describe_command(app, "");  // it prints the table and reads no configuration
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  if (int(markdown) + int(env_file) + int(man) != 1) {
    return usage_error(app, "expected one of --markdown, --print-env or --man", err);
  }
  out << (markdown ? config_markdown() : env_file ? config_env_file() : config_man_environment());
  return 0;
}

}  // namespace netra::adapters
