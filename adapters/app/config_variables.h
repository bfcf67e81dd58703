// The one table of Netra's NETRA_* variables: name, type, default, unit, range, the commands that use each, and
// what it does. read_config takes every default and range from it; `netra serve --help`, `netra config
// --markdown` (README's configuration table) and `netra config --print-env` (deploy/netra.env) are generated from
// it, and config_variables_test fails when the README or the env file drift from it or when read_config reads a
// variable the table does not name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netra::adapters {

struct ConfigVariable {
  std::string_view name{};  // NETRA_PORT; a family of variables ends in a placeholder: NETRA_RETENTION_DAYS_<STATUS>
  std::string_view type{};  // address, integer, path, text, secret, URL, level
  std::string_view default_value{};  // the literal default read_config uses ("8080"); empty: none, or default_note
  std::string_view default_note{};   // a default that is not one literal ("one per CPU core, at least 2")
  std::string_view unit{};           // seconds, ms, bytes, days, connections, …; empty for none
  int64_t min = 0, max = 0;          // the accepted range of an integer (inclusive)
  std::string_view commands{};       // the `netra` commands it affects, space-separated ("serve telegram"); "all"
  std::string_view description{};    // one or two sentences, Markdown code spans allowed
  std::string_view packaged{};  // the value deploy/netra.env suggests when a package wants another than the default
  bool in_env_file = true;      // false for NETRA_CONFIG, which names the file itself
};

// A group of variables as deploy/netra.env shows them, under one comment.
struct ConfigSection {
  std::string_view comment;  // the env file's comment above the group (may hold several lines)
  std::vector<ConfigVariable> variables;
};

// Every NETRA_* variable, in sections, in the order the documentation shows them.
const std::vector<ConfigSection>& config_sections();

// The variable named `name`, or the family it belongs to (NETRA_RETENTION_DAYS_SELESAI → NETRA_RETENTION_DAYS_
// <STATUS>). Throws std::logic_error for a name the table lacks: code must not read an undocumented variable.
const ConfigVariable& config_variable(std::string_view name);

// True when `variable` affects `command` (a command word such as "serve"); "all" affects every command.
bool used_by(const ConfigVariable& variable, std::string_view command);

}  // namespace netra::adapters
