#include "harness/resource_bound.hpp"

#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "harness/fuzz_check.hpp"

namespace dhcpm::fuzz {
namespace {

// The log keeps the upper envelope only: an entry is written when its peak is
// the largest so far among inputs of the same bit length, which is all that
// fitting k and C needs, in a few lines per run.
bool raises_envelope(std::size_t input_size, std::size_t peak) {
  static std::array<std::size_t, 65> envelope{};
  std::size_t& highest = envelope[static_cast<std::size_t>(std::bit_width(input_size))];
  if (peak <= highest) return false;
  highest = peak;
  return true;
}

std::FILE* allocation_log() {
  static std::FILE* const log = [] {
    const char* path = std::getenv("DHCPM_FUZZ_ALLOCATION_LOG");
    return path != nullptr && *path != '\0' ? std::fopen(path, "a") : nullptr;
  }();
  return log;
}

}  // namespace

void require_allocation_bound(std::size_t peak, std::size_t input_size, std::string_view what) {
  if (std::FILE* log = allocation_log(); log != nullptr && raises_envelope(input_size, peak)) {
    std::fprintf(log, "%.*s %zu %zu\n", static_cast<int>(what.size()), what.data(), input_size, peak);
  }
  if (!allocations_are_counted()) {
    static const bool warned =
        std::fputs("dhcpm fuzz: this build cannot count allocations; bounds are not checked\n", stderr) >= 0;
    (void)warned;
    return;
  }
  const std::size_t bound = allocation_per_input_byte * input_size + allocation_constant;
  if (peak > bound) {
    report_bug("a decode broke the allocation bound",
               std::string(what) + " allocated " + std::to_string(peak) + " bytes for an input of " +
                   std::to_string(input_size) + " bytes (bound " + std::to_string(allocation_per_input_byte) +
                   " * n + " + std::to_string(allocation_constant) + " = " + std::to_string(bound) + ")");
  }
}

}  // namespace dhcpm::fuzz
