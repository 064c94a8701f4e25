// The owning decoder and the zero-copy view agree on every input, and values
// survive conversion between layouts (harness/differential_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "harness/differential_harness.hpp"
#include "harness/structure_aware.hpp"

std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() { return every_encodable_shape(); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_differential(data, size);
}
