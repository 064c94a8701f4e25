// Decodes DHCPV4_FAILOVER_CLIENT_INFO records from NDR64 in bare, ptr and response framing, strictly
// and leniently, each call under the resource bound (harness/decode_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "harness/decode_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() {
  return encodable_shapes(layout::ndr64, value_kind::client);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_decode(dhcpm::layout::ndr64, dhcpm::fuzz::value_kind::client, data, size);
}
