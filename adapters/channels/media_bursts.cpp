#include "adapters/channels/media_bursts.h"

#include <algorithm>

namespace netra::adapters {
namespace {

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

MediaBurst first_part(ChannelMessage part, ReplySender& sender) {
  MediaBurst burst;
  burst.delivery_ids.push_back(part.delivery_id);
  burst.message = std::move(part);
  burst.sender = &sender;
  burst.parts = 1;
  return burst;
}

}  // namespace

void add_part(MediaBurst& burst, ChannelMessage part) {
  bot::InboundMessage& into = burst.message.message;
  if (into.media_refs.empty() && into.media_ref) into.media_refs.push_back(*into.media_ref);
  if (!into.media_ref && part.message.media_ref) into.media_ref = part.message.media_ref;
  if (part.message.media_ref) into.media_refs.push_back(*part.message.media_ref);
  if (into.media_kind.empty()) into.media_kind = part.message.media_kind;
  if (!is_blank(part.message.text)) into.text += (is_blank(into.text) ? "" : "\n") + part.message.text;
  for (auto& acknowledgement : part.acknowledgements)
    burst.message.acknowledgements.push_back(std::move(acknowledgement));
  burst.delivery_ids.push_back(std::move(part.delivery_id));
  ++burst.parts;
}

MediaBursts::MediaBursts(Limits limits, Submit submit_completed)
    : limits_(limits), submit_completed_(std::move(submit_completed)) {
  limits_.max_hold = std::max(limits_.max_hold, limits_.quiet);
  limits_.max_parts = std::max<size_t>(limits_.max_parts, 1);
  timer_ = std::thread([this] { run(); });
}

MediaBursts::~MediaBursts() {
  stop();
}

void MediaBursts::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (timer_.joinable()) timer_.join();
}

bool MediaBursts::gathers(const ChannelMessage& message) {
  return !message.address.chat.empty() && !message.direct_reply && message.message.media_ref.has_value();
}

void MediaBursts::wait_for_timer(std::unique_lock<std::mutex>& lock, const std::string& sender_key) {
  changed_.wait(lock, [&] { return queuing_.count(sender_key) == 0; });
}

MediaBursts::Added MediaBursts::add(ChannelMessage part, ReplySender& sender) {
  const std::string key = part.message.sender_key;
  Added added;
  std::unique_lock lock(mutex_);
  wait_for_timer(lock, key);
  auto found = pending_.find(key);
  if (part.joins_album_only && (found == pending_.end() || part.media_group.empty() ||
                                found->second.burst.message.media_group != part.media_group)) {
    added.taken = false;
    return added;
  }
  // Another album by the same sender: the one pending is complete.
  if (found != pending_.end() && !part.media_group.empty() && !found->second.burst.message.media_group.empty() &&
      found->second.burst.message.media_group != part.media_group) {
    added.ready.push_back(std::move(found->second.burst));
    pending_.erase(found);
    found = pending_.end();
  }
  auto now = Clock::now();
  if (found == pending_.end()) {
    found = pending_.emplace(key, Pending{first_part(std::move(part), sender), now, now}).first;
  } else {
    if (found->second.burst.message.media_group.empty()) found->second.burst.message.media_group = part.media_group;
    add_part(found->second.burst, std::move(part));
    found->second.last = now;
  }
  if (found->second.burst.parts >= limits_.max_parts) {
    added.ready.push_back(std::move(found->second.burst));
    pending_.erase(found);
  }
  lock.unlock();
  changed_.notify_all();  // the timer's next deadline may have moved
  return added;
}

std::optional<MediaBurst> MediaBursts::take(const std::string& sender_key) {
  std::unique_lock lock(mutex_);
  wait_for_timer(lock, sender_key);
  auto found = pending_.find(sender_key);
  if (found == pending_.end()) return std::nullopt;
  MediaBurst burst = std::move(found->second.burst);
  pending_.erase(found);
  return burst;
}

std::vector<MediaBurst> MediaBursts::take_all() {
  stop();
  std::lock_guard lock(mutex_);
  std::vector<MediaBurst> bursts;
  for (auto& [key, pending] : pending_) bursts.push_back(std::move(pending.burst));
  pending_.clear();
  return bursts;
}

void MediaBursts::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto due = Clock::time_point::max();
    auto next = pending_.end();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      auto complete_at = std::min(it->second.last + limits_.quiet, it->second.first + limits_.max_hold);
      if (complete_at < due) {
        due = complete_at;
        next = it;
      }
    }
    if (next == pending_.end()) {
      changed_.wait(lock);
      continue;
    }
    if (Clock::now() < due) {
      changed_.wait_until(lock, due);
      continue;
    }
    std::string key = next->first;
    MediaBurst burst = std::move(next->second.burst);
    pending_.erase(next);
    queuing_.insert(key);
    lock.unlock();
    submit_completed_(std::move(burst));  // may wait for room in the bot's queue: without the lock
    lock.lock();
    queuing_.erase(key);
    changed_.notify_all();
  }
}

}  // namespace netra::adapters
