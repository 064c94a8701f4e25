// Seeded random values of client_info and client_info_array for property
// tests. The values are chosen to reach the corners of the wire format —
// NULL vs empty vs non-empty strings, non-BMP characters, embedded NULs,
// unpaired surrogates, Data NULL/empty/11-byte uid/random, unknown enum
// values, extreme integers, NULL elements, empty and NULL Clients — while
// staying encodable: DataLength == Data size when Data is non-NULL,
// NumElements == Clients size when Clients is non-NULL (0 when NULL), and
// Status <= max_status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

#include "dhcpm/client_info.hpp"

namespace dhcpm::test {

struct generator_options {
  // Largest Status value: 0xFFFF fits NDR 2.0 (a 16-bit enum); NDR64 and the
  // native layouts carry 32 bits.
  std::uint32_t max_status = 0xFFFF;
  std::size_t max_string_units = 40;  // without the terminator
  std::size_t max_data_bytes = 48;
  std::size_t max_elements = 5;
  // Also produce DataLength != 0 with a NULL Data (encodable, but only a
  // lenient decoder gives it back, with a null_with_nonzero_size warning).
  bool null_data_with_length = false;
};

class value_generator {
 public:
  explicit value_generator(std::uint64_t seed, generator_options options = {})
      : engine_(seed), options_(options) {}

  [[nodiscard]] client_info client();
  [[nodiscard]] client_info_array array();
  [[nodiscard]] utf16_string string();
  [[nodiscard]] binary_data data();

  [[nodiscard]] std::uint8_t u8();
  [[nodiscard]] std::uint32_t u32();  // biased towards 0, 1, 2^31, 2^32-1 and friends
  [[nodiscard]] std::uint64_t u64();  // likewise for 64 bits
  [[nodiscard]] std::uint32_t status();

  // A uniform integer in [lo, hi].
  [[nodiscard]] std::uint64_t uniform(std::uint64_t lo, std::uint64_t hi) {
    return std::uniform_int_distribution<std::uint64_t>(lo, hi)(engine_);
  }
  [[nodiscard]] bool chance(unsigned percent) { return uniform(0, 99) < percent; }
  [[nodiscard]] std::mt19937_64& engine() noexcept { return engine_; }
  [[nodiscard]] const generator_options& options() const noexcept { return options_; }

 private:
  std::mt19937_64 engine_;
  generator_options options_;
};

}  // namespace dhcpm::test
