#include "bench/latency.h"

#include <algorithm>

namespace netra::bench {
namespace {

double nearest_rank(const std::vector<double>& sorted, double fraction) {
  size_t rank = static_cast<size_t>(fraction * static_cast<double>(sorted.size()) + 0.999999);
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

Latency Latency::of(std::vector<double> samples) {
  if (samples.empty()) return {};
  std::sort(samples.begin(), samples.end());
  return {nearest_rank(samples, 0.50), nearest_rank(samples, 0.99)};
}

void warm_up(size_t items, const std::function<void(size_t)>& call, double budget_ms) {
  Stopwatch total;
  for (size_t i = 0; i < items && total.elapsed_micros() < budget_ms * 1000.0; ++i) call(i);
}

std::vector<double> time_rounds(size_t items, const std::function<void(size_t)>& call, size_t target_samples,
                                double budget_ms) {
  std::vector<double> samples;
  samples.reserve(std::max(target_samples, items));
  Stopwatch total;
  do {
    for (size_t i = 0; i < items; ++i) {
      Stopwatch one;
      call(i);
      samples.push_back(one.elapsed_micros());
    }
  } while (items > 0 && samples.size() < target_samples && total.elapsed_micros() < budget_ms * 1000.0);
  return samples;
}

}  // namespace netra::bench
