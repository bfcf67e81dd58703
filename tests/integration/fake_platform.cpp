#include "integration/fake_platform.h"

#include <stdexcept>

namespace netra::testing {

namespace {
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

FakePlatform::FakePlatform() {
  server_.set_tcp_nodelay(true);
  server_.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
    std::chrono::milliseconds delay;
    {
      std::lock_guard lock(mutex_);
      delay = delay_;
    }
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    std::lock_guard lock(mutex_);
    RecordedRequest recorded{request.path, request.get_header_value("Authorization"), request.body, 200,
                             std::chrono::steady_clock::now()};
    if (ends_with(request.path, "/getMe")) {
      if (bot_username_.empty()) {
        recorded.answered = response.status = 401;
        response.set_content(R"({"ok":false,"error_code":401,"description":"Unauthorized"})", "application/json");
      } else {
        response.set_content(R"({"ok":true,"result":{"id":7001234567,"is_bot":true,"first_name":"Netra","username":")" +
                                 bot_username_ + R"(","can_join_groups":true,"can_read_all_group_messages":false}})",
                             "application/json");
      }
    } else if (!scripted_.empty()) {
      ScriptedAnswer answer = scripted_.front();
      scripted_.pop_front();
      recorded.answered = answer.status;
      response.status = answer.status;
      if (!answer.retry_after.empty()) response.set_header("Retry-After", answer.retry_after);
      response.set_content(answer.body.empty() ? R"({"ok":true,"result":{}})" : answer.body, "application/json");
    } else if (failures_left_ > 0) {
      --failures_left_;
      recorded.answered = failure_status_;
      response.status = failure_status_;
      response.set_content(R"({"ok":false,"error_code":500,"description":"Internal Server Error"})",
                           "application/json");
    } else {
      response.set_content(R"({"ok":true,"result":{}})", "application/json");
    }
    requests_.push_back(recorded);
    changed_.notify_all();
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake platform cannot bind");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakePlatform::~FakePlatform() {
  server_.stop();
  thread_.join();
}

void FakePlatform::fail_next(int count, int status) {
  std::lock_guard lock(mutex_);
  failures_left_ = count;
  failure_status_ = status;
}

void FakePlatform::answer_next(std::vector<ScriptedAnswer> answers) {
  std::lock_guard lock(mutex_);
  scripted_.assign(answers.begin(), answers.end());
}

void FakePlatform::set_bot_username(std::string username) {
  std::lock_guard lock(mutex_);
  bot_username_ = std::move(username);
}

void FakePlatform::set_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

std::vector<RecordedRequest> FakePlatform::requests(const std::string& suffix) const {
  std::lock_guard lock(mutex_);
  std::vector<RecordedRequest> matching;
  for (const auto& request : requests_) {
    if (ends_with(request.path, suffix)) matching.push_back(request);
  }
  return matching;
}

std::vector<RecordedRequest> FakePlatform::delivered(const std::string& suffix) const {
  std::vector<RecordedRequest> matching;
  for (auto& request : requests(suffix)) {
    if (request.answered == 200) matching.push_back(request);
  }
  return matching;
}

bool FakePlatform::wait_for_delivered(const std::string& suffix, size_t count,
                                      std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (delivered(suffix).size() < count) {
    std::unique_lock lock(mutex_);
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout) {
      lock.unlock();
      return delivered(suffix).size() >= count;
    }
  }
  return true;
}

}  // namespace netra::testing
