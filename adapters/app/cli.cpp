#include "adapters/app/cli.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "adapters/app/backup.h"
#include "adapters/app/command_line.h"
#include "adapters/app/config.h"
#include "adapters/app/config_command.h"
#include "adapters/app/desk_cli.h"
#include "adapters/app/lexicon_command.h"
#include "adapters/app/reports_export.h"
#include "adapters/app/serve.h"
#include "bot/answer_json.h"
#include "bot/answerer.h"
#include "bot/evaluation.h"
#include "knowledge/index.h"

#ifndef NETRA_VERSION
#define NETRA_VERSION "unknown"
#endif

namespace netra::adapters {
namespace {

// One line of `netra --help`: a form of a command and what it does.
struct Synopsis {
  const char* form;
  const char* summary;
};

// One `netra` command: its word, its lines in `netra --help`, and what runs it (args[0] is the word).
struct Command {
  const char* word;
  std::vector<Synopsis> synopses;
  int (*run)(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);
};

// A command that reads no standard input, in the table's shape.
template <int (*command)(const std::vector<std::string>&, std::ostream&, std::ostream&)>
int without_input(const std::vector<std::string>& args, std::istream&, std::ostream& out, std::ostream& err) {
  return command(args, out, err);
}

// The knowledge flags of index, ask and eval: they name NETRA_KNOWLEDGE_DIR and NETRA_KNOWLEDGE for one run.
struct KnowledgeFlags {
  std::string knowledge_dir;  // --knowledge; empty: the configuration's
  std::string index;          // --index (ask, eval) or --out (index); empty: the configuration's
};

void add_knowledge_flags(CLI::App& app, KnowledgeFlags& flags, const std::string& index_flag) {
  app.add_option("--knowledge", flags.knowledge_dir, "the knowledge folder (default: NETRA_KNOWLEDGE_DIR)")
      ->option_text("DIR");
  app.add_option(index_flag, flags.index, "the knowledge index file (default: NETRA_KNOWLEDGE)")->option_text("FILE");
}

// The configuration with the knowledge flags a command was given in place of NETRA_KNOWLEDGE_DIR and
// NETRA_KNOWLEDGE; nullopt after telling `err` why it cannot be read.
std::optional<Config> knowledge_config(const KnowledgeFlags& given, const std::string& command, std::ostream& err) {
  std::map<std::string, std::string> flags;
  if (!given.knowledge_dir.empty()) flags["NETRA_KNOWLEDGE_DIR"] = given.knowledge_dir;
  if (!given.index.empty()) flags["NETRA_KNOWLEDGE"] = given.index;
  try {
    return read_configuration(flags);
  } catch (const std::runtime_error& e) {
    err << command << ": " << e.what() << "\n";
    return std::nullopt;
  }
}

std::unique_ptr<knowledge::KnowledgeBase> open_knowledge(const Config& config, std::ostream& err) {
  knowledge::KnowledgeSource source{config.knowledge_dir};
  try {
    bool rebuilt = false;
    auto kb = knowledge::open_or_build(source, config.knowledge_index, knowledge::DictionaryPaths{}, &rebuilt);
    if (rebuilt) err << "netra: built the knowledge index " << config.knowledge_index << " from " << source.root << "\n";
    return kb;
  } catch (const std::exception& e) {
    err << "netra: " << e.what() << "\n";
    return nullptr;
  }
}

int command_index(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Validates DIR/corpus/*.txt and DIR/data/*.txt (problems as `file:line: what is wrong`, exit 1) and "
      "builds the FTS5 knowledge index into FILE.",
      "netra index");
  KnowledgeFlags flags;
  add_knowledge_flags(app, flags, "--out");
  describe_command(app, "index");
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  auto config = knowledge_config(flags, "netra index", err);
  if (!config) return 2;
  knowledge::KnowledgeSource source{config->knowledge_dir};
  const std::string& out_path = config->knowledge_index;
  try {
    auto report = knowledge::build_index(source, out_path, knowledge::DictionaryPaths{});
    if (!report.problems.empty()) {
      for (const auto& problem : report.problems) err << problem.to_string() << "\n";
      err << "netra index: " << report.problems.size() << " problem(s); nothing was written\n";
      return 1;
    }
    out << "indexed " << report.entries << " entries from " << report.sources << " regulations into " << out_path
        << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "netra index: " << e.what() << "\n";
    return 1;
  }
}

// For tuning the lexicon, the rules and the ranking: the reading, the rule that decided, what was retrieved.
void print_explanation(const bot::Explanation& explanation, const knowledge::KnowledgeBase& kb, std::ostream& out) {
  const bot::Reading& reading = explanation.reading;
  out << "speech act: " << knowledge::to_string(reading.speech_act) << "; focus: " << knowledge::to_string(reading.focus)
      << "; election: " << knowledge::to_string(reading.election) << "; sentences: " << reading.sentence_count
      << " (question in " << reading.focus_sentence + 1 << ")\n";
  out << "words:";
  for (const auto& token : reading.tokens) out << " " << token.word << (token.stem != token.word ? "/" + token.stem : "");
  out << "\n";
  for (size_t i = 0; i < reading.people.size(); ++i) {
    const auto& person = reading.people[i];
    out << "person " << i << ": "
        << (person.kind == bot::Person::Kind::asker ? "asker"
            : person.kind == bot::Person::Kind::relation ? std::string(knowledge::to_string(*person.relation))
                                                         : std::string("named by role"))
        << ", role " << knowledge::to_string(person.role) << (person.runs_for_office ? ", runs for office" : "")
        << (i == reading.subject ? "  <- subject" : "") << "\n";
  }
  for (size_t i = 0; i < reading.acts.size(); ++i) {
    const auto& act = reading.acts[i];
    bool asked = std::find(reading.asked_acts.begin(), reading.asked_acts.end(), i) != reading.asked_acts.end();
    out << "act: " << knowledge::to_string(act.act) << " by person " << act.person << " → "
        << knowledge::to_string(act.target) << (act.negated ? " (negated)" : "") << (asked ? "  <- asked" : "")
        << "\n";
  }
  out << "modifiers:";
  for (auto modifier : reading.modifiers) out << " " << knowledge::to_string(modifier);
  out << (reading.role_assumed ? "\nrole assumed: asn" : "") << "\n";
  const auto& decision = explanation.decision;
  out << "decision: " << knowledge::to_string(decision.verdict);
  for (const auto* rule : decision.rules) out << " [rules.txt:" << rule->line << "]";
  if (decision.depends_on_role) out << " (depends on the role)";
  if (decision.downgraded) out << " (boleh lowered)";
  out << "\n";
  for (const auto& hit : explanation.hits) {
    const auto& entry = kb.entries()[hit.entry];
    out << "  " << entry.id << " [" << knowledge::to_string(entry.kind) << ", " << entry.verdict
        << "] score=" << hit.score << " coverage=" << hit.coverage << " question=" << hit.question_match
        << " bm25=" << hit.bm25 << "\n";
  }
}

// What `netra ask` was asked to do.
struct AskRequest {
  bool json = false, jsonl = false, explain = false;
  std::optional<std::string> role;
  std::string question;  // the words joined with spaces; empty with --jsonl
  KnowledgeFlags knowledge;
};

// The question from the words CLI11 left over (ask allows extras and declares no positional, so they stay in
// order): a word that starts with one dash ("-_-", "-nya") is part of the chat text, as it was before CLI11.
// False, with `error`, for an unknown --option before `--`, which stays a usage error.
bool question_from_words(const std::vector<std::string>& words, std::string& question /* OUT */,
                         std::string& error /* OUT */) {
  bool only_words = false;
  for (const auto& word : words) {
    if (!only_words && word == "--") {
      only_words = true;
    } else if (!only_words && word.size() > 2 && word.rfind("--", 0) == 0) {
      error = "unknown option " + word;
      return false;
    } else {
      question += (question.empty() ? "" : " ") + word;
    }
  }
  return true;
}

// Parses `netra ask`'s arguments into `ask`. nullopt: run it; else the exit code after the help or a usage error.
std::optional<int> parse_ask(const std::vector<std::string>& args, AskRequest& ask /* OUT */, std::ostream& out,
                             std::ostream& err) {
  CLI::App app(
      "Answers a message as the bot would in a chat: QUESTION... is the message, its words joined with "
      "spaces. The index is built from the knowledge folder first when it is missing or older than the "
      "corpus.",
      "netra ask");
  app.formatter(
      std::make_shared<StatedUsageFormatter>("netra ask [--json] [--explain] [--role R] [OPTIONS] QUESTION...\n"
                                             "       netra ask --jsonl [--role R] [OPTIONS] < messages.txt"));
  std::string role;
  app.add_flag("--json", ask.json, "print the answer JSON");
  app.add_flag("--jsonl", ask.jsonl, "read one message per stdin line; print one answer JSON per line, in order");
  app.add_flag("--explain", ask.explain, "also show the reading, the rule that decided and what was retrieved");
  app.add_option("--role", role, "who asks: asn, pppk, kades, perangkat or citizen")->option_text("R");
  add_knowledge_flags(app, ask.knowledge, "--index");
  app.allow_extras();  // the question's words: see question_from_words
  describe_command(app, "ask");
  if (auto exit_code = parse_command_line(app, args, out, err)) return exit_code;
  std::string error;
  if (!question_from_words(app.remaining(), ask.question, error)) return usage_error(app, error, err);
  if (!role.empty() && !bot::parse_contract_role(role)) {
    err << "netra ask: unknown role `" << role << "` (asn, pppk, kades, perangkat, citizen)\n";
    return 2;
  }
  if (!role.empty()) ask.role = role;
  if (!ask.jsonl && ask.question.find_first_not_of(" \t\r\n") == std::string::npos) {
    return usage_error(app, "no question given", err);
  }
  if (ask.jsonl && !ask.question.empty()) {
    err << "netra ask: --jsonl reads messages from stdin; do not also give a question\n";
    return 2;
  }
  return std::nullopt;
}

// How sure the corpus is of each article the answer cites (maintainers' view; users never see it).
void print_citations(const bot::Answer& answer, const knowledge::KnowledgeBase& kb, std::ostream& out) {
  out << "citations:\n";
  for (const auto& citation : answer.citations) {
    const auto* article = kb.article({citation.source, citation.pasal, citation.ayat});
    out << "  " << citation.source << " " << citation.pasal << (citation.ayat.empty() ? "" : " " + citation.ayat)
        << ": " << (article ? article->provenance + ", checked " + article->checked : "no article") << "\n";
  }
}

int command_ask(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  AskRequest ask;
  if (auto exit_code = parse_ask(args, ask, out, err)) return *exit_code;
  auto config = knowledge_config(ask.knowledge, "netra ask", err);
  if (!config) return 2;
  auto kb = open_knowledge(*config, err);
  if (!kb) return 1;
  bot::Answerer answerer(*kb);
  if (ask.jsonl) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out << bot::to_json(answerer.answer(line, ask.role))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << "\n";
      out.flush();
    }
    return 0;
  }
  auto answer = answerer.answer(ask.question, ask.role);
  if (ask.explain) {
    print_explanation(answerer.explain(ask.question, ask.role), *kb, out);
    print_citations(answer, *kb, out);
  }
  if (ask.json) {
    out << bot::to_json(answer).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    out << answer.text << "\n";
  }
  return 0;
}

