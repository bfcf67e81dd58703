// Retention: reports are deleted a set number of days after their last status change, per status, with
// everything kept about them (evidence, thread, notes, audit lines, submission id); one "expire" audit line
// each remains. How thoroughly the bytes go is the backend's (SQLite overwrites freed pages and truncates its
// WAL; PostgreSQL leaves dead tuples to VACUUM — see docs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class RetentionStore {
 public:
  virtual ~RetentionStore() = default;

  // Deletes every report whose status has a retention period in `policy` that ended: updated_at (the day of the
  // last status change) earlier than the UTC day of now - days. Writes one "expire" audit line per report
  // (admin "retention", from_status its status, at = iso_time(now)), in the same transaction. Returns the
  // receipt codes removed.
  virtual std::vector<std::string> expire(const RetentionPolicy& policy, int64_t now) = 0;
};

}  // namespace netra::bot
