#include "adapters/app/cli.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "adapters/app/backup.h"
#include "adapters/app/config.h"
#include "adapters/app/config_command.h"
#include "adapters/app/lexicon_command.h"
#include "adapters/app/desk_cli.h"
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

constexpr const char* kUsage =
    "usage: netra COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  index [--knowledge DIR] [--out FILE]   validate the corpus and build the knowledge index\n"
    "  ask [--json] [--role R] QUESTION...    answer one message as the bot would in a chat\n"
    "  ask --jsonl                            one message per stdin line, one answer JSON per line\n"
    "  eval FILE.jsonl [--verbose]            score the bot on an eval file\n"
    "  serve                                  run the HTTP server (configured by NETRA_* variables)\n"
    "  telegram set-webhook URL               register the Telegram webhook (also: telegram webhook-info)\n"
    "  reports export (--csv | --json)        export the reports for reviewers (also: reports expire)\n"
    "  reviewer add|list|remove [NAME]        reviewer accounts for the desk at /desk\n"
    "  backup [--data-dir DIR] DEST           copy the SQLite state consistently while the server runs\n"
    "  lexicon coverage FILE                  how much of an informal<TAB>formal word list the chat map covers\n"
    "  config --markdown | --print-env        the NETRA_* variables as the README's table or the env file\n"
    "  --version                              print the version\n"
    "\n"
    "roles: asn, pppk, kades, perangkat, citizen\n"
    "Run `netra COMMAND --help` for a command's options.\n";

constexpr const char* kIndexUsage =
    "usage: netra index [--knowledge DIR] [--out FILE]\n"
    "  Validates DIR/corpus/*.txt and DIR/data/*.txt (problems as `file:line: what is wrong`, exit 1)\n"
    "  and builds the FTS5 knowledge index into FILE.\n"
    "  --knowledge DIR  the knowledge folder (default: $NETRA_KNOWLEDGE_DIR, else the installed\n"
    "                   <prefix>/share/netra/knowledge, else the source tree's knowledge/)\n"
    "  --out FILE       the index file (default: $NETRA_KNOWLEDGE or $NETRA_DATA_DIR/knowledge.db, var/knowledge.db)\n";

constexpr const char* kAskUsage =
    "usage: netra ask [--json] [--explain] [--role R] [--index FILE] QUESTION...\n"
    "       netra ask --jsonl [--role R] [--index FILE] < messages.txt\n"
    "  Answers a message as the bot would. --json prints the answer JSON; --jsonl reads one message per line\n"
    "  and prints one answer JSON per line, in order. R is asn, pppk, kades, perangkat or citizen.\n"
    "  The index is built from the knowledge folder first when it is missing or older than the corpus.\n";

constexpr const char* kEvalUsage =
    "usage: netra eval FILE.jsonl [--verbose] [--index FILE]\n"
    "  Prints cite@1, cite@3, verdict accuracy, intent accuracy and p50/p99 answer time.\n"
    "  --verbose also lists every item that missed.\n";

// Parsed options: flags without values, options with one value, and the positional words.
struct Arguments {
  std::set<std::string> flags;
  std::map<std::string, std::string> options;
  std::vector<std::string> words;
  std::string error;
};

Arguments parse_arguments(const std::vector<std::string>& args, size_t first, const std::set<std::string>& flags,
                          const std::set<std::string>& options) {
  Arguments parsed;
  bool only_words = false;
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_words || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      parsed.words.push_back(arg);
    } else if (arg == "--") {
      only_words = true;
    } else if (flags.count(arg)) {
      parsed.flags.insert(arg);
    } else if (options.count(arg)) {
      if (i + 1 >= args.size()) {
        parsed.error = arg + " needs a value";
        return parsed;
      }
      parsed.options[arg] = args[++i];
    } else if (auto eq = arg.find('='); eq != std::string::npos && options.count(arg.substr(0, eq))) {
      parsed.options[arg.substr(0, eq)] = arg.substr(eq + 1);
    } else {
      parsed.error = "unknown option " + arg;
      return parsed;
    }
  }
  return parsed;
}

