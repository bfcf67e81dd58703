#include "knowledge/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

const std::set<std::string> kVerdicts = {"dilarang", "boleh", "hati-hati", "info"};
const std::set<std::string> kAudiences = {"asn", "pppk", "kades", "perangkat", "citizen", "all"};
const std::set<std::string, std::less<>> kProvenances = {std::string(kProvenanceOfficial),
                                                         std::string(kProvenanceSecondary),
                                                         std::string(kProvenanceRecalled)};
// Keys that may appear more than once; each occurrence adds a value.
const std::set<std::string> kRepeatable = {"question", "cite"};
// No field is ever this long in a real corpus; a longer one is a broken file (a missing `==`, say).
constexpr size_t kMaxFieldLength = 8000;

std::vector<std::string> split_list(std::string_view value, char separator) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(separator, start);
    if (end == std::string_view::npos) end = value.size();
    auto item = trim(value.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

// A field as read: its values (several for repeatable keys) and the line of its first occurrence.
struct Field {
  std::vector<std::string> values;
  int line = 0;
};

// One block of the file: the header, or an entry started by `== KIND ID`.
struct Block {
  std::string kind;  // empty for the header
  std::string id;
  int line = 0;
  std::map<std::string, Field> fields;
};

class FileParser {
 public:
  FileParser(const std::string& name, std::vector<Problem>& problems) : name_(name), problems_(problems) {}

  std::vector<Block> blocks(std::string_view content) {
    if (!valid_utf8(content)) problem(1, "file is not valid UTF-8");
    std::vector<Block> blocks(1);
    blocks.front().line = 1;
    std::string* last_value = nullptr;
    std::istringstream in{std::string(content)};
    std::string raw;
    int number = 0;
    while (std::getline(in, raw)) {
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string_view line = raw;
      if (trim(line).empty()) {
        last_value = nullptr;  // a blank line ends a field: continuation must follow it directly
        continue;
      }
      if (line.front() == '#') continue;
      if (line.size() >= 2 && line[0] == ' ' && line[1] == ' ') {
        if (!last_value) {
          problem(number, "continuation line without a field before it");
          continue;
        }
        *last_value += ' ';
        *last_value += trim(line);
        if (last_value->size() > kMaxFieldLength) problem(number, "field longer than 8000 characters");
        continue;
      }
      if (line.rfind("==", 0) == 0) {
        auto parts = split_list(line.substr(2), ' ');
        Block block;
        block.line = number;
        if (parts.size() != 2) {
          problem(number, "expected `== KIND ID`");
        } else {
          block.kind = parts[0];
          block.id = parts[1];
          if (block.kind != "article" && block.kind != "qa" && block.kind != "summary") {
            problem(number, "unknown entry kind `" + block.kind + "` (article, qa, summary)");
          }
        }
        blocks.push_back(std::move(block));
        last_value = nullptr;
        continue;
      }
      auto colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        problem(number, "expected `key: value`, `== KIND ID`, a comment or an indented continuation");
        last_value = nullptr;
        continue;
      }
      std::string key(trim(line.substr(0, colon)));
      std::string value(trim(line.substr(colon + 1)));
      auto& field = blocks.back().fields[key];
      if (!field.values.empty() && !kRepeatable.count(key)) {
        problem(number, "duplicate key `" + key + "`");
        last_value = nullptr;
        continue;
      }
      if (field.values.empty()) field.line = number;
      field.values.push_back(std::move(value));
      last_value = &field.values.back();
    }
    return blocks;
  }

  void problem(int line, std::string message) { problems_.push_back({name_, line, std::move(message)}); }

 private:
  const std::string& name_;
  std::vector<Problem>& problems_;
};

std::string file_stem(const std::string& name) {
  return std::filesystem::path(name).stem().string();
}

// YYYY-MM-DD with digits where digits belong (a check that the field is a date, not that the day exists).
bool is_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

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

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::article: return "article";
    case EntryKind::qa: return "qa";
    case EntryKind::summary: return "summary";
  }
  return "article";
}

bool parse_article_ref(std::string_view text, ArticleRef& ref) {
  auto parts = split_list(text, ' ');
  if (parts.size() < 2 || parts.size() > 3) return false;
  ref.source = parts[0];
  ref.pasal = parts[1];
  ref.ayat = parts.size() == 3 ? parts[2] : "";
  return true;
}