int command_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "Scores the bot on an eval file (one JSON object per line: message, role, expected intent, verdict "
      "and citations): prints cite@1, cite@3, verdict accuracy, intent accuracy and p50/p99 answer time.",
      "netra eval");
  std::string file;
  bool verbose = false;
  KnowledgeFlags flags;
  app.add_option("FILE.jsonl", file, "the eval file")->required();
  app.add_flag("--verbose", verbose, "also list every item that missed");
  add_knowledge_flags(app, flags, "--index");
  describe_command(app, "eval");
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  std::vector<std::string> errors;
  auto items = bot::read_eval_file(file, errors);
  for (const auto& error : errors) err << error << "\n";
  if (items.empty()) {
    err << "netra eval: no items to score\n";
    return 1;
  }
  auto config = knowledge_config(flags, "netra eval", err);
  if (!config) return 2;
  auto kb = open_knowledge(*config, err);
  if (!kb) return 1;
  bot::Answerer answerer(*kb);
  auto report = bot::evaluate(answerer, items);
  bot::print_report(report, out, verbose);
  return errors.empty() ? 0 : 1;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"index",
       {{"index [--knowledge DIR] [--out FILE]", "validate the corpus and build the knowledge index"}},
       without_input<command_index>},
      {"ask",
       {{"ask [--json] [--role R] QUESTION...", "answer one message as the bot would in a chat"},
        {"ask --jsonl", "one message per stdin line, one answer JSON per line"}},
       command_ask},
      {"eval", {{"eval FILE.jsonl [--verbose]", "score the bot on an eval file"}}, without_input<command_eval>},
      {"serve", {{"serve", "run the HTTP server (configured by NETRA_* variables)"}}, without_input<command_serve>},
      {"telegram",
       {{"telegram set-webhook URL", "register the Telegram webhook (also: telegram webhook-info)"}},
       without_input<command_telegram>},
      {"reports",
       {{"reports export (--csv | --json)", "export the reports for reviewers (also: reports expire)"}},
       without_input<command_reports>},
      {"reviewer",
       {{"reviewer add|list|remove [NAME]", "reviewer accounts for the desk at /desk"}},
       without_input<command_reviewer>},
      {"backup",
       {{"backup [--data-dir DIR] DEST", "copy the SQLite state consistently while the server runs"}},
       without_input<command_backup>},
      {"lexicon",
       {{"lexicon coverage FILE", "how much of an informal<TAB>formal word list the chat map covers"}},
       without_input<command_lexicon>},
      {"config",
       {{"config --markdown | --print-env | --man",
         "the NETRA_* variables as the README's table, the env file or the manual's ENVIRONMENT section"}},
       without_input<command_config_docs>},
  };
  return table;
}

// `netra --help`: generated from the command table.
std::string usage() {
  std::string text = "usage: netra COMMAND [OPTIONS]\n\ncommands:\n";
  for (const auto& command : commands()) {
    for (const auto& [form, summary] : command.synopses) {
      std::string line = "  " + std::string(form);
      text += line + std::string(line.size() < 41 ? 41 - line.size() : 1, ' ') + summary + "\n";
    }
  }
  text += "  --version" + std::string(41 - 11, ' ') + "print the version\n";
  text +=
      "\nroles: asn, pppk, kades, perangkat, citizen\nRun `netra COMMAND --help` for a command's options and the "
      "NETRA_* variables it reads.\n";
  return text;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  // Only the command word is looked at here; each command parses the rest with CLI11 (command_line.h).
  if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
    (args.empty() ? err : out) << usage();
    return args.empty() ? 2 : 0;
  }
  if (args.front() == "--version") {
    out << "netra " << NETRA_VERSION << "\n";
    return 0;
  }
  for (const auto& command : commands()) {
    if (args.front() == command.word) return command.run(args, in, out, err);
  }
  err << "netra: unknown command `" << args.front() << "`\n" << usage();
  return 2;
}

}  // namespace netra::adapters
