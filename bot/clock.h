// The one wall clock of the bot and its stores, and the UTC day it falls on (per-day limits, report dates).
#pragma once

#include <cstdint>
#include <string>

namespace netra::bot {

// Seconds since the Unix epoch.
int64_t unix_now();
// The UTC day of a Unix time as YYYY-MM-DD.
std::string utc_day(int64_t unix_seconds);

}  // namespace netra::bot
