// What a fuzz input holds: a layout, a value type and a framing. A decode
// target accepts the shapes of one layout and type; the round-trip and
// differential targets accept every shape. The custom mutator finds which
// shape an input has (the first one that decodes) and writes its mutant in
// that same shape.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/pickle.hpp"
#include "support/pickled.hpp"
#include "support/vectors.hpp"

namespace dhcpm::fuzz {

using test::any_value;
using test::value_kind;

struct value_shape {
  layout wire = layout::ndr20;
  value_kind type = value_kind::client;
  framing frame = framing::bare;

  friend bool operator==(const value_shape&, const value_shape&) = default;
};

// The shapes a decode of `wire` and `type` tries: bare, and for the NDR
// layouts ptr and (clients only) response too.
[[nodiscard]] std::vector<value_shape> decode_shapes(layout wire, value_kind type);
// The same with layout::pickle (which only decodes) replaced by every pickle
// kind: the shapes an encoder can write, which the mutator needs.
[[nodiscard]] std::vector<value_shape> encodable_shapes(layout wire, value_kind type);
// encodable_shapes of every layout and both types.
[[nodiscard]] const std::vector<value_shape>& every_encodable_shape();
// Every layout an encoder can write (all but layout::pickle).
[[nodiscard]] const std::vector<layout>& encodable_layouts();

[[nodiscard]] std::string describe(const value_shape& shape);  // "ndr20 client ptr"
[[nodiscard]] std::string_view to_string(value_kind type) noexcept;

// The largest Status a layout carries: a 16-bit enum in NDR 2.0, 32 bits elsewhere.
[[nodiscard]] std::uint32_t max_status(layout wire) noexcept;

// A decoded input and the shape it was decoded as.
struct shaped_value {
  value_shape shape;
  any_value value;
};

// Tries each shape in order, strictly first and then leniently, and returns
// the first that decodes.
[[nodiscard]] std::optional<shaped_value> recognise(std::span<const value_shape> shapes, byte_span input);

// The encoder of shape.frame for the value held.
[[nodiscard]] result<bytes> encode_shaped(const shaped_value& v);

using test::decode_pickled;
using test::encode_pickled;

}  // namespace dhcpm::fuzz
