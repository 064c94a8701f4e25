#include "harness/value_shapes.hpp"

#include "harness/resource_bound.hpp"

namespace dhcpm::fuzz {

std::vector<value_shape> decode_shapes(layout wire, value_kind type) {
  const value_type library_type = type == value_kind::client ? value_type::client : value_type::array;
  std::vector<value_shape> out;
  for (const framing frame : {framing::bare, framing::ptr, framing::response}) {
    if (!check_format(library_type, wire_format{.wire = wire, .frame = frame}, false)) out.push_back({wire, type, frame});
  }
  return out;
}

std::vector<value_shape> encodable_shapes(layout wire, value_kind type) {
  if (wire != layout::pickle) return decode_shapes(wire, type);
  std::vector<value_shape> out;
  for (layout kind : {layout::pickle_ndr20, layout::pickle_ndr20be, layout::pickle_ndr64, layout::pickle2_ndr20}) {
    out.push_back({kind, type, framing::bare});
  }
  return out;
}

const std::vector<layout>& encodable_layouts() {
  static const std::vector<layout> layouts = [] {
    std::vector<layout> out;
    for (layout wire : all_layouts) {
      if (wire != layout::pickle) out.push_back(wire);
    }
    return out;
  }();
  return layouts;
}

const std::vector<value_shape>& every_encodable_shape() {
  static const std::vector<value_shape> shapes = [] {
    std::vector<value_shape> out;
    for (layout wire : encodable_layouts()) {
      for (value_kind type : {value_kind::client, value_kind::array}) {
        for (const value_shape& s : decode_shapes(wire, type)) out.push_back(s);
      }
    }
    return out;
  }();
  return shapes;
}

std::string_view to_string(value_kind type) noexcept { return type == value_kind::client ? "client" : "array"; }

std::string describe(const value_shape& shape) {
  return std::string(dhcpm::to_string(shape.wire)) + " " + std::string(to_string(shape.type)) + " " +
         std::string(dhcpm::to_string(shape.frame));
}

std::uint32_t max_status(layout wire) noexcept {
  switch (wire) {
    case layout::ndr20:
    case layout::ndr20be:
    case layout::pickle_ndr20:
    case layout::pickle_ndr20be:
    case layout::pickle2_ndr20:
      return 0xFFFF;
    default:
      return 0xFFFFFFFF;
  }
}

std::optional<shaped_value> recognise(std::span<const value_shape> shapes, byte_span input) {
  for (const bool strict : {true, false}) {
    const decode_options options = fuzz_decode_options(input.size(), strict);
    for (const value_shape& shape : shapes) {
      test::decode_outcome outcome = test::decode_as(shape.type, shape.frame, shape.wire, input, options);
      if (outcome.ok()) return shaped_value{shape, std::move(*outcome.value)};
    }
  }
  return std::nullopt;
}

result<bytes> encode_shaped(const shaped_value& v) { return test::encode_any(v.value, v.shape.wire); }

}  // namespace dhcpm::fuzz
