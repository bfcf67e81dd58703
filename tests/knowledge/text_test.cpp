#include <catch2/catch.hpp>

#include "knowledge/strings.h"
#include "knowledge/text.h"
#include "knowledge/utf8.h"

using namespace netra::knowledge;

TEST_CASE("split_words lowercases and keeps the original byte offsets", "[text]") {
  std::string text = "Boleh LIKE postingan?";
  auto words = split_words(text);
  REQUIRE(words.size() == 3);
  CHECK(words[0].text == "boleh");
  CHECK(words[1].text == "like");
  CHECK(text.substr(words[1].start, words[1].end - words[1].start) == "LIKE");
  CHECK(words[2].text == "postingan");
  CHECK(words[2].end == text.size() - 1);
}

TEST_CASE("split_words keeps a hyphen inside a word but not at its edges", "[text]") {
  auto words = split_words("nge-like -share di- bagi2");
  REQUIRE(words.size() == 4);
  CHECK(words[0].text == "nge-like");
  CHECK(words[1].text == "share");
  CHECK(words[2].text == "di");
  CHECK(words[3].text == "bagi2");
}

TEST_CASE("split_words folds diacritics and treats emoji as separators", "[text]") {
  std::string text = "Café\xF0\x9F\x99\x8F" "kampanye";
  auto words = split_words(text);
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "cafe");
  CHECK(words[0].end == 5);  // "Caf" + two bytes of é
  CHECK(words[1].text == "kampanye");
}

TEST_CASE("split_words survives invalid UTF-8 without reading past the end", "[text]") {
  std::string text = "abc\xC3";
  auto words = split_words(text);
  REQUIRE(words.size() == 1);
  CHECK(words[0].text == "abc");
  CHECK_FALSE(valid_utf8(text));
  CHECK(valid_utf8("kampanye \xC3\xA9"));
  CHECK(split_words("\xE0\x80\x80\xFF").empty());
}

TEST_CASE("Latin-1 conversion round-trips accented text and rejects what it cannot hold", "[text]") {
  std::string latin1;
  REQUIRE(utf8_to_latin1("caf\xC3\xA9", latin1));
  CHECK(latin1 == "caf\xE9");
  CHECK(latin1_to_utf8(latin1) == "caf\xC3\xA9");
  CHECK_FALSE(utf8_to_latin1("\xF0\x9F\x99\x8F", latin1));
}

TEST_CASE("split keeps empty items and join puts them back", "[strings]") {
  CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(split("", ',').empty());
  CHECK(join(split("x\ny\n", '\n'), "\n") == "x\ny\n");
}

TEST_CASE("split_trimmed drops blank items and trims the rest", "[strings]") {
  CHECK(split_trimmed(" asn, kades ,, ", ',') == std::vector<std::string>{"asn", "kades"});
  CHECK(split_spaces("  a \t b\n") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("ascii case changes only ASCII letters", "[strings]") {
  CHECK(ascii_lower("Cek NTR-ÉÀ") == "cek ntr-ÉÀ");
  CHECK(ascii_upper("lampiran-ii é") == "LAMPIRAN-II é");
}

TEST_CASE("utf8 length counts characters and a cut never splits one", "[utf8]") {
  std::string text = "aé👍";  // 1 + 2 + 4 bytes
  CHECK(utf8_length(text) == 3);
  CHECK(utf8_boundary_before(text, 2) == 1);  // inside é
  CHECK(utf8_boundary_before(text, 3) == 3);  // at 👍
  CHECK(utf8_boundary_before(text, 5) == 3);  // inside 👍
  CHECK(utf8_boundary_before(text, 99) == text.size());
  CHECK(valid_utf8(text));
  CHECK_FALSE(valid_utf8("\xC0\xAF"));  // an overlong '/'
}
