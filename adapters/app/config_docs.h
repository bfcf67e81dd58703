// Documentation generated from the table of NETRA_* variables (config_variables.h), so that `--help`, the README
// and the packaged env file cannot drift from what read_config accepts.
#pragma once

#include <string>
#include <string_view>

namespace netra::adapters {

// The README's configuration table: a Markdown table, one row per variable (variable, type and range, default,
// unit, commands, what it does), ending in a newline. `netra config --markdown` prints it; README.md holds it
// between the `config-table` markers.
std::string config_markdown();

// deploy/netra.env, the package's /etc/netra/netra.env: every variable commented out, with its packaged value or
// default, under its section's comment. `netra config --print-env` prints it.
std::string config_env_file();

// The body of the manual page's ENVIRONMENT section (deploy/man/netra.1, between the `config-env` markers): a
// paragraph per section of the table, a tagged paragraph (.TP) per variable with what it does, then its type,
// unit, default and commands. roff, ending in a newline. `netra config --man` prints it.
std::string config_man_environment();

// The variables `command` uses ("serve", "reviewer", …), for its --help: two lines each (name, type and default;
// what it does), indented by two spaces. Empty when the command uses none.
std::string config_help(std::string_view command);

// `text` in lines of at most 118 columns (a longer word stands alone), each ending in a newline, the first starting
// with `first`, the others with `next`: the layout of the env file's comments and of every command's --help.
std::string wrap_text(const std::string& text, const std::string& first, const std::string& next);

}  // namespace netra::adapters
