// The test double for a chat platform, in the role Rasa's CollectingOutputChannel plays. CollectingChannel's output
// role renders each reply as one request whose body is "chat:text"; CollectingTransport takes every request the
// outbound queue sends and keeps it instead of speaking HTTP, answering 200 or a scripted status. Unit tests of the
// delivery layer (the outbound queue, the outbox relay) use them where a real platform's rendering and HTTP would
// only get in the way. The platforms themselves are tested against their fixtures and, end to end, against fake
// platform servers on loopback (tests/integration/fake_platform.h), never against these.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/channels/channel.h"
#include "adapters/delivery/outbound.h"

namespace netra::testing {

// A channel named "plain" that only renders: one request per reply, to a port nobody listens on (the transport
// never connects), with the body "chat:text".
class CollectingChannel : public adapters::Channel {
 public:
  std::string_view name() const override { return "plain"; }
  bool authentic(const httplib::Request&) const override { return true; }
  std::vector<adapters::ChannelMessage> parse(const std::string&) const override { return {}; }
  std::vector<adapters::OutboundRequest> render(const adapters::ReplyAddress& to,
                                                const bot::Reply& reply) const override {
    return {{"http://127.0.0.1:9", "/send", {}, to.chat + ":" + reply.text, "send"}};
  }
};

// Keeps the body of every request it is given, in order, and answers it: with the scripted answers first, one per
// request, then with `status` (200 unless given). Thread-safe; the waits let a test follow Outbound's workers
// without sleeping.
class CollectingTransport : public adapters::Transport {
 public:
  explicit CollectingTransport(int status = 200) : status_(status) {}
  // The first requests get these statuses, one each; the rest 200.
  explicit CollectingTransport(const std::vector<int>& first_statuses) {
    for (int status : first_statuses) script_.push_back(answer(status));
  }

  adapters::SendResult post(const adapters::OutboundRequest& request) override {
    std::lock_guard lock(mutex_);
    adapters::SendResult result = next_ < script_.size() ? script_[next_++] : answer(status_);
    attempted_.push_back(request.body);
    if (result.status == 200) delivered_.push_back(request.body);
    changed_.notify_all();
    return result;
  }

  // Every body it was asked to send, in order, whatever the answer.
  std::vector<std::string> attempted() const {
    std::lock_guard lock(mutex_);
    return attempted_;
  }
  size_t attempts() const {
    std::lock_guard lock(mutex_);
    return attempted_.size();
  }
  // The bodies it answered with 200, in order.
  std::vector<std::string> delivered() const {
    std::lock_guard lock(mutex_);
    return delivered_;
  }
  // Waits until `count` requests were answered, whatever the answer; false on time-out.
  bool wait_for_attempts(size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return attempted_.size() >= count; });
  }
  // Waits until `count` requests were answered with 200; false on time-out.
  bool wait_for_delivered(size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return delivered_.size() >= count; });
  }

 private:
  static adapters::SendResult answer(int status) {
    adapters::SendResult result;
    result.status = status;
    return result;
  }

  int status_ = 200;
  std::vector<adapters::SendResult> script_;
  size_t next_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> attempted_, delivered_;
};

}  // namespace netra::testing
