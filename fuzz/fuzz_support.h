// What every fuzz target shares: an invariant check that libFuzzer reports as a crash.
#pragma once

#include <cstdlib>

namespace netra::fuzz {

inline void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace netra::fuzz
