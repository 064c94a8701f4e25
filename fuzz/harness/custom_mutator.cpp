// libFuzzer's hooks for structure-aware mutation, linked into every target
// except the _plain twin that measures what they are worth (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "harness/structure_aware.hpp"

namespace {

// What this target's inputs are, and what a cross-over may take records from.
dhcpm::fuzz::shape_order& shapes() {
  static dhcpm::fuzz::shape_order target_shapes(dhcpm::fuzz::mutator_shapes());
  return target_shapes;
}
dhcpm::fuzz::shape_order& donor_shapes() {
  static dhcpm::fuzz::shape_order every_shape(dhcpm::fuzz::every_encodable_shape());
  return every_shape;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  return dhcpm::fuzz::mutate_structured(shapes(), data, size, max_size, seed);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t max_out_size, unsigned int seed) {
  return dhcpm::fuzz::cross_over_structured(shapes(), donor_shapes(), {data1, size1}, {data2, size2}, out,
                                            max_out_size, seed);
}
