#include "harness/structure_aware.hpp"

#include <algorithm>
#include <cstring>
#include <random>

#include "harness/value_mutator.hpp"

namespace dhcpm::fuzz {
namespace {

// Percentages: a plain byte mutation instead of a structured one, a byte
// mutation on top of a structured one, and (for targets that read several
// shapes) the value written in another shape instead of changed: a client
// from NDR 2.0 becomes an x64 image, an NDR64 array a pickled one.
constexpr unsigned bytes_instead = 10;
constexpr unsigned bytes_on_top = 15;
constexpr unsigned another_shape = 10;

// The driver's own choices, drawn apart from the value mutator's so that the
// two do not repeat each other's decisions for one seed.
class dice {
 public:
  explicit dice(unsigned seed) : engine_(seed) {}
  [[nodiscard]] std::size_t uniform(std::size_t lo, std::size_t hi) {
    return std::uniform_int_distribution<std::size_t>(lo, hi)(engine_);
  }
  [[nodiscard]] bool chance(unsigned percent) { return uniform(0, 99) < percent; }

 private:
  std::mt19937 engine_;
};

std::size_t copy_out(const bytes& encoded, std::uint8_t* out) {
  if (!encoded.empty()) std::memcpy(out, encoded.data(), encoded.size());
  return encoded.size();
}

// A mutant of a recognised value, or nothing when it cannot be written back
// in max_size bytes.
std::optional<bytes> encode_mutant(const shaped_value& v, std::size_t max_size) {
  result<bytes> encoded = encode_shaped(v);
  if (!encoded || encoded->size() > max_size) return std::nullopt;
  return std::move(encoded).value();
}

// The head of one input and the tail of the other.
std::size_t splice_bytes(byte_span first, byte_span second, std::uint8_t* out, std::size_t max_out_size, dice& d) {
  const std::size_t head = std::min(d.uniform(0, first.size()), max_out_size);
  const std::size_t from = d.uniform(0, second.size());
  const std::size_t tail = std::min(second.size() - from, max_out_size - head);
  if (head != 0) std::memcpy(out, first.data(), head);
  if (tail != 0) std::memcpy(out + head, second.data() + from, tail);
  return head + tail;
}

}  // namespace

shape_order::shape_order(std::span<const value_shape> shapes) : order_(shapes.begin(), shapes.end()) {}

std::optional<shaped_value> shape_order::recognise(byte_span input) {
  std::optional<shaped_value> v = fuzz::recognise(order_, input);
  if (v) {
    const auto found = std::find(order_.begin(), order_.end(), v->shape);
    std::rotate(order_.begin(), found, found + 1);
  }
  return v;
}

std::size_t mutate_structured(shape_order& shapes, std::uint8_t* data, std::size_t size, std::size_t max_size,
                              unsigned seed) {
  dice d(seed);
  if (d.chance(bytes_instead)) return LLVMFuzzerMutate(data, size, max_size);
  std::optional<shaped_value> v = shapes.recognise(byte_span(data, size));
  if (!v) return LLVMFuzzerMutate(data, size, max_size);

  value_mutator mutator(seed, max_status(v->shape.wire));
  if (shapes.shapes().size() > 1 && d.chance(another_shape)) {
    const value_shape to = shapes.shapes()[d.uniform(0, shapes.shapes().size() - 1)];
    v->value = mutator.reshape(v->value, to.type, to.frame);
    v->shape = to;
  } else {
    mutator.mutate(v->value);
  }
  make_encodable(v->value, max_status(v->shape.wire));
  const std::optional<bytes> mutant = encode_mutant(*v, max_size);
  if (!mutant) return LLVMFuzzerMutate(data, size, max_size);
  std::size_t out_size = copy_out(*mutant, data);
  if (d.chance(bytes_on_top)) out_size = LLVMFuzzerMutate(data, out_size, max_size);
  return out_size;
}

std::size_t cross_over_structured(shape_order& shapes, shape_order& donor_shapes, byte_span first, byte_span second,
                                  std::uint8_t* out, std::size_t max_out_size, unsigned seed) {
  dice d(seed);
  std::optional<shaped_value> v = shapes.recognise(first);
  const std::optional<shaped_value> donor = v ? donor_shapes.recognise(second) : std::nullopt;
  if (!v || !donor) return splice_bytes(first, second, out, max_out_size, d);

  value_mutator mutator(seed, max_status(v->shape.wire));
  mutator.splice(v->value, donor->value);
  make_encodable(v->value, max_status(v->shape.wire));  // also: a donor from NDR64 may carry a 32-bit Status
  const std::optional<bytes> child = encode_mutant(*v, max_out_size);
  if (!child) return splice_bytes(first, second, out, max_out_size, d);
  return copy_out(*child, out);
}

}  // namespace dhcpm::fuzz
