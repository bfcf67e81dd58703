#include "adapters/app/command_line.h"

#include <memory>
#include <ostream>
#include <sstream>

#include "adapters/app/config_docs.h"

namespace netra::adapters {
namespace {

// `text` wrapped line by line (a newline in it starts a new paragraph), without a newline at the end: CLI11 adds
// one after a description and after a footer.
std::string wrapped(const std::string& text) {
  std::string out;
  std::istringstream paragraphs(text);
  for (std::string paragraph; std::getline(paragraphs, paragraph);) {
    out += paragraph.empty() ? "\n" : wrap_text(paragraph, "", "");
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// `footer`, then the NETRA_* variables `config_command` reads under one heading.
std::string footer_with_variables(const std::string& footer, std::string_view config_command) {
  std::string text = wrapped(footer);
  std::string variables = config_command.empty() ? "" : config_help(config_command);
  if (variables.empty()) return text;
  if (!text.empty()) text += "\n\n";
  text +=
      "Configuration (environment variables, or KEY=VALUE lines in the file named by NETRA_CONFIG; the "
      "environment wins):\n" +
      variables;
  text.pop_back();  // config_help ends each variable with a newline
  return text;
}

}  // namespace

void describe_command(CLI::App& app, std::string_view config_command, const std::string& footer) {
  app.description(wrapped(app.get_description()));
  app.footer(footer_with_variables(footer, config_command));
  app.get_formatter()->column_width(30);
  // A subcommand's description is also its line in the parent's list of subcommands: kept to one line, unwrapped.
  for (CLI::App* subcommand : app.get_subcommands([](CLI::App*) { return true; })) {
    subcommand->footer(footer_with_variables(subcommand->get_footer(), config_command));
  }
}

std::optional<int> parse_command_line(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                                      std::ostream& err) {
  // CLI11 takes the arguments last first, without the program's (here: the command's) name.
  std::vector<std::string> reversed(args.rbegin(), args.rend() - (args.empty() ? 0 : 1));
  try {
    app.parse(reversed);
    return std::nullopt;
  } catch (const CLI::CallForHelp&) {
    out << app.help();  // the help of the subcommand named before --help, if any (`netra reviewer add --help`)
    return 0;
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e.what(), err);
  }
}

int usage_error(const CLI::App& app, const std::string& what, std::ostream& err) {
  // The error concerns the deepest subcommand the arguments chose (`netra reviewer add` without a NAME).
  const CLI::App* chosen = &app;
  std::string name = app.get_name();
  for (auto subcommands = app.get_subcommands(); !subcommands.empty(); subcommands = chosen->get_subcommands()) {
    chosen = subcommands.front();
    name += " " + chosen->get_name();
  }
  err << name << ": " << what << "\n";
  if (auto formatter = std::dynamic_pointer_cast<CLI::Formatter>(chosen->get_formatter())) {
    err << formatter->make_usage(chosen, name);
  }
  err << "Run `" << name << " --help` for its options and configuration.\n";
  return 2;
}

}  // namespace netra::adapters
