// The body of fuzz_round_trip: whatever shape the input decodes as (strictly
// or leniently), encoding the value in that shape and decoding the bytes
// gives the same value, and encoding that value again gives the same bytes:
// canonical output is a fixed point.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dhcpm::fuzz {

int fuzz_round_trip(const std::uint8_t* data, std::size_t size);

}  // namespace dhcpm::fuzz
