// The `netra` commands' one argument parser: CLI11 (Debian's libcli11-dev, header-only) instead of a loop per
// command. A command declares its options, positionals and subcommands on a CLI::App named "netra <command>",
// calls describe_command, then parse_command_line; --help, usage errors and their exit codes then behave alike in
// every command, and each help ends with the NETRA_* variables the command reads, from the one table in
// config_variables.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace netra::adapters {

// Lays out the --help of `app` and of every subcommand already declared on it: descriptions and footers wrapped to
// 118 columns, the app's footer `footer` (a subcommand keeps the footer it was given), and after it the variables
// that `config_command` ("ask", "reviewer"; see ConfigVariable::commands) reads; none when it is empty.
void describe_command(CLI::App& app, std::string_view config_command, const std::string& footer = "");

// Parses args[1..] (args[0] is the command word) with `app`. Returns nullopt when the command should run;
// otherwise the exit code after printing: the help of the app, or of the subcommand named before --help, to `out`
// (0); or for a usage error (unknown option, missing value or argument, a value CLI11 cannot convert) to `err`
// `netra <command> [<subcommand>]: <what is wrong>`, the usage line and where the help is (2).
std::optional<int> parse_command_line(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                                      std::ostream& err);

// Prints a usage error the command found after parsing (a role it does not know, two formats at once) the way
// parse_command_line prints CLI11's: `<app name>: <what>`, the usage line, where the help is. Returns 2.
int usage_error(const CLI::App& app, const std::string& what, std::ostream& err);

// CLI11's help layout with a usage line the command states itself, for a command whose words CLI11 must not read
// as options (`netra ask`'s question, where "-_-" is a word): CLI11 2.1 has no App::usage().
class StatedUsageFormatter : public CLI::Formatter {
 public:
  explicit StatedUsageFormatter(std::string usage) : usage_(std::move(usage)) {}
  std::string make_usage(const CLI::App*, std::string) const override { return "Usage: " + usage_ + "\n"; }

 private:
  std::string usage_;
};

}  // namespace netra::adapters
