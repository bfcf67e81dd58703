#include "adapters/app/metrics.h"

#include <catch2/catch.hpp>

#include "adapters/http/http_server.h"

using namespace netra::adapters;

TEST_CASE("Metrics render requests by route and status in the Prometheus text format") {
  Metrics metrics;
  metrics.count_request("/healthz", "GET", 200);
  metrics.count_request("/healthz", "GET", 200);
  metrics.count_request("other", "GET", 404);
  auto text = metrics.render({});
  CHECK(text.find("# TYPE netra_http_requests_total counter") != std::string::npos);
  CHECK(text.find("netra_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2") != std::string::npos);
  CHECK(text.find("netra_http_requests_total{route=\"other\",method=\"GET\",status=\"404\"} 1") != std::string::npos);
}

TEST_CASE("The answer latency histogram is cumulative") {
  Metrics metrics;
  metrics.observe_answer_seconds(0.002);
  metrics.observe_answer_seconds(0.2);
  auto text = metrics.render({});
  CHECK(text.find("netra_answer_seconds_bucket{le=\"0.001\"} 0") != std::string::npos);
  CHECK(text.find("netra_answer_seconds_bucket{le=\"0.0025\"} 1") != std::string::npos);
  CHECK(text.find("netra_answer_seconds_bucket{le=\"0.25\"} 2") != std::string::npos);
  CHECK(text.find("netra_answer_seconds_bucket{le=\"+Inf\"} 2") != std::string::npos);
  CHECK(text.find("netra_answer_seconds_count 2") != std::string::npos);
}

TEST_CASE("Scrape-time samples are appended with their type") {
  Metrics metrics;
  auto text = metrics.render({{"netra_outbound_queue_depth", "gauge", "Waiting.", 3}});
  CHECK(text.find("# TYPE netra_outbound_queue_depth gauge\nnetra_outbound_queue_depth 3") != std::string::npos);
}

TEST_CASE("Route labels are patterns, so report codes never become series") {
  CHECK(route_label("/api/v1/reports/NTR-ABCD-EFGH") == "/api/v1/reports/{code}");
  CHECK(route_label("/webhook/telegram", {"telegram", "whatsapp"}) == "/webhook/telegram");
  CHECK(route_label("/webhook/telegramx", {"telegram", "whatsapp"}) == "other");
  CHECK(route_label("/webhook/telegram") == "other");  // no such channel in the table
  CHECK(route_label("/wp-admin/setup.php") == "other");
}
