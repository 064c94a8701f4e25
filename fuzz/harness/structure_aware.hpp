// The structure-aware mutator behind LLVMFuzzerCustomMutator and
// LLVMFuzzerCustomCrossOver: decode the input as one of the target's shapes,
// change the value (value_mutator), encode it back in the same shape — and
// fall back to libFuzzer's byte mutation when the input decodes as none of
// them, when the mutant does not fit, and now and then anyway, so that
// inputs the encoder never writes (bad counts, non-zero padding, foreign
// referent ids) keep being produced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "harness/value_shapes.hpp"

// libFuzzer's byte mutator (the replay main has a stand-in).
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace dhcpm::fuzz {

// The shapes the running target's mutator recognises; each target file defines it.
[[nodiscard]] std::vector<value_shape> mutator_shapes();

// recognise() over a set of shapes kept in move-to-front order: a mutant keeps
// its parent's shape, so the shape found last is usually right at the first
// try (the round-trip and differential targets have 27 shapes to try). The
// order only changes which shape wins when an input decodes as several.
class shape_order {
 public:
  explicit shape_order(std::span<const value_shape> shapes);
  [[nodiscard]] std::optional<shaped_value> recognise(byte_span input);
  [[nodiscard]] const std::vector<value_shape>& shapes() const noexcept { return order_; }

 private:
  std::vector<value_shape> order_;
};

// The input in `data` decoded as one of `shapes`, mutated and encoded back.
std::size_t mutate_structured(shape_order& shapes, std::uint8_t* data, std::size_t size, std::size_t max_size,
                              unsigned seed);

// `first` decoded as one of `shapes`, given a record of `second` (decoded as
// any of `donor_shapes`), and encoded into `out`.
std::size_t cross_over_structured(shape_order& shapes, shape_order& donor_shapes, byte_span first, byte_span second,
                                  std::uint8_t* out, std::size_t max_out_size, unsigned seed);

}  // namespace dhcpm::fuzz
