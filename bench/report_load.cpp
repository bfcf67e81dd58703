// Load client for scripts/loadtest: files REPORTS anonymous reports through POST /api/v1/chat (the whole 8-message
// flow, one fresh session each) from CONCURRENCY threads while ASKERS threads ask questions through
// POST /api/v1/ask, then reads every receipt back through the reviewer API (GET /api/v1/reports/{code}).
// Prints counts, throughput, latencies and failures. Exit 0 only when every flow got a receipt and every receipt
// is readable; 1 on any lost receipt or failed flow; 2 on bad arguments. 127.0.0.1 only, bounded by --deadline.
//   netra_report_load --port P --token T [--reports 1000] [--concurrency 16] [--askers 2] [--deadline 240]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

const std::vector<std::string> kFlow = {
    "lapor",
    "Kepala desa membagikan amplop berisi uang untuk paslon nomor 2 di balai desa",
    "role:kades",
    "lewati",
    "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan",
    "kemarin sore",
    "selesai",
    "kirim"};

const std::vector<std::string> kQuestions = {
    "pak, sy guru PNS, boleh gk like postingan caleg di IG?",
    "kades boleh hadir di deklarasi paslon?",
    "apa sanksi ASN yang ikut kampanye?",
    "perangkat desa boleh jadi tim sukses?",
    "PPPK boleh foto bareng caleg?",
    "dimana saya bisa melapor pelanggaran netralitas?"};

struct Options {
  int port = 0;
  std::string token;
  int reports = 1000;
  int concurrency = 16;
  int askers = 2;
  int deadline_seconds = 240;
};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Nearest-rank percentile of samples in ms.
double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  size_t rank = static_cast<size_t>(p * static_cast<double>(samples.size()) + 0.999999);
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

httplib::Client client_for(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_tcp_nodelay(true);
  client.set_keep_alive(true);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(30));
  client.set_write_timeout(std::chrono::seconds(10));
  return client;
}

struct Samples {
  std::mutex mutex;
  std::vector<double> chat_ms, ask_ms, flow_ms;
  std::vector<std::string> receipts;
  std::vector<std::string> failures;  // first few, for the report
  void fail(const std::string& what) {
    std::lock_guard lock(mutex);
    if (failures.size() < 10) failures.push_back(what);
  }
};

