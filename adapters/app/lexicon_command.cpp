#include "adapters/app/lexicon_command.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <ostream>

#include "adapters/app/config.h"
#include "knowledge/lexicon_coverage.h"

namespace netra::adapters {
namespace {

constexpr const char* kLexiconUsage =
    "usage: netra lexicon coverage [--knowledge DIR] [--summary] FILE\n"
    "  Reads FILE, a TSV of `informal<TAB>formal` pairs (a first line `informal<TAB>formal` is a header), runs\n"
    "  every informal word through Netra's chat-language map (DIR/data/slang.txt and the analyser's\n"
    "  normalisation) and prints how many it maps, how many to the pair's formal words, how many read alike\n"
    "  (the same words or search terms as the formal side, mapped or not), then the words mapped to\n"
    "  other words and the words it leaves as they are (one per line; --summary leaves both lists out).\n"
    "  --knowledge DIR  the knowledge folder (default: $NETRA_KNOWLEDGE_DIR, else the shipped knowledge/)\n";

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
  std::string knowledge_dir;
  bool summary = false;
  std::vector<std::string> words;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out << kLexiconUsage;
      return 0;
    }
    if (arg == "--summary") {
      summary = true;
    } else if (arg == "--knowledge" && i + 1 < args.size()) {
      knowledge_dir = args[++i];
    } else if (arg.rfind("--knowledge=", 0) == 0) {
      knowledge_dir = arg.substr(std::string("--knowledge=").size());
    } else if (arg.size() > 1 && arg.front() == '-') {
      err << "netra lexicon: unknown option " << arg << "\n" << kLexiconUsage;
      return 2;
    } else {
      words.push_back(arg);
    }
  }
  if (words.size() != 2 || words.front() != "coverage") {
    err << "netra lexicon: expected `coverage FILE`\n" << kLexiconUsage;
    return 2;
  }
  if (knowledge_dir.empty()) {
    try {
      knowledge_dir = read_configuration().knowledge_dir;
    } catch (const std::runtime_error& e) {
      err << "netra lexicon: " << e.what() << "\n";
      return 2;
    }
  }
  const std::string& file = words.back();
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
