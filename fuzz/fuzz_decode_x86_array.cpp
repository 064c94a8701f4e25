// Decodes DHCPV4_FAILOVER_CLIENT_INFO_ARRAYs from an x86 memory image based at 0x10000, strictly and
// leniently, each call under the resource bound (harness/decode_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "harness/decode_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() {
  return encodable_shapes(layout::x86, value_kind::array);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_decode(dhcpm::layout::x86, dhcpm::fuzz::value_kind::array, data, size);
}
