#include "adapters/app/lexicon_command.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <ostream>

#include "adapters/app/command_line.h"
#include "adapters/app/config.h"
#include "knowledge/lexicon_coverage.h"

namespace netra::adapters {
namespace {

std::string percent(size_t part, size_t whole) {
  if (whole == 0) return "0.0 %";
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

// The analyser of the knowledge folder's lexicon files, without building an index; nullptr after printing the
// problems when the files are missing or malformed.
std::unique_ptr<knowledge::Analyzer> analyzer_of(const std::string& knowledge_dir, std::ostream& err) {
  std::vector<knowledge::Problem> problems;
  auto texts = knowledge::read_lexicon_texts(knowledge_dir + "/data", problems);
  auto lexicon = knowledge::parse_lexicon(texts, problems);
  if (!problems.empty()) {
    for (const auto& problem : problems) err << problem.to_string() << "\n";
    err << "netra lexicon: the lexicon in " << knowledge_dir << "/data has " << problems.size() << " problem(s)\n";
    return nullptr;
  }
  try {
    auto stemmer = std::make_shared<const knowledge::Stemmer>(knowledge::DictionaryPaths{});
    return std::make_unique<knowledge::Analyzer>(std::move(lexicon), std::move(stemmer));
  } catch (const std::exception& e) {
    err << "netra lexicon: " << e.what() << "\n";
    return nullptr;
  }
}

void print_coverage(const std::string& file, const knowledge::LexiconCoverage& coverage, bool summary,
                    std::ostream& out) {
  out << file << ": " << coverage.pairs << " informal words\n";
  out << "mapped by netra:        " << coverage.mapped << " (" << percent(coverage.mapped, coverage.pairs) << ")\n";
  out << "  to the same formal:   " << coverage.mapped_same << " ("
      << percent(coverage.mapped_same, coverage.pairs) << ")\n";
  out << "  to other words:       " << coverage.mapped_otherwise.size() << "\n";
  out << "left as they are:       " << coverage.unmapped.size() << " ("
      << percent(coverage.unmapped.size(), coverage.pairs) << ")\n";
  out << "read alike:             " << coverage.read_alike << " (" << percent(coverage.read_alike, coverage.pairs)
      << "; the same words or search terms as the formal side, mapped or not)\n";
  if (summary) return;
  out << "\nmapped to other words:\n";
  for (const auto& line : coverage.mapped_otherwise) out << "  " << line << "\n";
  out << "\nleft as they are:\n";
  for (const auto& word : coverage.unmapped) out << "  " << word << "\n";
}

}  // namespace

int command_lexicon(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Tools for the chat-language map (DIR/data/slang.txt and the analyser's normalisation).",
               "netra lexicon");
  std::string knowledge_dir, file;
  bool summary = false;
  CLI::App* coverage =
      app.add_subcommand("coverage", "how much of an informal<TAB>formal word list the chat-language map covers");
  coverage->add_option("FILE", file, "the TSV of informal<TAB>formal pairs")->required();
  coverage->footer(
      "Reads FILE, a TSV of `informal<TAB>formal` pairs (a first line `informal<TAB>formal` is a header), runs every "
      "informal word through the chat-language map and prints how many it maps, how many to the pair's formal words, "
      "how many read alike (the same words or search terms as the formal side, mapped or not), then the words mapped "
      "to other words and the words it leaves as they are (one per line).");
  // Before or after `coverage`, as the options were read before CLI11.
  for (CLI::App* command : {&app, coverage}) {
    command->add_option("--knowledge", knowledge_dir, "the knowledge folder (default: NETRA_KNOWLEDGE_DIR)")
        ->option_text("DIR");
    command->add_flag("--summary", summary, "leave both word lists out");
  }
  app.require_subcommand(1);
  describe_command(app, "lexicon");
  if (auto exit_code = parse_command_line(app, args, out, err)) return *exit_code;
  if (knowledge_dir.empty()) {
    try {
      knowledge_dir = read_configuration().knowledge_dir;
    } catch (const std::runtime_error& e) {
      err << "netra lexicon: " << e.what() << "\n";
      return 2;
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err << "netra lexicon: cannot read " << file << "\n";
    return 1;
  }
  std::vector<knowledge::Problem> problems;
  auto pairs = knowledge::read_informal_pairs(in, file, problems);
  for (const auto& problem : problems) err << problem.to_string() << " (skipped)\n";
  if (pairs.empty()) {
    err << "netra lexicon: no `informal<TAB>formal` pairs in " << file << "\n";
    return 1;
  }
  auto analyzer = analyzer_of(knowledge_dir, err);
  if (!analyzer) return 1;
  print_coverage(file, knowledge::measure_lexicon_coverage(*analyzer, pairs), summary, out);
  return 0;
}

}  // namespace netra::adapters
