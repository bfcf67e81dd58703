// The `netra` commands' argument parsing (CLI11, adapters/app/command_line.h), through run_cli with string
// streams: --help goes to stdout and ends with the command's NETRA_* variables, a usage error goes to stderr and
// exits 2. Nothing here gets as far as reading configuration or opening a file; the commands themselves, and
// `--opt=value` and `--` on the real binary, are in tests/integration/cli_test.cpp.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "adapters/app/cli.h"
#include "adapters/app/config_docs.h"

using netra::adapters::config_help;
using netra::adapters::run_cli;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = run_cli(args, in, out, err);
  return {code, out.str(), err.str()};
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

TEST_CASE("Every command's --help goes to stdout, exits 0 and ends with the NETRA_* variables the command reads") {
  // The arguments, then the command whose row in the variable table the help ends with.
  const std::vector<std::pair<std::vector<std::string>, std::string>> helps = {
      {{"index", "--help"}, "index"},
      {{"ask", "--help"}, "ask"},
      {{"eval", "-h"}, "eval"},
      {{"serve", "--help"}, "serve"},
      {{"telegram", "--help"}, "telegram"},
      {{"telegram", "set-webhook", "--help"}, "telegram"},
      {{"reports", "--help"}, "reports"},
      {{"reports", "export", "--help"}, "reports"},
      {{"reports", "expire", "--help"}, "reports"},
      {{"reviewer", "--help"}, "reviewer"},
      {{"reviewer", "add", "--help"}, "reviewer"},
      {{"backup", "--help"}, "backup"},
      {{"lexicon", "coverage", "--help"}, "lexicon"},
  };
  for (const auto& [args, command] : helps) {
    std::string line;
    for (const auto& arg : args) line += arg + " ";
    INFO("netra " << line);
    Run help = run(args);
    CHECK(help.code == 0);
    CHECK(help.err.empty());
    std::string usage = "Usage: netra " + args.front();
    if (args.size() == 3) usage += " " + args[1];  // a subcommand's own help
    CHECK(help.out.find(usage) != std::string::npos);
    REQUIRE_FALSE(config_help(command).empty());
    CHECK(ends_with(help.out, config_help(command)));
    CHECK(help.out.find("NETRA_CONFIG") != std::string::npos);
  }
  Run serve = run({"serve", "--help"});
  CHECK(serve.out.find("NETRA_PORT (integer 0–65535; default 8080)") != std::string::npos);
  CHECK(serve.out.find("SIGHUP reloads the knowledge") != std::string::npos);
  Run add = run({"reviewer", "add", "--help"});
  CHECK(add.out.find("Usage: netra reviewer add [OPTIONS] NAME") != std::string::npos);
  CHECK(add.out.find("--data-dir DIR") != std::string::npos);
  Run ask = run({"ask", "--help"});
  CHECK(ask.out.find("netra ask --jsonl") != std::string::npos);
  for (const char* flag : {"--json ", "--jsonl ", "--explain ", "--role R ", "--index FILE ", "--knowledge DIR "}) {
    CHECK(ask.out.find(flag) != std::string::npos);
  }
}

TEST_CASE("netra --help lists every command, and netra alone or an unknown command is a usage error") {
  Run help = run({"--help"});
  CHECK(help.code == 0);
  for (const char* command : {"index", "ask", "ask --jsonl", "eval", "serve", "telegram", "reports", "reviewer",
                              "backup", "lexicon", "config", "--version"}) {
    CHECK(help.out.find(std::string("\n  ") + command + " ") != std::string::npos);
  }
  Run bare = run({});
  CHECK(bare.code == 2);
  CHECK(bare.out.empty());
  CHECK(bare.err == help.out);
  Run unknown = run({"netral"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("netra: unknown command `netral`") == 0);
}

TEST_CASE("A usage error names the command and what is wrong on stderr, with the usage line, and exits 2") {
  // The arguments, then what the message must name.
  const std::vector<std::pair<std::vector<std::string>, std::string>> errors = {
      {{"index", "--frobnicate"}, "netra index: The following argument was not expected: --frobnicate"},
      {{"index", "--out"}, "netra index: --out"},
      {{"ask", "--role"}, "netra ask: --role"},
      {{"ask", "--frobnicate", "boleh?"}, "netra ask: unknown option --frobnicate"},
      {{"ask", "--role", "bupati", "boleh?"}, "netra ask: unknown role `bupati`"},
      {{"ask", "--json"}, "netra ask: no question given"},
      {{"ask", "--jsonl", "boleh?"}, "netra ask: --jsonl reads messages from stdin"},
      {{"eval"}, "netra eval: FILE.jsonl is required"},
      {{"eval", "a.jsonl", "b.jsonl"}, "b.jsonl"},
      {{"serve", "now"}, "netra serve: The following argument was not expected: now"},
      {{"telegram"}, "netra telegram: A subcommand is required"},
      {{"telegram", "set-webhook"}, "netra telegram set-webhook: URL is required"},
      {{"telegram", "set-webhook", "https://x.example/w", "--max-connections", "500"},
       "netra telegram: --max-connections must be 1 to 100"},
      {{"telegram", "set-webhook", "https://x.example/w", "--max-connections", "banyak"}, "banyak"},
      {{"reports"}, "netra reports: A subcommand is required"},
      {{"reports", "export", "--csv", "--json"}, "netra reports export: choose exactly one of --csv and --json"},
      {{"reports", "export", "--csv", "--status", "hilang"}, "netra reports export: unknown status `hilang`"},
      {{"reports", "expire", "--data-dir"}, "netra reports expire: --data-dir"},
      {{"reviewer", "add"}, "netra reviewer add: NAME is required"},
      {{"reviewer", "add", "bukan nama!"}, "netra reviewer: `bukan nama!` is not a valid name"},
      {{"reviewer", "list", "extra"}, "extra"},
      {{"backup"}, "netra backup: DEST is required"},
      {{"lexicon"}, "netra lexicon: A subcommand is required"},
      {{"lexicon", "coverage"}, "netra lexicon coverage: FILE is required"},
      {{"config"}, "netra config: expected one of --markdown, --print-env or --man"},
      {{"config", "--markdown", "--print-env"}, "netra config: expected one of --markdown, --print-env or --man"},
  };
  for (const auto& [args, message] : errors) {
    std::string line;
    for (const auto& arg : args) line += arg + " ";
    INFO("netra " << line);
    Run usage = run(args);
    CHECK(usage.code == 2);
    CHECK(usage.out.empty());
    CHECK(usage.err.rfind("netra " + args.front(), 0) == 0);
    CHECK(usage.err.find(message) != std::string::npos);
  }
  // An error CLI11 finds comes with the usage line and where the help is.
  Run missing = run({"reviewer", "add"});
  CHECK(missing.err.find("Usage: netra reviewer add [OPTIONS] NAME\n") != std::string::npos);
  CHECK(missing.err.find("Run `netra reviewer add --help`") != std::string::npos);
}
