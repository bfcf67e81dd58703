// Inputs found by the fuzz targets in fuzz/ (scripts/fuzz), kept as regression tests. Each one failed under
// ASan/UBSan (scripts/test --sanitize) before its fix.
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "adapters/channels/telegram.h"

using namespace netra::adapters;

namespace {

TelegramChannel fuzz_channel(const std::string& username) {
  TelegramConfig config;
  config.token = "123:TOKEN";
  config.api_base = "http://127.0.0.1:9/tg";
  config.bot_username = username;
  return TelegramChannel(config, "pseudonym-secret");
}

std::string group_update(const std::string& text, const std::string& type, const std::string& offset,
                         const std::string& length) {
  return R"({"update_id":1,"message":{"message_id":5,"chat":{"id":-100,"type":"group"},"from":{"id":7},"text":")" +
         text + R"(","entities":[{"type":")" + type + R"(","offset":)" + offset + R"(,"length":)" + length + "}]}}";
}

}  // namespace

TEST_CASE("Fuzz regression: Telegram entity offset + length beyond int64 is clamped, not overflowed") {
  // offset + length was added as int64_t: signed overflow (UB) for an entity at INT64_MAX.
  const std::string max = std::to_string(std::numeric_limits<int64_t>::max());
  for (const std::string& username : {std::string("netra_bot"), std::string()}) {
    auto channel = fuzz_channel(username);
    // An entity past the end of the text covers nothing: the group message is not addressed to the bot.
    CHECK(channel.parse(group_update("@netra_bot halo", "mention", max, max)).empty());
    // A command at offset 0 with a huge length ends at the end of the text: the @bot part is cut as usual (and
    // while the bot's own name is unknown, a command naming any bot is not taken).
    auto messages = channel.parse(group_update("/lapor@netra_bot", "bot_command", "0", max));
    if (username.empty()) {
      CHECK(messages.empty());
      continue;
    }
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].message.text == "/lapor");
    CHECK(messages[0].address.reply_to == "5");
  }
}
