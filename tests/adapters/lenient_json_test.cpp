#include "adapters/http/lenient_json.h"

#include <catch2/catch.hpp>

using namespace netra::adapters;

// nlohmann/json#3903: "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF" rejects the whole document.
TEST_CASE("A lone high surrogate escape becomes U+FFFD and the document parses") {
  CHECK(repair_json_text(R"({"a":"x\ud83d y"})") == R"({"a":"x\ufffd y"})");
  auto parsed = parse_json_leniently(R"({"a":"x\ud83d","b":"ok"})");
  REQUIRE_FALSE(parsed.is_discarded());
  CHECK(parsed["a"] == "x\xEF\xBF\xBD");
  CHECK(parsed["b"] == "ok");
}

TEST_CASE("A lone low surrogate, or a high one followed by a non-surrogate escape, is replaced too") {
  CHECK(repair_json_text(R"(["\udc4d"])") == R"(["\ufffd"])");
  CHECK(repair_json_text(R"(["\uD83D\u0041"])") == R"(["\ufffd\u0041"])");
  CHECK(repair_json_text(R"(["\ud83d\ud83d\ude4f"])") == R"(["\ufffd\ud83d\ude4f"])");
}

TEST_CASE("Well-formed text, pairs and escapes are left byte for byte") {
  const std::string text = R"({"t":"Terima kasih \ud83d\ude4f \"kutip\" \\ \u00e9 caf)"
                           "\xC3\xA9"
                           R"( \n"})";
  CHECK(repair_json_text(text) == text);
}

TEST_CASE("Bytes that are not UTF-8 become U+FFFD") {
  CHECK(repair_json_text("[\"a\xFF"
                         "b\"]") ==
        "[\"a\xEF\xBF\xBD"
        "b\"]");
  CHECK(repair_json_text("[\"\xC0\xAF\"]") == "[\"\xEF\xBF\xBD\xEF\xBF\xBD\"]");                  // an overlong '/'
  CHECK(repair_json_text("[\"\xED\xA0\x80\"]") == "[\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"]");  // a raw surrogate
  CHECK(repair_json_text("[\"\xE2\x82\"]") == "[\"\xEF\xBF\xBD\xEF\xBF\xBD\"]");                  // cut short
  CHECK_FALSE(parse_json_leniently("[\"a\xFF\"]").is_discarded());
}

TEST_CASE("A backslash outside a string, or text that is not JSON, stays a parse failure") {
  CHECK(parse_json_leniently(R"({"a": \ud83d})").is_discarded());
  CHECK(parse_json_leniently("{\"a\":").is_discarded());
  CHECK(repair_json_text("\"ends with \\") == "\"ends with \\");
}
