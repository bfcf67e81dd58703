#include "integration/report_chat.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bot/receipt_code.h"
#include "support/test_support.h"

namespace netra::testing {

const std::vector<std::string> kReportFlow = {
    "lapor",
    "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa",
    "role:kades",
    "lewati",
    "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan",
    "kemarin sore",
    "selesai",
    "kirim"};

httplib::Result post_chat(const NetraProcess& server, const std::string& session, const std::string& text) {
  return server.client().Post("/api/v1/chat", nlohmann::json{{"session", session}, {"text", text}}.dump(),
                              "application/json");
}

std::string chat(const NetraProcess& server, const std::string& session, const std::string& text) {
  auto response = post_chat(server, session, text);
  if (!response || response->status != 200) throw std::runtime_error("chat failed");
  auto body = nlohmann::json::parse(response->body);  // named: a range-for over a temporary's member would dangle
  std::string joined;
  for (const auto& reply : body["replies"]) joined += reply.get<std::string>() + "\n";
  return joined;
}

std::string receipt_in(const std::string& text) {
  auto code = netra::bot::find_receipt_code(text);
  return code ? *code : "";
}

ReportFilers::ReportFilers(const NetraProcess& server, int threads, const std::string& session_prefix) {
  for (int t = 0; t < threads; ++t) {
    threads_.emplace_back([this, &server, t, session_prefix] {
      for (int n = 0; !stop_; ++n) {
        try {
          std::string session = session_prefix + std::to_string(t) + "-" + std::to_string(n);
          std::string last;
          for (const auto& message : kReportFlow) last = chat(server, session, message);
          std::lock_guard lock(mutex_);
          if (auto code = receipt_in(last); !code.empty()) receipts_.push_back(code);
        } catch (const std::exception&) {
          return;
        }
      }
    });
  }
}

ReportFilers::~ReportFilers() { stop(); }

void ReportFilers::wait_for(size_t count, std::chrono::milliseconds timeout) {
  wait_until(
      [&] {
        std::lock_guard lock(mutex_);
        return receipts_.size() >= count;
      },
      timeout, std::chrono::milliseconds(25));
}

std::vector<std::string> ReportFilers::receipts() {
  std::lock_guard lock(mutex_);
  return receipts_;
}

std::vector<std::string> ReportFilers::stop() {
  stop_ = true;
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  std::lock_guard lock(mutex_);
  return receipts_;
}

}  // namespace netra::testing