Corpus parse_corpus_file(const std::string& name, std::string_view content, std::vector<Problem>& problems) {
  FileParser parser(name, problems);
  auto blocks = parser.blocks(content);
  Corpus corpus;

  // Header.
  const Block& header = blocks.front();
  auto header_value = [&](const std::string& key) -> std::string {
    auto found = header.fields.find(key);
    return found == header.fields.end() ? "" : found->second.values.front();
  };
  SourceInfo source{header_value("source"), header_value("title"), header_value("short"), header_value("note"),
                    false};
  if (source.id.empty()) parser.problem(1, "header needs `source:`");
  if (source.title.empty()) parser.problem(1, "header needs `title:`");
  source.is_regulation = !source.id.empty() && source.id != "qa" && source.id != "sosialisasi";
  if (source.is_regulation) {
    if (source.short_name.empty()) parser.problem(1, "a regulation header needs `short:`");
    if (source.id != file_stem(name)) {
      parser.problem(header.fields.count("source") ? header.fields.at("source").line : 1,
                     "source `" + source.id + "` does not match the file name `" + file_stem(name) + "`");
    }
  }
  for (const auto& [key, field] : header.fields) {
    if (key != "source" && key != "title" && key != "short" && key != "note") {
      parser.problem(field.line, "unknown header key `" + key + "`");
    }
  }
  corpus.sources.push_back(source);

  for (size_t b = 1; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (block.kind.empty()) continue;  // the `==` line itself was reported
    Entry entry;
    entry.file = name;
    entry.line = block.line;
    entry.source = source.id;
    entry.kind = block.kind == "qa" ? EntryKind::qa : block.kind == "summary" ? EntryKind::summary : EntryKind::article;
    entry.id = entry.kind == EntryKind::article ? source.id + "/" + block.id : block.id;

    std::set<std::string> allowed;
    std::set<std::string> required;
    switch (entry.kind) {
      case EntryKind::article:
        allowed = {"pasal",   "ayat",     "huruf", "title", "audience",   "verdict",
                   "sanction", "keywords", "text",  "provenance", "checked"};
        required = {"pasal", "title", "text", "provenance", "checked"};
        if (!source.is_regulation) parser.problem(block.line, "an article belongs in a regulation file");
        break;
      case EntryKind::qa:
        allowed = {"question", "audience", "verdict", "answer", "cite", "sanction", "keywords", "title"};
        required = {"question", "verdict", "answer", "cite"};
        break;
      case EntryKind::summary:
        allowed = {"title", "date", "region", "attribution", "text", "cite", "keywords", "audience"};
        required = {"title", "date", "region", "attribution", "text"};
        break;
    }
    for (const auto& key : required) {
      auto found = block.fields.find(key);
      if (found == block.fields.end() || found->second.values.front().empty()) {
        parser.problem(block.line, std::string(to_string(entry.kind)) + " `" + block.id + "` needs `" + key + ":`");
      }
    }
    for (const auto& [key, field] : block.fields) {
      if (!allowed.count(key)) {
        parser.problem(field.line, "unknown key `" + key + "` in " + std::string(to_string(entry.kind)));
        continue;
      }
      const std::string& value = field.values.front();
      if (key == "pasal") entry.pasal = value;
      else if (key == "ayat") entry.ayat = value;
      else if (key == "huruf") entry.huruf = value;
      else if (key == "title") entry.title = value;
      else if (key == "answer") entry.answer = value;
      else if (key == "text") entry.text = value;
      else if (key == "sanction") entry.sanction = value;
      else if (key == "date") entry.date = value;
      else if (key == "region") entry.region = value;
      else if (key == "attribution") entry.attribution = value;
      else if (key == "provenance") {
        entry.provenance = value;
        if (!kProvenances.count(value)) {
          parser.problem(field.line, "provenance `" + value + "` is not one of official, secondary, recalled");
        }
      } else if (key == "checked") {
        entry.checked = value;
        if (!is_iso_date(value)) parser.problem(field.line, "checked `" + value + "` is not YYYY-MM-DD");
      }
      else if (key == "question") entry.questions = field.values;
      else if (key == "keywords") entry.keywords = split_list(value, ',');
      else if (key == "verdict") {
        entry.verdict = value;
        if (!kVerdicts.count(value)) {
          parser.problem(field.line, "verdict `" + value + "` is not one of dilarang, boleh, hati-hati, info");
        }
      } else if (key == "audience") {
        entry.audience = split_list(value, ',');
        for (const auto& who : entry.audience) {
          if (!kAudiences.count(who)) parser.problem(field.line, "unknown audience `" + who + "`");
        }
      } else if (key == "cite") {
        for (const auto& line_value : field.values) {
          for (const auto& item : split_list(line_value, ';')) {
            ArticleRef ref;
            if (!parse_article_ref(item, ref)) {
              parser.problem(field.line, "citation `" + item + "` is not `SOURCE PASAL [AYAT]`");
            } else {
              entry.cites.push_back(ref);
            }
          }
        }
      }
    }
    if (entry.kind == EntryKind::article) {
      if (entry.verdict.empty()) entry.verdict = "info";
      // The fact sheet's rule: what was not confirmed is cited by article number only.
      if (entry.provenance == kProvenanceRecalled) {
        for (const char* part : {"ayat", "huruf"}) {
          if (auto found = block.fields.find(part); found != block.fields.end()) {
            parser.problem(found->second.line, std::string("a recalled article is cited without ayat or huruf: drop `") +
                                                   part + ":` or confirm the article");
          }
        }
      }
      entry.cites.push_back({source.id, entry.pasal, entry.ayat});
    }
    if (entry.kind == EntryKind::summary) {
      if (entry.verdict.empty()) entry.verdict = "info";
      if (!entry.date.empty() && !is_iso_date(entry.date)) {
        parser.problem(block.fields.at("date").line, "date `" + entry.date + "` is not YYYY-MM-DD");
      }
    }
    if (entry.kind == EntryKind::qa && entry.title.empty() && !entry.questions.empty()) {
      entry.title = entry.questions.front();
    }
    corpus.entries.push_back(std::move(entry));
  }
  return corpus;
}

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
