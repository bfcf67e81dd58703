// A local stand-in for the Telegram Bot API or the Graph API: an httplib server in a thread on a free
// 127.0.0.1 port that records every request and answers 200 {"ok":true} — or fails the next N requests with
// a chosen status, or answers the next requests with scripted answers (status, the platform's error body,
// Retry-After), to exercise what Netra does with each kind of refusal. It also serves media the way each
// platform does:
//   WhatsApp: GET {base}/{media-id} (bearer token) → {url, mime_type, sha256, file_size, id}; GET url (bearer) → bytes
//   Telegram: GET {base}/bot<token>/getFile?file_id=… → {"ok":true,"result":{…, file_path}};
//             GET {base}/file/bot<token>/<file_path> → bytes
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace netra::testing {

struct RecordedRequest {
  std::string path;
  std::string authorization;
  std::string body;
  int answered = 0;                          // the status the fake answered
  std::chrono::steady_clock::time_point at;  // when it arrived
  std::string method = "POST";  // or "GET" (media downloads)
};

// One answer of the fake, as the platform would give it.
struct ScriptedAnswer {
  int status = 200;
  std::string body;  // e.g. {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}
  std::string retry_after = "";  // a Retry-After header, when not empty
};

class FakePlatform {
 public:
  FakePlatform();
  ~FakePlatform();
  FakePlatform(const FakePlatform&) = delete;
  FakePlatform& operator=(const FakePlatform&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // WhatsApp media `media_id` with these bytes; both requests must carry `Authorization: Bearer <token>`.
  void add_whatsapp_media(const std::string& media_id, const std::string& bytes, const std::string& mime_type,
                          const std::string& token);
  // A Telegram file for `file_id` at `file_path`, for the bot with this token.
  void add_telegram_file(const std::string& token, const std::string& file_id, const std::string& file_path,
                         const std::string& bytes);
  // The next `count` requests get `status` (and an error body) instead of 200.
  void fail_next(int count, int status = 500);
  // The next requests get these answers, in order, before any fail_next failures; then 200 again.
  void answer_next(std::vector<ScriptedAnswer> answers);
  // The username getMe answers with ("netra_bot" by default); empty: getMe answers 401 Unauthorized, as for a
  // revoked token. getMe is answered apart from scripted answers and failures.
  void set_bot_username(std::string username);
  // Every request waits this long before it is answered (a slow platform); zero by default.
  void set_delay(std::chrono::milliseconds delay);
  // All requests so far whose path ends with `suffix` (e.g. "/sendMessage").
  std::vector<RecordedRequest> requests(const std::string& suffix = "") const;
  // Those of them answered 200.
  std::vector<RecordedRequest> delivered(const std::string& suffix) const;
  // Waits until at least `count` requests ending with `suffix` were answered 200. False on time-out.
  bool wait_for_delivered(const std::string& suffix, size_t count,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<RecordedRequest> requests_;
  std::deque<ScriptedAnswer> scripted_;
  std::string bot_username_ = "netra_bot";
  struct Media {
    std::string bytes, mime_type, token, file_path;
  };
  std::map<std::string, Media> whatsapp_media_;   // media id →
  std::map<std::string, Media> telegram_files_;   // file_id →
  void serve_media(const httplib::Request& request, httplib::Response& response);  // under mutex_
  int failures_left_ = 0;
  int failure_status_ = 500;
  std::chrono::milliseconds delay_{0};
};

}  // namespace netra::testing
