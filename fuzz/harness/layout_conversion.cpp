#include "harness/layout_conversion.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"
#include "harness/value_shapes.hpp"

namespace dhcpm::fuzz {
namespace {

void require_conversion(const any_value& value, const value_shape& to, layout from) {
  const std::string what = std::string(dhcpm::to_string(from)) + " -> " + describe(to);
  const result<bytes> encoded = test::encode_any(value, to.wire);
  require_no_internal_error(encoded, "encode " + what);
  if (!encoded) {
    if (encoded.error_value().code != error_code::value_out_of_range) {
      report_bug("a strictly decoded value was refused by another layout",
                 what + ": " + test::describe(encoded.error_value()) + "\nvalue: " + test::describe(value));
    }
    return;
  }
  const test::decode_outcome back =
      test::decode_as(to.type, to.frame, to.wire, *encoded, fuzz_decode_options(encoded->size(), true));
  if (!back.ok()) report_bug("a converted value does not decode", what + ": " + test::describe(back.failure));
  if (!(*back.value == value)) {
    report_bug("conversion between layouts changed the value",
               what + "\nbefore: " + test::describe(value) + "\nafter:  " + test::describe(*back.value));
  }
}

// The value in the shape of a framing: bare, behind a pointer, or (clients) in a response.
template <class T>
any_value framed(const T& value, framing frame) {
  if (frame == framing::ptr) return any_value(std::in_place_type<std::optional<T>>, value);
  if constexpr (std::is_same_v<T, client_info>) {
    if (frame == framing::response) return any_value(get_client_info_response{value, 0});
  }
  return any_value(std::in_place_type<T>, value);
}

template <class T>
void require_all_conversions(const T& value, layout from) {
  constexpr value_kind type = std::is_same_v<T, client_info> ? value_kind::client : value_kind::array;
  for (layout to : encodable_layouts()) {
    for (const value_shape& shape : decode_shapes(to, type)) {
      require_conversion(framed(value, shape.frame), shape, from);
    }
  }
}

}  // namespace

void require_conversions_preserve(const client_info& value, layout from) { require_all_conversions(value, from); }
void require_conversions_preserve(const client_info_array& value, layout from) { require_all_conversions(value, from); }

}  // namespace dhcpm::fuzz
