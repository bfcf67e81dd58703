#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "knowledge/corpus.h"
#include "support/test_support.h"

using namespace netra::knowledge;

namespace {

const char* kRegulation =
    "source: uu-7-2017\n"
    "title: UU 7/2017 tentang Pemilihan Umum\n"
    "short: UU 7/2017\n"
    "\n"
    "== article 280-3\n"
    "pasal: 280\n"
    "ayat: 3\n"
    "title: Larangan menjadi tim kampanye\n"
    "provenance: secondary\n"
    "checked: 2026-11-30\n"
    "verdict: dilarang\n"
    "text: ASN dan kepala desa tidak boleh menjadi\n"
    "  anggota tim kampanye.\n";

bool has_problem(const std::vector<Problem>& problems, int line, const std::string& fragment) {
  for (const auto& p : problems) {
    if (p.line == line && p.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a valid regulation file parses into an article that cites itself", "[corpus]") {
  std::vector<Problem> problems;
  auto corpus = parse_corpus_file("uu-7-2017.txt", kRegulation, problems);
  REQUIRE(problems.empty());
  REQUIRE(corpus.entries.size() == 1);
  const auto& entry = corpus.entries.front();
  CHECK(entry.pasal == "280");
  CHECK(entry.ayat == "3");
  CHECK(entry.text == "ASN dan kepala desa tidak boleh menjadi anggota tim kampanye.");
  REQUIRE(entry.cites.size() == 1);
  CHECK(entry.cites.front().source == "uu-7-2017");
  CHECK(corpus.sources.front().short_name == "UU 7/2017");
  CHECK(entry.provenance == "secondary");
  CHECK(entry.checked == "2026-11-30");
}

TEST_CASE("a missing required key is reported at the entry's line", "[corpus]") {
  std::vector<Problem> problems;
  parse_corpus_file("qa-x.txt",
                    "source: qa\ntitle: t\n\n== qa tanpa-jawaban\nquestion: boleh?\nverdict: boleh\ncite: uu-7-2017 280\n",
                    problems);
  CHECK(has_problem(problems, 4, "needs `answer:`"));
}

TEST_CASE("an answer that opens with its own verdict is reported: the reply's heading says it", "[corpus]") {
  auto problems_with_answer = [](const std::string& answer) {
    std::vector<Problem> problems;
    parse_corpus_file("qa-x.txt",
                      "source: qa\ntitle: t\n\n== qa jawab\nquestion: boleh?\nverdict: boleh\nanswer: " + answer +
                          "\ncite: uu-7-2017 280\n",
                      problems);
    return problems;
  };
  CHECK(has_problem(problems_with_answer("Boleh. Warga biasa bebas berkampanye."), 7, "repeats its verdict"));
  CHECK_FALSE(has_problem(problems_with_answer("Warga biasa bebas berkampanye."), 7, "repeats its verdict"));
}

TEST_CASE("unknown keys, bad verdicts and malformed citations are reported with their line", "[corpus]") {
  std::vector<Problem> problems;
  parse_corpus_file("qa-x.txt",
                    "source: qa\ntitle: t\n== qa a\nquestion: q\nverdict: mungkin\nanswer: a\ncite: uu-7-2017\n"
                    "warna: merah\n",
                    problems);
  CHECK(has_problem(problems, 5, "verdict `mungkin`"));
  CHECK(has_problem(problems, 7, "citation `uu-7-2017`"));
  CHECK(has_problem(problems, 8, "unknown key `warna`"));
}

TEST_CASE("a continuation line without a field and a stray line are errors", "[corpus]") {
  std::vector<Problem> problems;
  parse_corpus_file("qa-x.txt", "source: qa\ntitle: t\n\n  melayang\nkalimat tanpa titik dua\n", problems);
  CHECK(has_problem(problems, 4, "continuation"));
  CHECK(has_problem(problems, 5, "expected `key: value`"));
}

TEST_CASE("a regulation whose source id differs from its file name is rejected", "[corpus]") {
  std::vector<Problem> problems;
  parse_corpus_file("uu-10-2016.txt", kRegulation, problems);
  CHECK(has_problem(problems, 1, "does not match the file name"));
}

TEST_CASE("citing an article the corpus does not describe fails validation", "[corpus]") {
  std::vector<Problem> problems;
  auto corpus = parse_corpus_file("uu-7-2017.txt", kRegulation, problems);
  auto qa = parse_corpus_file(
      "qa-x.txt", "source: qa\ntitle: t\n== qa a\nquestion: q\nverdict: boleh\nanswer: a\ncite: uu-7-2017 999\n",
      problems);
  corpus.entries.push_back(qa.entries.front());
  validate_corpus(corpus, problems);
  CHECK(has_problem(problems, 3, "names no article"));
}

TEST_CASE("duplicate qa ids across files are reported", "[corpus]") {
  std::vector<Problem> problems;
  const char* text = "source: qa\ntitle: t\n== qa sama\nquestion: q\nverdict: boleh\nanswer: a\ncite: uu-7-2017 280\n";
  auto corpus = parse_corpus_file("uu-7-2017.txt", kRegulation, problems);
  for (const char* name : {"qa-a.txt", "qa-b.txt"}) {
    auto parsed = parse_corpus_file(name, text, problems);
    corpus.entries.push_back(parsed.entries.front());
  }
  validate_corpus(corpus, problems);
  CHECK(has_problem(problems, 3, "already used"));
}

TEST_CASE("the repository's corpus validates and covers every regulation with 80+ curated answers", "[corpus]") {
  std::vector<Problem> problems;
  auto corpus = load_corpus(netra::testing::knowledge_root() + "/corpus", problems);
  for (const auto& p : problems) INFO(p.to_string());
  REQUIRE(problems.empty());
  size_t qa = 0, summaries = 0, regulations = 0;
  for (const auto& e : corpus.entries) {
    qa += e.kind == EntryKind::qa;
    summaries += e.kind == EntryKind::summary;
  }
  for (const auto& s : corpus.sources) regulations += s.is_regulation;
  CHECK(qa >= 80);
  CHECK(summaries >= 3);
  CHECK(regulations == 16);
}

namespace {

// A regulation file with one article of the given provenance; `extra` lines go inside the article.
std::string article_file(const std::string& provenance, const std::string& extra = "") {
  return "source: uu-6-2014\ntitle: UU 6/2014 tentang Desa\nshort: UU 6/2014\n\n"
         "== article 29\npasal: 29\n" +
         extra + "title: Larangan bagi kepala desa\nprovenance: " + provenance +
         "\nchecked: 2026-11-30\ntext: Kepala desa dilarang terlibat kampanye.\n";
}

Corpus corpus_with_qa(const std::string& provenance, const std::string& cites, std::vector<Problem>& problems) {
  auto corpus = parse_corpus_file("uu-6-2014.txt", article_file(provenance), problems);
  auto qa = parse_corpus_file(
      "qa-x.txt", "source: qa\ntitle: t\n\n== qa kades-kampanye\nquestion: kades boleh kampanye?\nverdict: dilarang\n"
                  "answer: Tidak boleh.\ncite: " + cites + "\n",
      problems);
  for (auto& entry : qa.entries) corpus.entries.push_back(entry);
  validate_corpus(corpus, problems);
  return corpus;
}

}  // namespace

TEST_CASE("an article without provenance or check date is rejected", "[corpus][provenance]") {
  std::vector<Problem> problems;
  parse_corpus_file("uu-7-2017.txt",
                    "source: uu-7-2017\ntitle: t\nshort: UU 7/2017\n\n== article 282\npasal: 282\ntitle: x\ntext: y\n",
                    problems);
  CHECK(has_problem(problems, 5, "needs `provenance:`"));
  CHECK(has_problem(problems, 5, "needs `checked:`"));
}

TEST_CASE("provenance must be official, secondary or recalled and the check date YYYY-MM-DD", "[corpus][provenance]") {
  std::vector<Problem> problems;
  parse_corpus_file("uu-7-2017.txt",
                    "source: uu-7-2017\ntitle: t\nshort: UU 7/2017\n\n== article 282\npasal: 282\ntitle: x\n"
                    "provenance: kata orang\nchecked: 30-11-2026\ntext: y\n",
                    problems);
  CHECK(has_problem(problems, 8, "provenance `kata orang`"));
  CHECK(has_problem(problems, 9, "checked `30-11-2026`"));
}

TEST_CASE("a recalled article may not carry an ayat or a huruf", "[corpus][provenance]") {
  std::vector<Problem> problems;
  parse_corpus_file("uu-6-2014.txt", article_file("recalled", "ayat: 1\nhuruf: j\n"), problems);
  CHECK(has_problem(problems, 7, "recalled article is cited without ayat or huruf: drop `ayat:`"));
  CHECK(has_problem(problems, 8, "drop `huruf:`"));
  problems.clear();
  parse_corpus_file("uu-6-2014.txt", article_file("official", "ayat: 1\nhuruf: j\n"), problems);
  CHECK(problems.empty());
}

TEST_CASE("a curated answer resting only on recalled articles is refused at its line", "[corpus][provenance]") {
  std::vector<Problem> problems;
  corpus_with_qa("recalled", "uu-6-2014 29", problems);
  CHECK(has_problem(problems, 4, "qa `kades-kampanye`: its verdict rests only on recalled articles (uu-6-2014 29)"));
  problems.clear();
  corpus_with_qa("secondary", "uu-6-2014 29", problems);
  CHECK(problems.empty());
}

TEST_CASE("a citation may not give an ayat for an article that is only recalled", "[corpus][provenance]") {
  std::vector<Problem> problems;
  corpus_with_qa("recalled", "uu-6-2014 29 2", problems);
  CHECK(has_problem(problems, 4, "gives an ayat, but the article is only recalled"));
}

TEST_CASE("every article of the repository's corpus records its provenance and check date", "[corpus][provenance]") {
  std::vector<Problem> problems;
  auto corpus = load_corpus(netra::testing::knowledge_root() + "/corpus", problems);
  REQUIRE(problems.empty());
  size_t articles = 0;
  for (const auto& entry : corpus.entries) {
    if (entry.kind != EntryKind::article) continue;
    ++articles;
    INFO(entry.id);
    CHECK((entry.provenance == "official" || entry.provenance == "secondary" || entry.provenance == "recalled"));
    CHECK(entry.checked.size() == 10);
  }
  CHECK(articles > 50);
}

namespace {

// The keys docs/corpus-format.md documents, as `block/key/requirement` lines: one per table row of the header's
// and each entry kind's section ("yes…" is required, "regulations" required in a regulation's header).
std::set<std::string> documented_fields(const std::string& markdown) {
  std::set<std::string> fields;
  std::string block;
  std::istringstream in(markdown);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("## File header", 0) == 0) block = "header";
    else if (line.rfind("### `== article", 0) == 0) block = "article";
    else if (line.rfind("### `== qa", 0) == 0) block = "qa";
    else if (line.rfind("### `== summary", 0) == 0) block = "summary";
    else if (line.rfind("## ", 0) == 0) block.clear();
    if (block.empty() || line.rfind("| `", 0) != 0) continue;
    auto key_end = line.find('`', 3);
    auto cell_start = line.find('|', key_end) + 1;
    auto cell_end = line.find('|', cell_start);
    std::string required = line.substr(cell_start, cell_end - cell_start);
    required = required.substr(required.find_first_not_of(' '));
    std::string requirement = required.rfind("yes", 0) == 0           ? "required"
                              : required.rfind("regulations", 0) == 0 ? "regulations"
                                                                      : "optional";
    fields.insert(block + "/" + line.substr(3, key_end - 3) + "/" + requirement);
  }
  return fields;
}

std::string to_string(FieldRequirement requirement) {
  switch (requirement) {
    case FieldRequirement::required: return "required";
    case FieldRequirement::regulations: return "regulations";
    case FieldRequirement::optional: return "optional";
  }
  return "optional";
}

}  // namespace

TEST_CASE("docs/corpus-format.md documents every field the parser knows, and no other", "[corpus]") {
  std::ifstream in(std::string(NETRA_SOURCE_DIR) + "/docs/corpus-format.md");
  REQUIRE(in);
  std::stringstream markdown;
  markdown << in.rdbuf();
  auto documented = documented_fields(markdown.str());
  std::set<std::string> parsed;
  for (const auto& field : corpus_fields()) {
    parsed.insert(std::string(to_string(field.block)) + "/" + std::string(field.key) + "/" + to_string(field.requirement));
  }
  REQUIRE(parsed.size() > 20);
  for (const auto& field : parsed) {
    INFO("the parser knows " << field);
    CHECK(documented.count(field) == 1);
  }
  for (const auto& field : documented) {
    INFO("the documentation names " << field);
    CHECK(parsed.count(field) == 1);
  }
}

TEST_CASE("the keys the syntax section says may repeat are the parser's repeatable keys", "[corpus]") {
  std::ifstream in(std::string(NETRA_SOURCE_DIR) + "/docs/corpus-format.md");
  std::stringstream markdown;
  markdown << in.rdbuf();
  std::string text = markdown.str();
  auto sentence = text.find("for keys that allow several (");
  REQUIRE(sentence != std::string::npos);
  std::string list = text.substr(sentence, text.find(')', sentence) - sentence);
  std::set<std::string> documented;
  for (size_t open = list.find('`'); open != std::string::npos; open = list.find('`', list.find('`', open + 1) + 1)) {
    documented.insert(list.substr(open + 1, list.find('`', open + 1) - open - 1));
  }
  std::set<std::string> repeatable;
  for (const auto& field : corpus_fields()) {
    if (field.repeatable) repeatable.insert(std::string(field.key));
  }
  CHECK(documented == repeatable);
}

TEST_CASE("a field table key in the wrong kind of entry is reported as unknown", "[corpus]") {
  std::vector<Problem> problems;
  parse_corpus_file("qa.txt",
                    "source: qa\ntitle: Tanya jawab\n\n== qa contoh\nquestion: boleh?\nverdict: boleh\nanswer: Boleh.\n"
                    "cite: uu-7-2017 280\npasal: 280\n",
                    problems);
  CHECK(has_problem(problems, 9, "unknown key `pasal` in qa"));
}