bool parse(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return false;
    std::string value = argv[++i];
    if (arg == "--port") options.port = std::atoi(value.c_str());
    else if (arg == "--token") options.token = value;
    else if (arg == "--reports") options.reports = std::atoi(value.c_str());
    else if (arg == "--concurrency") options.concurrency = std::atoi(value.c_str());
    else if (arg == "--askers") options.askers = std::atoi(value.c_str());
    else if (arg == "--deadline") options.deadline_seconds = std::atoi(value.c_str());
    else return false;
  }
  return options.port > 0 && !options.token.empty() && options.reports > 0 && options.reports <= 100000 &&
         options.concurrency > 0 && options.concurrency <= 256 && options.askers >= 0 && options.askers <= 64 &&
         options.deadline_seconds > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: netra_report_load --port P --token T [--reports 1000] [--concurrency 16] [--askers 2] "
                 "[--deadline 240]\n");
    return 2;
  }
  const std::regex receipt_pattern("NTR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
  const auto deadline = Clock::now() + std::chrono::seconds(options.deadline_seconds);
  Samples samples;
  std::atomic<int> next_report{0};
  std::atomic<int> flows_failed{0}, flows_unstarted{0}, chat_failed{0}, ask_failed{0};
  std::atomic<int> reporters_running{options.concurrency};

  auto started = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < options.concurrency; ++t) {
    threads.emplace_back([&] {
      auto client = client_for(options.port);
      std::vector<double> chat_ms, flow_ms;
      std::vector<std::string> receipts;
      for (int n; (n = next_report++) < options.reports;) {
        if (Clock::now() >= deadline) {
          ++flows_unstarted;
          continue;
        }
        std::string session = "load-" + std::to_string(n);
        std::string last;
        bool ok = true;
        auto flow_started = Clock::now();
        for (const auto& text : kFlow) {
          auto request_started = Clock::now();
          auto response = client.Post("/api/v1/chat", json{{"session", session}, {"text", text}}.dump(),
                                      "application/json");
          chat_ms.push_back(ms_since(request_started));
          if (!response || response->status != 200) {
            ++chat_failed;
            samples.fail("chat '" + text.substr(0, 12) + "': " +
                         (response ? "HTTP " + std::to_string(response->status) + " " + response->body.substr(0, 80)
                                   : httplib::to_string(response.error())));
            ok = false;
            break;
          }
          last = response->body;
        }
        std::smatch match;
        if (ok && std::regex_search(last, match, receipt_pattern)) {
          receipts.push_back(match.str());
          flow_ms.push_back(ms_since(flow_started));
        } else {
          if (ok) samples.fail("no receipt after kirim: " + last.substr(0, 120));
          ++flows_failed;
        }
      }
      std::lock_guard lock(samples.mutex);
      samples.chat_ms.insert(samples.chat_ms.end(), chat_ms.begin(), chat_ms.end());
      samples.flow_ms.insert(samples.flow_ms.end(), flow_ms.begin(), flow_ms.end());
      samples.receipts.insert(samples.receipts.end(), receipts.begin(), receipts.end());
      --reporters_running;
    });
  }
  // Questions at the same time, until the reporters are done.
  std::vector<std::thread> askers;
  for (int a = 0; a < options.askers; ++a) {
    askers.emplace_back([&, a] {
      auto client = client_for(options.port);
      std::vector<double> ask_ms;
      for (size_t i = static_cast<size_t>(a); reporters_running > 0 && Clock::now() < deadline; ++i) {
        json body = {{"question", kQuestions[i % kQuestions.size()]}};
        auto request_started = Clock::now();
        auto response = client.Post("/api/v1/ask", body.dump(), "application/json");
        ask_ms.push_back(ms_since(request_started));
        if (!response || response->status != 200 || response->body.find("\"verdict\"") == std::string::npos) {
          ++ask_failed;
          samples.fail("ask: " + (response ? "HTTP " + std::to_string(response->status)
                                           : httplib::to_string(response.error())));
        }
      }
      std::lock_guard lock(samples.mutex);
      samples.ask_ms.insert(samples.ask_ms.end(), ask_ms.begin(), ask_ms.end());
    });
  }
  for (auto& thread : threads) thread.join();
  double load_seconds = ms_since(started) / 1000;
  for (auto& thread : askers) thread.join();

  // Every receipt must be readable through the reviewer API.
  auto verify_started = Clock::now();
  std::atomic<size_t> next_receipt{0};
  std::atomic<int> lost{0};
  std::vector<std::thread> checkers;
  for (int c = 0; c < 4; ++c) {
    checkers.emplace_back([&] {
      auto client = client_for(options.port);
      httplib::Headers auth = {{"Authorization", "Bearer " + options.token}};
      for (size_t i; (i = next_receipt++) < samples.receipts.size();) {
        const std::string& code = samples.receipts[i];
        auto response = client.Get("/api/v1/reports/" + code, auth);
        bool found = response && response->status == 200 &&
                     json::parse(response->body, nullptr, false).value("code", "") == code;
        if (!found) {
          ++lost;
          samples.fail("lost receipt " + code + ": " +
                       (response ? "HTTP " + std::to_string(response->status) : httplib::to_string(response.error())));
        }
      }
    });
  }
  for (auto& thread : checkers) thread.join();
  double verify_seconds = ms_since(verify_started) / 1000;

  // What the server counted: reports it stored (a report stored without a receipt reaching us would show here).
  double stored = -1;
  {
    auto client = client_for(options.port);
    if (auto metrics = client.Get("/metrics"); metrics && metrics->status == 200) {
      auto at = metrics->body.find("\nnetra_reports_filed_total ");
      if (at != std::string::npos) stored = std::atof(metrics->body.c_str() + at + 27);
    }
  }

  size_t receipts = samples.receipts.size();
  std::printf("report load: %d reports requested, concurrency %d, %d askers, %.1f s\n", options.reports,
              options.concurrency, options.askers, load_seconds);
  std::printf("  reports receipted     %zu (%.1f reports/s)\n", receipts, static_cast<double>(receipts) / load_seconds);
  std::printf("  chat requests         %zu (%.1f req/s), failed %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              samples.chat_ms.size(), static_cast<double>(samples.chat_ms.size()) / load_seconds, chat_failed.load(),
              percentile(samples.chat_ms, 0.5), percentile(samples.chat_ms, 0.99), percentile(samples.chat_ms, 1.0));
  std::printf("  report flow (8 msgs)  p50 %.1f ms, p99 %.1f ms\n", percentile(samples.flow_ms, 0.5),
              percentile(samples.flow_ms, 0.99));
  std::printf("  ask requests          %zu (%.1f req/s), failed %d; latency p50 %.1f ms, p99 %.1f ms\n",
              samples.ask_ms.size(), static_cast<double>(samples.ask_ms.size()) / load_seconds, ask_failed.load(),
              percentile(samples.ask_ms, 0.5), percentile(samples.ask_ms, 0.99));
  std::printf("  flows failed          %d, not started before the deadline %d\n", flows_failed.load(),
              flows_unstarted.load());
  std::printf("  receipts verified     %zu in %.1f s, lost %d; server stored %.0f reports\n", receipts - lost,
              verify_seconds, lost.load(), stored);
  for (const auto& failure : samples.failures) std::printf("  failure: %s\n", failure.c_str());
  bool ok = lost == 0 && flows_failed == 0 && flows_unstarted == 0 && chat_failed == 0 && ask_failed == 0 &&
            static_cast<int>(receipts) == options.reports;
  std::printf("%s\n", ok ? "OK: every report receipted and every receipt readable"
                         : (lost > 0 ? "FAIL: lost receipts" : "FAIL: failed requests or flows"));
  return ok ? 0 : 1;
}
