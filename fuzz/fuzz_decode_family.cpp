// Decodes every type of the client-record family in every layout, the two
// picked by the input's first two bytes (harness/family_harness.hpp): decode
// and validate agree, dissect tiles what decode consumed, and what strict
// decoding accepts re-encodes to itself — each call under the resource bound.
// Mutation is structure-aware: harness/family_mutator.cpp changes the values
// over their schema.
#include <cstddef>
#include <cstdint>

#include "harness/family_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() { return {}; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_decode_family(data, size);
}
