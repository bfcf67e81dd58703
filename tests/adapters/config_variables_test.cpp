// The table of NETRA_* variables (adapters/app/config_variables.cpp) is the one source of the configuration's
// documentation: these tests fail when README.md, deploy/netra.env or the manual page (deploy/man/netra.1) drift
// from it, when read_config reads a variable it does not list, or when it lists a range read_config does not enforce.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "adapters/app/config.h"
#include "adapters/app/config_docs.h"
#include "adapters/app/config_variables.h"
#include "support/test_support.h"

using namespace netra::adapters;
using netra::testing::TempDir;

namespace {

std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(NETRA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The README's lines between the config-table markers.
std::string readme_table() {
  std::string readme = source_file("README.md");
  auto begin = readme.find("<!-- config-table:begin");
  auto end = readme.find("<!-- config-table:end");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  begin = readme.find('\n', begin) + 1;
  return readme.substr(begin, end - begin);
}

// The manual page's lines between the config-env markers of its ENVIRONMENT section.
std::string man_environment() {
  std::string man = source_file("deploy/man/netra.1");
  auto begin = man.find(".\\\" config-env:begin");
  auto end = man.find(".\\\" config-env:end");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  REQUIRE(man.rfind(".SH ENVIRONMENT\n", begin) != std::string::npos);
  begin = man.find('\n', begin) + 1;
  return man.substr(begin, end - begin);
}

// Every variable name in the table, a family (NETRA_RETENTION_DAYS_<STATUS>) as written.
std::set<std::string> table_names() {
  std::set<std::string> names;
  for (const auto& section : config_sections()) {
    for (const auto& variable : section.variables) names.insert(std::string(variable.name));
  }
  return names;
}

// Looks names up in `values`, recording every name asked for.
Lookup recording(std::map<std::string, std::string> values, std::set<std::string>& asked /* OUT */) {
  return [values, &asked](const std::string& name) -> std::optional<std::string> {
    asked.insert(name);
    auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

// NETRA_DATA_DIR and one more variable.
Lookup lookup_of_test(const std::string& data_dir, const std::string& name, const std::string& value) {
  return [=](const std::string& asked) -> std::optional<std::string> {
    if (asked == "NETRA_DATA_DIR") return data_dir;
    if (asked == name) return value;
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("The README's configuration table is the one generated from the table of variables") {
  // On failure: run scripts/config-docs and commit README.md.
  CHECK(readme_table() == config_markdown());
}

TEST_CASE("deploy/netra.env is the one generated from the table of variables") {
  // On failure: run scripts/config-docs and commit deploy/netra.env.
  CHECK(source_file("deploy/netra.env") == config_env_file());
}

TEST_CASE("The manual page's ENVIRONMENT section is the one generated from the table of variables") {
  // On failure: run scripts/config-docs and commit deploy/man/netra.1.
  CHECK(man_environment() == config_man_environment());
}

TEST_CASE("The manual page names every variable of the table") {
  std::string section = config_man_environment();
  for (const auto& name : table_names()) {
    CAPTURE(name);
    CHECK(section.find(".B " + name + "\n") != std::string::npos);
  }
}

TEST_CASE("The configuration reads exactly the variables the table lists") {
  TempDir dir;
  std::set<std::string> asked;
  load_config(recording({{"NETRA_DATA_DIR", dir.file("var")}}, asked), "k");
  asked.insert("NETRA_CONFIG");  // read by configuration_lookup, before any other
  std::set<std::string> read;
  for (const auto& name : asked) read.insert(std::string(config_variable(name).name));  // throws for an unlisted one
  CHECK(read == table_names());
}

TEST_CASE("Every integer variable's default and range in the table are what read_config enforces") {
  TempDir dir;
  for (const auto& section : config_sections()) {
    for (const auto& variable : section.variables) {
      if (variable.type != "integer") continue;
      std::string name(variable.name);
      auto placeholder = name.find('<');
      if (placeholder != std::string::npos) name = name.substr(0, placeholder) + "BARU";
      INFO(name);
      auto with = [&](const std::string& value) { return lookup_of_test(dir.file("var"), name, value); };
      CHECK_NOTHROW(read_config(with(std::to_string(variable.min)), "k"));
      CHECK_NOTHROW(read_config(with(std::to_string(variable.max)), "k"));
      CHECK_THROWS_WITH(read_config(with(std::to_string(variable.min - 1)), "k"), Catch::Contains(name));
      CHECK_THROWS_WITH(read_config(with(std::to_string(variable.max + 1)), "k"), Catch::Contains(name));
      if (!variable.default_value.empty()) {
        int64_t value = std::stoll(std::string(variable.default_value));
        CHECK(value >= variable.min);
        CHECK(value <= variable.max);
      }
    }
  }
}

TEST_CASE("A command's --help lists the variables it uses and no others") {
  std::string serve = config_help("serve");
  for (const auto& name : table_names()) {
    if (used_by(config_variable(name), "serve")) CHECK(serve.find(name) != std::string::npos);
  }
  std::string lexicon = config_help("lexicon");
  CHECK(lexicon.find("NETRA_KNOWLEDGE_DIR") != std::string::npos);
  CHECK(lexicon.find("NETRA_CONFIG") != std::string::npos);
  CHECK(lexicon.find("NETRA_PORT") == std::string::npos);
}

TEST_CASE("The env file sets nothing: every key is commented out, with the packaged data dir") {
  std::istringstream lines(config_env_file());
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK((line.empty() || line.front() == '#'));
    CHECK(line.size() <= 120);
  }
  CHECK(config_env_file().find("\n#NETRA_DATA_DIR=/var/lib/netra\n") != std::string::npos);
  CHECK(config_env_file().find("#NETRA_CONFIG=") == std::string::npos);
}
