#include "adapters/channels/media_bursts.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "adapters/channels/webchat.h"

using namespace netra::adapters;
using namespace std::chrono_literals;

namespace {

ChannelMessage photo(const std::string& sender, const std::string& id, const std::string& text = "",
                     const std::string& album = "") {
  ChannelMessage message;
  message.delivery_id = "telegram:" + id;
  message.address.chat = "chat-" + sender;
  message.message.channel = "telegram";
  message.message.sender_key = sender;
  message.message.text = text;
  message.message.media_ref = "telegram:file-" + id;
  message.message.media_kind = "photo";
  message.media_group = album;
  return message;
}

// Collects the bursts the timer completes.
struct Completed {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<MediaBurst> bursts;
  MediaBursts::Submit submit() {
    return [this](MediaBurst burst) {
      std::lock_guard lock(mutex);
      bursts.push_back(std::move(burst));
      arrived.notify_all();
      return true;
    };
  }
  bool wait_for(size_t count, std::chrono::milliseconds timeout = 5s) {
    std::unique_lock lock(mutex);
    return arrived.wait_for(lock, timeout, [&] { return bursts.size() >= count; });
  }
};

MediaBursts::Limits quick() {
  return {100ms, 2000ms, 10};
}

}  // namespace

TEST_CASE("Parts of one album become one message with every media ref, once the sender is quiet") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts(quick(), completed.submit());
  CHECK(bursts.add(photo("s1", "1", "ini buktinya", "album-1"), sender).ready.empty());
  CHECK(bursts.add(photo("s1", "2", "", "album-1"), sender).ready.empty());
  CHECK(bursts.add(photo("s1", "3", "", "album-1"), sender).ready.empty());
  REQUIRE(completed.wait_for(1));
  const MediaBurst& burst = completed.bursts[0];
  CHECK(burst.parts == 3);
  CHECK(burst.message.message.text == "ini buktinya");
  CHECK(burst.message.message.media_ref == std::optional<std::string>("telegram:file-1"));
  CHECK(burst.message.message.media_refs ==
        std::vector<std::string>{"telegram:file-1", "telegram:file-2", "telegram:file-3"});
  CHECK(burst.delivery_ids == std::vector<std::string>{"telegram:1", "telegram:2", "telegram:3"});
  CHECK(burst.sender == &sender);
}

TEST_CASE("Another message of the sender takes the pending burst at once, so it goes first") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({10s, 20s, 10}, completed.submit());
  bursts.add(photo("s1", "1"), sender);
  bursts.add(photo("s1", "2", "caption two"), sender);
  auto taken = bursts.take("s1");
  REQUIRE(taken);
  CHECK(taken->parts == 2);
  CHECK(taken->message.message.text == "caption two");
  CHECK_FALSE(bursts.take("s1"));
  CHECK_FALSE(bursts.take("someone-else"));
}

TEST_CASE("Senders are gathered apart, and a second album of the same sender closes the first") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({10s, 20s, 10}, completed.submit());
  bursts.add(photo("s1", "1", "", "album-1"), sender);
  bursts.add(photo("s2", "2", "", "album-9"), sender);
  auto added = bursts.add(photo("s1", "3", "", "album-2"), sender);
  REQUIRE(added.ready.size() == 1);
  CHECK(added.ready[0].delivery_ids == std::vector<std::string>{"telegram:1"});
  CHECK(bursts.take("s1")->delivery_ids == std::vector<std::string>{"telegram:3"});
  CHECK(bursts.take("s2")->delivery_ids == std::vector<std::string>{"telegram:2"});
}

TEST_CASE("A burst is complete at its part limit") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({10s, 20s, 3}, completed.submit());
  CHECK(bursts.add(photo("s1", "1"), sender).ready.empty());
  CHECK(bursts.add(photo("s1", "2"), sender).ready.empty());
  auto added = bursts.add(photo("s1", "3"), sender);
  REQUIRE(added.ready.size() == 1);
  CHECK(added.ready[0].parts == 3);
  CHECK_FALSE(bursts.take("s1"));
}

TEST_CASE("A burst is complete at its longest hold even while parts keep coming") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({200ms, 300ms, 100}, completed.submit());
  for (int i = 0; i < 8; ++i) {
    {
      std::lock_guard lock(completed.mutex);
      if (!completed.bursts.empty()) break;
    }
    bursts.add(photo("s1", std::to_string(i)), sender);
    std::this_thread::sleep_for(100ms);  // on purpose: parts keep coming within the 200 ms quiet time
  }
  REQUIRE(completed.wait_for(1));
  std::lock_guard lock(completed.mutex);
  CHECK(completed.bursts[0].parts < 8);
}

TEST_CASE("An album part that did not address the bot joins only its own album") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({10s, 20s, 10}, completed.submit());
  auto lone = photo("s1", "1", "", "album-1");
  lone.joins_album_only = true;
  CHECK_FALSE(bursts.add(lone, sender).taken);  // nothing to join: not for the bot
  bursts.add(photo("s1", "2", "@netra_bot ini buktinya", "album-1"), sender);
  auto other_album = photo("s1", "3", "", "album-7");
  other_album.joins_album_only = true;
  CHECK_FALSE(bursts.add(other_album, sender).taken);
  auto same_album = photo("s1", "4", "", "album-1");
  same_album.joins_album_only = true;
  CHECK(bursts.add(same_album, sender).taken);
  CHECK(bursts.take("s1")->parts == 2);
}

TEST_CASE("take_all hands over what is pending and stops the timer") {
  Completed completed;
  CollectingSender sender;
  MediaBursts bursts({10s, 20s, 10}, completed.submit());
  bursts.add(photo("s1", "1"), sender);
  bursts.add(photo("s2", "2"), sender);
  CHECK(bursts.take_all().size() == 2);
  CHECK(completed.bursts.empty());
}
