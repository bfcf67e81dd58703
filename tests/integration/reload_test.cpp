// SIGHUP reloads the knowledge of a running `netra serve`: answers change, and requests answering meanwhile finish
// on the old knowledge instead of failing.
#include <signal.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::TempDir;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

const std::string kQuestion = "bolehkah kepala desa memelihara burung merak di halaman balai desa?";

// A curated entry that only this test adds; `version` goes into its answer so each reload is visible.
std::string peacock_entry(const std::string& version) {
  return "source: qa\n"
         "title: Uji muat ulang\n"
         "\n"
         "== qa uji-merak-balai-desa\n"
         "question: " +
         kQuestion +
         "\n"
         "audience: kades\n"
         "verdict: boleh\n"
         "answer: Jawaban uji muat ulang " +
         version +
         ": memelihara burung merak tidak ada hubungannya dengan "
         "kampanye, jadi boleh.\n"
         "cite: uu-6-2014 29\n"
         "keywords: merak, burung merak, memelihara, balai desa\n";
}

std::string ask(const NetraProcess& server, const std::string& question) {
  auto response = server.client().Post("/api/v1/ask", json{{"question", question}}.dump(), "application/json");
  if (!response || response->status != 200) return "";
  return json::parse(response->body)["text"].get<std::string>();
}

// Asks until the answer contains `marker` (a reload is asynchronous to the signal). False after 60 s.
bool wait_for_answer_with(const NetraProcess& server, const std::string& marker) {
  return netra::testing::wait_until([&] { return ask(server, kQuestion).find(marker) != std::string::npos; },
                                    std::chrono::seconds(60), std::chrono::milliseconds(50));
}

bool wait_for_log(const NetraProcess& server, const std::string& text, size_t occurrences) {
  return netra::testing::wait_until(
      [&] {
        std::string log = server.log();
        size_t found = 0;
        for (size_t at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++found;
        return found >= occurrences;
      },
      std::chrono::seconds(60), std::chrono::milliseconds(50));
}

// Questions and chat messages from a few threads until stopped, counting every request that did not get a 200.
class BackgroundTraffic {
 public:
  explicit BackgroundTraffic(const NetraProcess& server) {
    for (int thread = 0; thread < 3; ++thread) {
      threads_.emplace_back([this, &server, thread] {
        const std::vector<std::string> questions = {kQuestion, "kades boleh ikut kampanye caleg?",
                                                    "pns boleh like postingan caleg?", "sanksi asn tidak netral apa?"};
        auto client = server.client();
        for (size_t i = 0; !stop_; ++i) {
          httplib::Result response =
              i % 5 == 4 ? client.Post("/api/v1/chat",
                                       json{{"session", "reload-" + std::to_string(thread)}, {"text", "halo"}}.dump(),
                                       "application/json")
                         : client.Post("/api/v1/ask", json{{"question", questions[i % questions.size()]}}.dump(),
                                       "application/json");
          ++requests_;
          if (!response || response->status != 200) ++failures_;
        }
      });
    }
  }
  ~BackgroundTraffic() { stop(); }
  void stop() {
    stop_ = true;
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }
  size_t requests() const { return requests_; }
  size_t failures() const { return failures_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<size_t> requests_{0}, failures_{0};
  std::vector<std::thread> threads_;
};

}  // namespace

TEST_CASE("SIGHUP reloads an edited corpus while requests keep being answered, and keeps it when the edit is invalid") {
  TempDir dir;
  fs::path knowledge = dir.path() / "knowledge";
  fs::create_directories(knowledge);
  fs::copy(netra::testing::knowledge_root() + "/corpus", knowledge / "corpus", fs::copy_options::recursive);
  fs::copy(netra::testing::knowledge_root() + "/data", knowledge / "data", fs::copy_options::recursive);
  NetraProcess server(dir.file("var"), {{"NETRA_KNOWLEDGE_DIR", knowledge.string()}});

  std::string before = ask(server, kQuestion);
  REQUIRE_FALSE(before.empty());
  REQUIRE(before.find("uji muat ulang") == std::string::npos);

  BackgroundTraffic traffic(server);
  {
    INFO("the background traffic gets going before the reload");
    REQUIRE(netra::testing::wait_until([&] { return traffic.requests() >= 6; }));
  }

  // A new entry: the very question asked before (its /api/v1/ask body was cached) now finds it.
  netra::testing::write_file(knowledge / "corpus" / "qa-uji-muat-ulang.txt", peacock_entry("versi satu"));
  server.send_signal(SIGHUP);
  CHECK(wait_for_answer_with(server, "uji muat ulang versi satu"));

  // An edit of that entry: a second reload replaces the first.
  netra::testing::write_file(knowledge / "corpus" / "qa-uji-muat-ulang.txt", peacock_entry("versi dua"));
  server.send_signal(SIGHUP);
  CHECK(wait_for_answer_with(server, "uji muat ulang versi dua"));

  // An invalid corpus file: the reload fails, is logged, and the answers stay as they were.
  netra::testing::write_file(knowledge / "corpus" / "qa-rusak.txt",
                             "source: qa\ntitle: rusak\n\n== qa rusak\nverdict: ???\n");
  server.send_signal(SIGHUP);
  REQUIRE(wait_for_log(server, "event=knowledge_reload_failed", 1));
  CHECK(ask(server, kQuestion).find("uji muat ulang versi dua") != std::string::npos);

  traffic.stop();
  INFO("requests during the reloads: " << traffic.requests());
  CHECK(traffic.requests() > 20);
  CHECK(traffic.failures() == 0);
  CHECK(wait_for_log(server, "event=knowledge_reloaded generation=3", 1));

  auto metrics = server.client().Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("kind=\"knowledge_reload\"") != std::string::npos);

  // Every generation's private link to the index goes away with the server.
  CHECK(server.stop() == 0);
  for (const auto& item : fs::directory_iterator(dir.file("var"))) {
    CHECK(item.path().filename().string().find(".pin-") == std::string::npos);
  }
}
