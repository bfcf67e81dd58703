#include "adapters/app/metrics.h"

#include <sstream>

namespace netra::adapters {
namespace {

void write_counter(std::ostringstream& out, const std::string& name, const std::string& help, const std::string& label,
                   const std::map<std::string, uint64_t>& values) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " counter\n";
  for (const auto& [key, value] : values) out << name << "{" << label << "=\"" << key << "\"} " << value << "\n";
}

void write_by_channel_and_code(std::ostringstream& out, const std::string& name, const std::string& help,
                               const std::map<std::pair<std::string, std::string>, uint64_t>& values) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " counter\n";
  for (const auto& [key, value] : values) {
    out << name << "{channel=\"" << key.first << "\",code=\"" << key.second << "\"} " << value << "\n";
  }
}

}  // namespace

void Metrics::count_request(const std::string& route, const std::string& method, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
}

void Metrics::count_inbound(const std::string& channel) {
  std::lock_guard lock(mutex_);
  ++inbound_[channel];
}

void Metrics::count_duplicate(const std::string& channel) {
  std::lock_guard lock(mutex_);
  ++duplicates_[channel];
}

void Metrics::count_reply(const std::string& channel, bool delivered) {
  std::lock_guard lock(mutex_);
  ++(delivered ? replies_sent_ : replies_failed_)[channel];
}

void Metrics::count_retry(const std::string& channel) {
  std::lock_guard lock(mutex_);
  ++retries_[channel];
}

void Metrics::count_dropped(const std::string& queue) {
  std::lock_guard lock(mutex_);
  ++dropped_[queue];
}

void Metrics::count_error(const std::string& kind) {
  std::lock_guard lock(mutex_);
  ++errors_[kind];
}

void Metrics::count_outbound_failure(const std::string& channel, const std::string& code) {
  std::lock_guard lock(mutex_);
  ++outbound_failures_[{channel, code}];
}

void Metrics::count_async_failure(const std::string& channel, const std::string& code) {
  std::lock_guard lock(mutex_);
  ++async_failures_[{channel, code}];
}

void Metrics::observe_answer_seconds(double seconds) {
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  ++answer_count_;
  answer_sum_ += seconds;
}

std::string Metrics::render(const std::vector<Sample>& samples) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP netra_http_requests_total HTTP requests by route pattern, method and status.\n"
         "# TYPE netra_http_requests_total counter\n";
  for (const auto& [key, value] : requests_) {
    const auto& [route, method, status] = key;
    out << "netra_http_requests_total{route=\"" << route << "\",method=\"" << method << "\",status=\"" << status
        << "\"} " << value << "\n";
  }
  write_counter(out, "netra_messages_received_total", "Chat messages accepted for the bot.", "channel", inbound_);
  write_counter(out, "netra_messages_duplicate_total", "Redelivered messages ignored by dedupe.", "channel",
                duplicates_);
  write_counter(out, "netra_replies_sent_total", "Outbound platform requests delivered.", "channel", replies_sent_);
  write_counter(out, "netra_replies_failed_total", "Outbound platform requests given up after retries.", "channel",
                replies_failed_);
  write_counter(out, "netra_reply_retries_total", "Outbound platform requests retried.", "channel", retries_);
  write_counter(out, "netra_queue_dropped_total", "Tasks dropped because a queue was full or shutting down.", "queue",
                dropped_);
  write_counter(out, "netra_errors_total", "Failures by kind.", "kind", errors_);
  write_by_channel_and_code(out, "netra_outbound_failures_total",
                            "Outbound attempts the platform refused (each attempt, retried or not), by its error code.",
                            outbound_failures_);
  write_by_channel_and_code(out, "netra_outbound_async_failures_total",
                            "Messages the platform accepted and later reported as not delivered, by its error code.",
                            async_failures_);
  out << "# HELP netra_answer_seconds Time the bot took to answer one message (not /api/v1/ask response-cache hits).\n"
         "# TYPE netra_answer_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    out << "netra_answer_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << bucket_counts_[i] << "\n";
  }
  out << "netra_answer_seconds_bucket{le=\"+Inf\"} " << answer_count_ << "\n"
      << "netra_answer_seconds_sum " << answer_sum_ << "\n"
      << "netra_answer_seconds_count " << answer_count_ << "\n";
  for (const auto& sample : samples) {
    out << "# HELP " << sample.name << " " << sample.help << "\n# TYPE " << sample.name << " " << sample.type << "\n"
        << sample.name << " " << sample.value << "\n";
  }
  return out.str();
}

}  // namespace netra::adapters
