// Loading the whole corpus: every file of a directory parsed (knowledge/corpus.cpp), then the checks only the
// whole corpus can make — unique ids, citations that name described articles, and the fact sheet's provenance rules.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "knowledge/corpus.h"

namespace netra::knowledge {
namespace {

// The best provenance among the article entries a citation can mean: same source and pasal, and the same ayat
// when the citation gives one and an entry has it. Empty when no article matches.
std::string provenance_of(const std::multimap<std::pair<std::string, std::string>, const Entry*>& articles,
                          const ArticleRef& cite) {
  auto [first, last] = articles.equal_range({cite.source, cite.pasal});
  bool ayat_known = false;
  for (auto it = first; it != last; ++it) ayat_known = ayat_known || (!cite.ayat.empty() && it->second->ayat == cite.ayat);
  std::string best;
  for (auto it = first; it != last; ++it) {
    const Entry& article = *it->second;
    if (ayat_known && article.ayat != cite.ayat) continue;
    if (article.provenance == kProvenanceOfficial) return article.provenance;
    if (article.provenance == kProvenanceSecondary || best.empty()) best = article.provenance;
  }
  return best;
}

}  // namespace

void validate_corpus(const Corpus& corpus, std::vector<Problem>& problems) {
  std::map<std::string, const Entry*> by_id;
  std::multimap<std::pair<std::string, std::string>, const Entry*> articles;  // (source, pasal) → article
  std::map<std::string, std::string> source_files;
  for (const auto& entry : corpus.entries) {
    if (entry.kind == EntryKind::article) articles.emplace(std::make_pair(entry.source, entry.pasal), &entry);
  }
  for (const auto& source : corpus.sources) {
    if (!source.is_regulation) continue;
    if (source_files.count(source.id)) problems.push_back({source.id, 1, "source id defined twice"});
    source_files[source.id] = source.id;
  }
  for (const auto& entry : corpus.entries) {
    auto [it, inserted] = by_id.emplace(entry.id, &entry);
    if (!inserted) {
      problems.push_back({entry.file, entry.line,
                          "id `" + entry.id + "` already used at " + it->second->file + ":" +
                              std::to_string(it->second->line)});
    }
    bool rests_on_confirmed = false;
    std::vector<std::string> recalled;
    for (const auto& cite : entry.cites) {
      std::string label = cite.source + " " + cite.pasal;
      if (!articles.count({cite.source, cite.pasal})) {
        problems.push_back({entry.file, entry.line,
                            "citation `" + label + "` names no article in the corpus (never cite an article we do "
                            "not describe)"});
        continue;
      }
      std::string provenance = provenance_of(articles, cite);
      if (provenance == kProvenanceRecalled) {
        recalled.push_back(label);
        if (!cite.ayat.empty()) {
          problems.push_back({entry.file, entry.line,
                              "citation `" + label + " " + cite.ayat +
                                  "` gives an ayat, but the article is only recalled: cite it as `" + label + "`"});
        }
      } else {
        rests_on_confirmed = true;
      }
    }
    if (entry.kind == EntryKind::qa && !rests_on_confirmed && !recalled.empty()) {
      std::string list;
      for (const auto& label : recalled) list += (list.empty() ? "" : ", ") + label;
      problems.push_back({entry.file, entry.line,
                          "qa `" + entry.id + "`: its verdict rests only on recalled articles (" + list +
                              "); cite an official or secondary article, or leave the claim out"});
    }
  }
}

Corpus load_corpus(const std::string& dir, std::vector<Problem>& problems) {
  Corpus corpus;
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(dir, error)) {
    if (item.is_regular_file() && item.path().extension() == ".txt") files.push_back(item.path());
  }
  if (error) {
    problems.push_back({dir, 0, "cannot read corpus directory: " + error.message()});
    return corpus;
  }
  if (files.empty()) problems.push_back({dir, 0, "no corpus files (*.txt)"});
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    auto parsed = parse_corpus_file(path.string(), content.str(), problems);
    for (auto& source : parsed.sources) corpus.sources.push_back(std::move(source));
    for (auto& entry : parsed.entries) corpus.entries.push_back(std::move(entry));
  }
  validate_corpus(corpus, problems);
  return corpus;
}

}  // namespace netra::knowledge
