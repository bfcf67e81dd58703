// Timing helpers for the benchmarks: a stopwatch, percentiles, and a loop that times one call per question over
// enough rounds for a stable p99 while staying within a time budget.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace netra::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double elapsed_micros() const {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

struct Latency {
  double p50 = 0;  // µs
  double p99 = 0;  // µs
  // Nearest-rank percentiles of samples (µs); zeros when there are none.
  static Latency of(std::vector<double> samples);
};

// Calls call(i) for i = 0, 1, … untimed until every item ran once or budget_ms passed: enough to open the pooled
// connection, fill the stemmer's cache and touch the hot index pages, as in a running server, without a full pass
// costing more than the measurement on a large index.
void warm_up(size_t items, const std::function<void(size_t)>& call, double budget_ms = 1000);

// Calls call(i) for every i in [0, items), round after round, and returns each call's time in µs. Stops after the
// round that reaches target_samples or the first round that ends past budget_ms, so a slow index still finishes
// in bounded time; at least one whole round is always taken, so every item is measured.
std::vector<double> time_rounds(size_t items, const std::function<void(size_t)>& call, size_t target_samples = 2000,
                                double budget_ms = 2500);

}  // namespace netra::bench
