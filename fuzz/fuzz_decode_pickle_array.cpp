// Decodes DHCPV4_FAILOVER_CLIENT_INFO_ARRAYs from type serialization of whatever kind the header names
// (one value, and a list of several), strictly and leniently, each call under the resource bound
// (harness/decode_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "harness/decode_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() {
  return encodable_shapes(layout::pickle, value_kind::array);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_decode(dhcpm::layout::pickle, dhcpm::fuzz::value_kind::array, data, size);
}
