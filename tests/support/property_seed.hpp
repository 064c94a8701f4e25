// The seeds of the property tests. Each has a fixed seed, so that every run
// checks the same values; DHCPM_PROPERTY_SEED=<number> (decimal or 0x-hex)
// adds another (or, for the tests that say so, replaces it), to look further
// or to repeat a failure a message named.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <vector>

namespace dhcpm::test {

// DHCPM_PROPERTY_SEED as a number; std::nullopt when unset or not a number.
[[nodiscard]] inline std::optional<std::uint64_t> seed_from_environment() {
  const char* env = std::getenv("DHCPM_PROPERTY_SEED");
  if (env == nullptr || *env == '\0') return std::nullopt;
  char* end = nullptr;
  const unsigned long long seed = std::strtoull(env, &end, 0);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return seed;
}

// The fixed seed, then DHCPM_PROPERTY_SEED's when it is given.
[[nodiscard]] inline std::vector<std::uint64_t> property_seeds(std::uint64_t fixed) {
  std::vector<std::uint64_t> seeds{fixed};
  if (const std::optional<std::uint64_t> extra = seed_from_environment()) seeds.push_back(*extra);
  return seeds;
}

}  // namespace dhcpm::test
