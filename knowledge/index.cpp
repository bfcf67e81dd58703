#include "knowledge/index.h"

#include <filesystem>
#include <stdexcept>

namespace netra::knowledge {

std::unique_ptr<KnowledgeBase> open_or_build(const KnowledgeSource& source, const std::string& index_path,
                                             const DictionaryPaths& dictionary, bool* rebuilt) {
  if (rebuilt) *rebuilt = false;
  bool have_source = std::filesystem::is_directory(source.corpus_dir());
  if (std::filesystem::exists(index_path)) {
    try {
      auto kb = KnowledgeBase::open(index_path, dictionary);
      if (!have_source || kb->fingerprint() == fingerprint_of(source)) return kb;
    } catch (const std::exception&) {
      if (!have_source) throw;
    }
  } else if (!have_source) {
    throw std::runtime_error("knowledge index " + index_path + " is missing and no corpus at " + source.corpus_dir());
  }
  auto report = build_index(source, index_path, dictionary);
  if (!report.problems.empty()) {
    std::string message = "the knowledge corpus is invalid:";
    for (const auto& problem : report.problems) message += "\n" + problem.to_string();
    throw std::runtime_error(message);
  }
  if (rebuilt) *rebuilt = true;
  return KnowledgeBase::open(index_path, dictionary);
}

}  // namespace netra::knowledge
