// Decode -> encode -> decode gives the same value, and canonical bytes encode
// to themselves, for every shape the input decodes as
// (harness/round_trip_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "harness/round_trip_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() { return every_encodable_shape(); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_round_trip(data, size);
}
