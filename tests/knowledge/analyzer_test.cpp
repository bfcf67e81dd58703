#include <catch2/catch.hpp>

#include "support/test_support.h"

using namespace netra;
using netra::testing::shared_knowledge;

namespace {

std::vector<std::string> terms_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto& term : shared_knowledge().analyzer().analyze(text)) out.push_back(term.text);
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto& word : shared_knowledge().analyzer().normalize(text)) out.push_back(word.text);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("chat abbreviations are normalised to standard words", "[analyzer]") {
  auto words = words_of("sy gk tau yg dgn kades");
  CHECK(contains(words, "saya"));
  CHECK(contains(words, "tidak"));
  CHECK(contains(words, "yang"));
  CHECK(contains(words, "dengan"));
  CHECK(contains(words, "kepala"));
  CHECK(contains(words, "desa"));
}

TEST_CASE("candidate abbreviations expand to the words the corpus uses", "[analyzer]") {
  CHECK(contains(words_of("caleg"), "calon"));
  CHECK(contains(words_of("paslon"), "calon"));
  CHECK(contains(words_of("capres"), "presiden"));
  CHECK(contains(words_of("medsos"), "sosial"));
}

TEST_CASE("colloquial verb forms reach the same term as the standard form", "[analyzer]") {
  CHECK(terms_of("nge-like") == terms_of("like"));
  CHECK(terms_of("ngelike") == terms_of("like"));
  CHECK(contains(terms_of("di-share"), terms_of("share").front()));
  CHECK(terms_of("bagi2") == terms_of("bagi"));
  CHECK(terms_of("bagi-bagi") == terms_of("bagi"));
}

TEST_CASE("hunspell stems derived Indonesian words to their root", "[analyzer]") {
  CHECK(terms_of("mendukung") == std::vector<std::string>{"dukung"});
  CHECK(terms_of("pelanggaran") == terms_of("melanggar"));
  CHECK(terms_of("membagikan") == terms_of("bagi"));
  // Unknown to the dictionary, reached by the affix rules.
  CHECK(terms_of("dikampanyekan") == terms_of("kampanye"));
  // A word that is itself a root keeps its own form.
  CHECK(terms_of("perangkat") == std::vector<std::string>{"perangkat"});
  // Javanese krama possessives stand where Indonesian has "-nya".
  CHECK(terms_of("kampanyenipun") == terms_of("kampanyenya"));
  CHECK(terms_of("bantuanipun") == terms_of("bantuannya"));
}

TEST_CASE("stopwords and fillers produce no terms", "[analyzer]") {
  CHECK(terms_of("apakah itu sih dong ya").empty());
  CHECK_FALSE(terms_of("apakah kampanye itu").empty());
}

TEST_CASE("terms carry the byte range of the word they came from", "[analyzer]") {
  std::string text = "PNS ikut kampanye";
  auto terms = shared_knowledge().analyzer().analyze(text);
  bool found = false;
  for (const auto& term : terms) {
    if (term.text == "kampanye") {
      CHECK(text.substr(term.start, term.end - term.start) == "kampanye");
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("English words people mix in are understood", "[analyzer]") {
  CHECK(contains(words_of("civil servant campaign"), "kampanye"));
  CHECK(contains(words_of("civil servant campaign"), "asn"));
}

TEST_CASE("the domain check tells election questions from everyday ones", "[analyzer]") {
  const auto& analyzer = shared_knowledge().analyzer();
  CHECK(analyzer.mentions_domain(analyzer.analyze("boleh ikut kampanye caleg?")));
  CHECK_FALSE(analyzer.mentions_domain(analyzer.analyze("resep rendang yg enak gmn")));
}

TEST_CASE("words whose dictionary root means something else are not stemmed", "[analyzer]") {
  // "pasangan calon" must not meet "pasang baliho"; "peserta" must not become the conjunction "serta".
  CHECK(terms_of("pasangan") == std::vector<std::string>{"pasangan"});
  CHECK(terms_of("pasang") != terms_of("pasangan"));
  CHECK(terms_of("peserta kampanye").front() == "peserta");
}
