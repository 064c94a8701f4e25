// The resource bound every decode in the fuzz targets must keep. The targets
// decode with a budget that grows with the input,
//     max_decoded_bytes = budget_per_input_byte * n + budget_floor,
// and check that the call allocated at most
//     allocation_per_input_byte * n + allocation_constant
// bytes (the peak of live operator-new bytes during the call, n = input size).
// docs/fuzzing.md says how these constants were measured. Time is bounded by
// running the fuzzers with -timeout (a decode is linear in its input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "dhcpm/large_block.hpp"
#include "dhcpm/options.hpp"
#include "harness/allocation_counter.hpp"

namespace dhcpm::fuzz {

// A canonical encoding needs at most 2.6 decoded bytes per wire byte (a
// 240-byte client_info per 93-byte NDR 2.0 record), so every canonical input
// fits; native images that point many times at one pointee can exceed it.
inline constexpr std::uint64_t budget_per_input_byte = 4;
inline constexpr std::uint64_t budget_floor = 4096;
// Lenient decoding keeps at most this many warnings (the default of 1000
// would make the constant below about 300 KiB of error messages).
inline constexpr std::uint32_t fuzz_max_warnings = 16;

// Measured over 15 million fuzz inputs (docs/fuzzing.md): at most 6 * n + 6.0 KiB
// and 8 * n + 5.2 KiB — the budget, an array's one block of string storage (n
// bytes) and error texts. The margin is for a growing vector of pickled values,
// which can briefly hold its records twice (about 5.8 * n at worst).
inline constexpr std::size_t allocation_per_input_byte = 8;
inline constexpr std::size_t allocation_constant = 16 * 1024;

[[nodiscard]] inline decode_options fuzz_decode_options(std::size_t input_size, bool strict) {
  decode_options options;
  options.strict = strict;
  options.max_decoded_bytes = budget_per_input_byte * input_size + budget_floor;
  options.max_warnings = fuzz_max_warnings;
  return options;
}

// Aborts when `peak` bytes breaks the bound for an input of `input_size`
// bytes. With DHCPM_FUZZ_ALLOCATION_LOG=<file> in the environment it also
// appends "<what> <input_size> <peak>" to that file whenever the peak is the
// largest yet for inputs of that bit length, to measure k and C.
void require_allocation_bound(std::size_t peak, std::size_t input_size, std::string_view what);

// Runs decode() and checks what it allocated; returns what decode() returned.
// The harness decodes without a block_cache, so every block is a fresh
// allocation the count sees.
template <class Decode>
auto bounded(std::size_t input_size, std::string_view what, Decode&& decode) {
  allocation_scope scope;
  auto outcome = std::forward<Decode>(decode)();
  require_allocation_bound(scope.peak_bytes(), input_size, what);
  return outcome;
}

}  // namespace dhcpm::fuzz
