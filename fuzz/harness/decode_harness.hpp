// The body of the fuzz_decode_<layout>_<type> targets: decode the input as
// that layout and type, in every framing the layout carries, strictly and
// leniently, each call under the resource bound.
#pragma once

#include <cstddef>
#include <cstdint>

#include "harness/value_shapes.hpp"

namespace dhcpm::fuzz {

int fuzz_decode(layout wire, value_kind type, const std::uint8_t* data, std::size_t size);

}  // namespace dhcpm::fuzz
