#include "adapters/channels/webchat.h"

#include <catch2/catch.hpp>

#include "bot/pseudonym.h"

using namespace netra::adapters;

TEST_CASE("A web chat message is keyed by its session through the secret") {
  WebChatChannel web("pseudonym-secret");
  auto messages = web.parse(R"({"session": "abc-123", "text": "halo"})");
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].message.channel == "web");
  CHECK(messages[0].message.text == "halo");
  CHECK(messages[0].message.sender_key == netra::bot::sender_key("pseudonym-secret", "web", "abc-123"));
}

TEST_CASE("A web chat body without a session or text is a bad request") {
  WebChatChannel web("k");
  CHECK_THROWS_AS(web.parse(R"({"text": "halo"})"), BadRequest);
  CHECK_THROWS_AS(web.parse(R"({"session": "", "text": "halo"})"), BadRequest);
  CHECK_THROWS_AS(web.parse(R"({"session": "s"})"), BadRequest);
  CHECK_THROWS_AS(web.parse(R"({"session": "s", "text": 5})"), BadRequest);
  CHECK_THROWS_AS(web.parse("{oops"), BadRequest);
  CHECK_THROWS_AS(web.parse(R"({"session": ")" + std::string(200, 'x') + R"(", "text": "a"})"), BadRequest);
}

TEST_CASE("The collecting sender keeps replies in order") {
  CollectingSender sender;
  sender.send({"web", "", ""}, {"satu", {}});
  sender.send({"web", "", ""}, {"dua", {{"menu:tanya", "Tanya aturan"}}});
  auto replies = sender.replies();
  REQUIRE(replies.size() == 2);
  CHECK(replies[0].second.text == "satu");
  CHECK(replies[1].second.choices.at(0).id == "menu:tanya");
}
