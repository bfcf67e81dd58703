// The anonymous report flow as a web-chat client types it through `netra serve`, shared by the integration
// tests that file reports (report flow, fault tests): the messages, one chat turn, and a pool of threads that
// keep filing reports until told to stop or until the server stops answering.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "integration/netra_process.h"

namespace netra::testing {

// A whole report, one message per step, ending with the confirmation.
extern const std::vector<std::string> kReportFlow;

httplib::Result post_chat(const NetraProcess& server, const std::string& session, const std::string& text);
// Sends one chat message; returns the replies joined by newlines, or throws when the server does not answer 200.
std::string chat(const NetraProcess& server, const std::string& session, const std::string& text);
// The receipt code in a text, or empty.
std::string receipt_in(const std::string& text);

// Threads that each file reports through /api/v1/chat, one after another, collecting the receipts. A thread
// ends at stop() or when a request fails (the server died or is stopping): what was receipted before counts.
class ReportFilers {
 public:
  // `server` must outlive the filers (or be stopped first: the threads then end on their own).
  ReportFilers(const NetraProcess& server, int threads, const std::string& session_prefix);
  ~ReportFilers();
  ReportFilers(const ReportFilers&) = delete;
  ReportFilers& operator=(const ReportFilers&) = delete;

  // Waits until at least `count` receipts were collected or `timeout` passed.
  void wait_for(size_t count, std::chrono::milliseconds timeout);
  // The receipts collected so far (each shown only after its report was committed); the threads go on.
  std::vector<std::string> receipts();
  // Stops and joins the threads; returns every receipt collected.
  std::vector<std::string> stop();

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::string> receipts_;
  std::vector<std::thread> threads_;
};

}  // namespace netra::testing
