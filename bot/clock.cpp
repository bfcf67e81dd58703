#include "bot/clock.h"

#include <chrono>
#include <ctime>

namespace netra::bot {

std::string utc_day(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[11];
  std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
  return text;
}

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace netra::bot
