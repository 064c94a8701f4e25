// The body of fuzz_decode_family: the client-record family's types in every
// layout, picked by the input's first two bytes.
//
//   byte 0   the type: the family's types (value_type DHCP_CLIENT_INFO and
//            after) in value_type order, modulo their count
//   byte 1   the layout: ndr20, ndr20be, ndr64, x64, x86, pickle (modulo 6)
//   rest     the bytes decoded
//
// Each input is decoded strictly and leniently under the resource bound;
// validate (on one thread and on three) must agree with decode (same error,
// or same warnings), so must the cursor for an _ARRAY in NDR, dissect
// must stop with the same error or tile the bytes decode consumed, and a
// value strict decoding accepts must encode and decode back to itself.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dhcpm/options.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::fuzz {

// The types and layouts the selector bytes pick from, in selector order.
inline constexpr auto family_fuzz_types = [] {
  constexpr std::size_t first = static_cast<std::size_t>(value_type::DHCP_CLIENT_INFO);
  std::array<value_type, record_type_count - first> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<value_type>(first + i);
  return out;
}();
inline constexpr std::array family_fuzz_layouts{layout::ndr20, layout::ndr20be, layout::ndr64,
                                                layout::x64,   layout::x86,     layout::pickle};

// The selector bytes of a type and layout (seed corpora).
[[nodiscard]] inline std::vector<std::uint8_t> family_selector(value_type type, layout wire) {
  const auto t = std::find(family_fuzz_types.begin(), family_fuzz_types.end(), type) - family_fuzz_types.begin();
  const auto l = std::find(family_fuzz_layouts.begin(), family_fuzz_layouts.end(), wire) - family_fuzz_layouts.begin();
  return {static_cast<std::uint8_t>(t), static_cast<std::uint8_t>(l)};
}

int fuzz_decode_family(const std::uint8_t* data, std::size_t size);

// LLVMFuzzerCustomMutator's body (harness/family_mutator.cpp): the input's
// value(s) decoded leniently — a generated one when they do not decode, and
// now and then one of another type — changed over its schema
// (harness/record_mutator.hpp), sometimes moved to another layout, and
// encoded back behind its selector; libFuzzer's byte mutation when the
// mutant does not encode or fit, and one time in four anyway (the encoder
// never writes bad counts or foreign referent ids).
std::size_t mutate_family(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed);

}  // namespace dhcpm::fuzz
