// Gathers the media messages one sender sends in a quick burst — a Telegram album (several updates sharing a
// media_group_id, the caption on the first only) or several WhatsApp photos sent in a row (each its own message)
// — into one message carrying every media ref, so the bot answers the burst once: one evidence step, one reply,
// instead of one "Bukti diterima" per photo. A burst is complete when its sender has been quiet for
// Limits::quiet, when it is Limits::max_hold old, when it holds Limits::max_parts, when the same sender starts
// another album, or when the same sender sends anything else (take: the burst goes first, so order is kept).
// Completion by time is noticed by the collector's own timer thread, which hands the burst to `Submit`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "adapters/channels/channel.h"

namespace netra::adapters {

struct MediaBurst {
  // The first part, carrying every part's media refs (message.media_refs), non-empty texts (joined by newlines)
  // and acknowledgements; its address and delivery id are the first part's.
  ChannelMessage message;
  std::vector<std::string> delivery_ids;  // every part's: their claims are kept once the burst is processed
  ReplySender* sender = nullptr;
  size_t parts = 0;
};

class MediaBursts {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    std::chrono::milliseconds quiet{1500};     // a burst is complete after this long without a new part
    std::chrono::milliseconds max_hold{6000};  // or this long after its first part
    size_t max_parts = 10;                     // or with this many parts (Telegram albums hold at most 10)
  };
  // Queues a burst completed by time; false when it could not be queued (the callee releases its claims).
  using Submit = std::function<bool(MediaBurst burst)>;

  MediaBursts(Limits limits, Submit submit_completed);
  // Stops the timer thread; bursts still pending are dropped (take_all them first to keep them).
  ~MediaBursts();
  MediaBursts(const MediaBursts&) = delete;
  MediaBursts& operator=(const MediaBursts&) = delete;

  // True for a message this collector gathers: one with media to answer (or an album part only joining).
  static bool gathers(const ChannelMessage& message);

  struct Added {
    bool taken = true;              // false: a part that only joins (ChannelMessage::joins_album_only) found no album
    std::vector<MediaBurst> ready;  // bursts complete now, to queue in this order (an earlier album; this one, full)
  };
  // Adds one part (gathers(part) must hold) to its sender's burst. `sender` must outlive the collector.
  Added add(ChannelMessage part, ReplySender& sender);
  // The pending burst of `sender_key`, to queue before that sender's next message. Waits while the timer thread
  // is queuing an earlier burst of the same sender, so bursts are queued in order.
  std::optional<MediaBurst> take(const std::string& sender_key);
  // Stops the timer and returns every pending burst (at shutdown, to queue them).
  std::vector<MediaBurst> take_all();

 private:
  struct Pending {
    MediaBurst burst;
    Clock::time_point first, last;
  };
  void run();
  // Under mutex_: waits until the timer thread is not queuing a burst of `sender_key`.
  void wait_for_timer(std::unique_lock<std::mutex>& lock, const std::string& sender_key);
  void stop();

  Limits limits_;
  Submit submit_completed_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, Pending> pending_;  // by sender key
  std::set<std::string> queuing_;           // senders whose burst the timer thread is handing over right now
  bool stopping_ = false;
  std::thread timer_;
};

// Folds `part` into `burst`: its media ref, its text (when not empty) and its acknowledgements.
void add_part(MediaBurst& burst, ChannelMessage part);

}  // namespace netra::adapters
