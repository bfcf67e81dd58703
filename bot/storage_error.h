// The one storage failure the layers above tell apart from a bug: the database cannot be reached right now
// (PostgreSQL down or restarting, the network to it cut, no connection free within the pool's wait). Whatever
// unit of work failed this way committed nothing, so the caller may simply try again later: a webhook answers
// 503, and the platform delivers the message again. Every backend throws it for exactly that situation (SQLite:
// never — a busy file is knowledge::SqliteError, handled where it is today).
#pragma once

#include <stdexcept>

namespace netra::bot {

class StorageUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace netra::bot
