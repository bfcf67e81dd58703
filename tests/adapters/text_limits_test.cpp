#include "adapters/channels/text_limits.h"

#include <catch2/catch.hpp>

using namespace netra::adapters;

TEST_CASE("UTF-16 length counts emoji as two units like Telegram does") {
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("é") == 1);
  CHECK(utf16_length("\xF0\x9F\x99\x8F") == 2);  // 🙏
}

TEST_CASE("A UTF-16 offset maps to the byte offset after an emoji") {
  std::string text = "\xF0\x9F\x99\x8F @netra_bot";
  CHECK(byte_offset_of_utf16(text, 3) == 5);
  CHECK(byte_offset_of_utf16(text, 100) == text.size());
}

TEST_CASE("A short message is not split") {
  auto parts = split_message("halo", 4000);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0] == "halo");
}

TEST_CASE("An empty message gives no parts") { CHECK(split_message("", 10).empty()); }

TEST_CASE("A long message is split at line boundaries first") {
  auto parts = split_message("baris satu\nbaris dua\nbaris tiga", 22);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == "baris satu\nbaris dua");
  CHECK(parts[1] == "baris tiga");
}

TEST_CASE("A long line is split at word boundaries") {
  auto parts = split_message("satu dua tiga empat lima", 10);
  for (const auto& part : parts) CHECK(utf16_length(part) <= 10);
  CHECK(parts.front() == "satu dua");
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : " ") + part;
  CHECK(joined == "satu dua tiga empat lima");
}

TEST_CASE("A word longer than the limit is cut without breaking a UTF-8 sequence") {
  std::string word;
  for (int i = 0; i < 10; ++i) word += "\xC3\xA9";  // é
  auto parts = split_message(word, 3);
  REQUIRE(parts.size() == 4);
  CHECK(parts[0] == "\xC3\xA9\xC3\xA9\xC3\xA9");
  CHECK(parts[3] == "\xC3\xA9");
}

TEST_CASE("Every part of a 10000-character reply stays below Telegram's 4096 limit") {
  std::string text;
  while (text.size() < 10000) text += "Pasal 280 ayat (3) melarang ASN ikut kampanye. ";
  auto parts = split_message(text, 4000);
  CHECK(parts.size() == 3);
  for (const auto& part : parts) CHECK(utf16_length(part) <= 4000);
}

TEST_CASE("HTML escaping covers the three characters Telegram requires") {
  CHECK(escape_html("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d");
  CHECK(escape_html("<b>tebal</b>") == "&lt;b&gt;tebal&lt;/b&gt;");
  CHECK(escape_html("biasa \"kutip\"") == "biasa \"kutip\"");
}

TEST_CASE("Truncation keeps at most the given number of characters and marks the cut") {
  CHECK(truncate_chars("Tanya aturan", 20) == "Tanya aturan");
  std::string cut = truncate_chars("Lapor pelanggaran netralitas", 20);
  CHECK(utf16_length(cut) == 20);
  CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
}