// The configuration with the knowledge flags a command was given (--knowledge, and --index or --out) in place of
// NETRA_KNOWLEDGE_DIR and NETRA_KNOWLEDGE; nullopt after telling `err` why it cannot be read.
std::optional<Config> knowledge_config(const Arguments& args, const std::string& index_flag, const std::string& command,
                                       std::ostream& err) {
  std::map<std::string, std::string> flags;
  if (args.options.count("--knowledge")) flags["NETRA_KNOWLEDGE_DIR"] = args.options.at("--knowledge");
  if (args.options.count(index_flag)) flags["NETRA_KNOWLEDGE"] = args.options.at(index_flag);
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
  auto parsed = parse_arguments(args, 1, {"--help"}, {"--knowledge", "--out"});
  if (parsed.flags.count("--help")) {
    out << kIndexUsage;
    return 0;
  }
  if (!parsed.error.empty() || !parsed.words.empty()) {
    err << "netra index: " << (parsed.error.empty() ? "unexpected argument " + parsed.words.front() : parsed.error)
        << "\n"
        << kIndexUsage;
    return 2;
  }
  auto config = knowledge_config(parsed, "--out", "netra index", err);
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

int command_ask(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto parsed =
      parse_arguments(args, 1, {"--help", "--json", "--jsonl", "--explain"}, {"--role", "--index", "--knowledge"});
  if (parsed.flags.count("--help")) {
    out << kAskUsage;
    return 0;
  }
  if (!parsed.error.empty()) {
    err << "netra ask: " << parsed.error << "\n" << kAskUsage;
    return 2;
  }
  std::optional<std::string> role;
  if (parsed.options.count("--role")) {
    role = parsed.options.at("--role");
    if (!bot::parse_contract_role(*role)) {
      err << "netra ask: unknown role `" << *role << "` (asn, pppk, kades, perangkat, citizen)\n";
      return 2;
    }
  }
  bool jsonl = parsed.flags.count("--jsonl") > 0;
  std::string question;
  for (const auto& word : parsed.words) question += (question.empty() ? "" : " ") + word;
  if (!jsonl && question.find_first_not_of(" \t\r\n") == std::string::npos) {
    err << "netra ask: no question given\n" << kAskUsage;
    return 2;
  }
  if (jsonl && !question.empty()) {
    err << "netra ask: --jsonl reads messages from stdin; do not also give a question\n";
    return 2;
  }
  auto config = knowledge_config(parsed, "--index", "netra ask", err);
  if (!config) return 2;
  auto kb = open_knowledge(*config, err);
  if (!kb) return 1;
  bot::Answerer answerer(*kb);
  if (jsonl) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out << bot::to_json(answerer.answer(line, role)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << "\n";
      out.flush();
    }
    return 0;
  }
  auto answer = answerer.answer(question, role);
  if (parsed.flags.count("--explain")) {
    print_explanation(answerer.explain(question, role), *kb, out);
    // How sure the corpus is of each article the answer cites (maintainers' view; users never see it).
    out << "citations:\n";
    for (const auto& citation : answer.citations) {
      const auto* article = kb->article({citation.source, citation.pasal, citation.ayat});
      out << "  " << citation.source << " " << citation.pasal << (citation.ayat.empty() ? "" : " " + citation.ayat)
          << ": " << (article ? article->provenance + ", checked " + article->checked : "no article") << "\n";
    }
  }
  if (parsed.flags.count("--json")) {
    out << bot::to_json(answer).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    out << answer.text << "\n";
  }
  return 0;
}

int command_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = parse_arguments(args, 1, {"--help", "--verbose"}, {"--index", "--knowledge"});
  if (parsed.flags.count("--help")) {
    out << kEvalUsage;
    return 0;
  }
  if (!parsed.error.empty() || parsed.words.size() != 1) {
    err << "netra eval: " << (parsed.error.empty() ? "give exactly one eval file" : parsed.error) << "\n"
        << kEvalUsage;
    return 2;
  }
  std::vector<std::string> errors;
  auto items = bot::read_eval_file(parsed.words.front(), errors);
  for (const auto& error : errors) err << error << "\n";
  if (items.empty()) {
    err << "netra eval: no items to score\n";
    return 1;
  }
  auto config = knowledge_config(parsed, "--index", "netra eval", err);
  if (!config) return 2;
  auto kb = open_knowledge(*config, err);
  if (!kb) return 1;
  bot::Answerer answerer(*kb);
  auto report = bot::evaluate(answerer, items);
  bot::print_report(report, out, parsed.flags.count("--verbose") > 0);
  return errors.empty() ? 0 : 1;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string& command = args.front();
  if (command == "--version") {
    out << "netra " << NETRA_VERSION << "\n";
    return 0;
  }
  if (command == "index") return command_index(args, out, err);
  if (command == "ask") return command_ask(args, in, out, err);
  if (command == "eval") return command_eval(args, out, err);
  if (command == "serve") return command_serve(args, out, err);
  if (command == "telegram") return command_telegram(args, out, err);
  if (command == "reports") return command_reports(args, out, err);
  if (command == "backup") return command_backup(args, out, err);
  if (command == "lexicon") return command_lexicon(args, out, err);
  if (command == "reviewer") return command_reviewer(args, out, err);
  if (command == "config") return command_config_docs(args, out, err);
  err << "netra: unknown command `" << command << "`\n" << kUsage;
  return 2;
}

}  // namespace netra::adapters
