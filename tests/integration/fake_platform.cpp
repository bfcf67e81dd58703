#include "integration/fake_platform.h"

#include <nlohmann/json.hpp>
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
  server_.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    serve_media(request, response);
    requests_.push_back({request.path, request.get_header_value("Authorization"), "", response.status,
                         std::chrono::steady_clock::now(), "GET"});
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

void FakePlatform::add_whatsapp_media(const std::string& media_id, const std::string& bytes,
                                      const std::string& mime_type, const std::string& token) {
  std::lock_guard lock(mutex_);
  whatsapp_media_[media_id] = {bytes, mime_type, token, ""};
}

void FakePlatform::add_telegram_file(const std::string& token, const std::string& file_id,
                                     const std::string& file_path, const std::string& bytes) {
  std::lock_guard lock(mutex_);
  telegram_files_[file_id] = {bytes, "", token, file_path};
}

void FakePlatform::serve_media(const httplib::Request& request, httplib::Response& response) {
  const std::string& path = request.path;
  auto graph_error = [&](int status, int code, const std::string& message) {
    response.status = status;
    response.set_content(nlohmann::json{{"error", {{"message", message}, {"type", "OAuthException"}, {"code", code},
                                                   {"fbtrace_id", "AbCdEf"}}}}.dump(),
                         "application/json");
  };
  auto telegram_error = [&](int status, const std::string& description) {
    response.status = status;
    response.set_content(nlohmann::json{{"ok", false}, {"error_code", status}, {"description", description}}.dump(),
                         "application/json");
  };
  // Telegram: /bot<token>/getFile and /file/bot<token>/<file_path>
  if (auto at = path.find("/file/bot"); at != std::string::npos) {
    std::string rest = path.substr(at + 9);
    for (const auto& [id, file] : telegram_files_) {
      if (rest == file.token + "/" + file.file_path) {
        response.set_content(file.bytes, "application/octet-stream");
        return;
      }
    }
    return telegram_error(404, "Not Found");
  }
  if (ends_with(path, "/getFile")) {
    auto file = telegram_files_.find(request.get_param_value("file_id"));
    if (file == telegram_files_.end() || path.find("/bot" + file->second.token + "/") == std::string::npos) {
      return telegram_error(400, "Bad Request: invalid file_id");
    }
    response.set_content(nlohmann::json{{"ok", true},
                                        {"result",
                                         {{"file_id", file->first},
                                          {"file_unique_id", "AQAD" + file->first.substr(0, 4)},
                                          {"file_size", file->second.bytes.size()},
                                          {"file_path", file->second.file_path}}}}
                             .dump(),
                         "application/json");
    return;
  }
  // WhatsApp: /<version>/<media-id> describes, /whatsapp-cdn/<media-id> downloads (the "other host").
  std::string last = path.substr(path.rfind('/') + 1);
  auto media = whatsapp_media_.find(last);
  if (media == whatsapp_media_.end()) return graph_error(400, 100, "Unsupported get request.");
  if (request.get_header_value("Authorization") != "Bearer " + media->second.token) {
    return graph_error(401, 190, "Invalid OAuth access token.");
  }
  if (path.find("/whatsapp-cdn/") != std::string::npos) {
    response.set_content(media->second.bytes, media->second.mime_type);
    return;
  }
  response.set_content(nlohmann::json{{"messaging_product", "whatsapp"},
                                      {"url", base_url() + "/whatsapp-cdn/" + media->first},
                                      {"mime_type", media->second.mime_type},
                                      {"sha256", "fake"},
                                      {"file_size", std::to_string(media->second.bytes.size())},
                                      {"id", media->first}}
                           .dump(),
                       "application/json");
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
