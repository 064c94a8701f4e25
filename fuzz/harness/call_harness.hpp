// The body of fuzz_decode_call: the stub data of every call of call_table,
// picked by the input's first two bytes, and the structure-aware mutator
// that keeps its inputs stubs.
//
//   byte 0   the call and direction: 2 * call + (0 request, 1 response),
//            modulo 2 * call_table.size()
//   byte 1   the layout: ndr20, ndr20be, ndr64 (modulo 3)
//   rest     the stub data
//
// Each input is decoded strictly and leniently under the resource bound;
// validate must agree with decode (same error, or same warnings), dissect
// must stop with the same error or tile every byte, and a stub strict
// decoding accepts must encode and decode back to itself.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dhcpm/call.hpp"

namespace dhcpm::fuzz {

inline constexpr std::array call_fuzz_layouts{layout::ndr20, layout::ndr20be, layout::ndr64};

// The selector bytes of a stub type and layout (seed corpora; inline, so
// that the seed maker needs nothing of the harness's fuzzing side).
[[nodiscard]] inline std::vector<std::uint8_t> call_selector(call_stub_type type, layout wire) {
  std::size_t l = 0;
  while (l < call_fuzz_layouts.size() && call_fuzz_layouts[l] != wire) ++l;
  return {static_cast<std::uint8_t>(2 * type.call + (type.dir == direction::response ? 1 : 0)),
          static_cast<std::uint8_t>(l)};
}

int fuzz_decode_call(const std::uint8_t* data, std::size_t size);

// LLVMFuzzerCustomMutator's body: the stub decoded (leniently), one
// parameter changed — a DWORD to a corner or random value, the string to
// NULL, "" or another name, a record to NULL, a freshly generated one or
// changed over its schema (harness/record_mutator.hpp), the
// selector to another call — and encoded back; libFuzzer's byte mutation
// when the input is no stub, when the mutant does not fit, and one time in
// four anyway (the encoder never writes bad counts or foreign referent ids).
std::size_t mutate_call(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed);

}  // namespace dhcpm::fuzz
