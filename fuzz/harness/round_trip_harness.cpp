#include "harness/round_trip_harness.hpp"

#include <string>
#include <type_traits>
#include <vector>

#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"
#include "harness/value_shapes.hpp"

namespace dhcpm::fuzz {
namespace {

std::string mode_name(bool strict) { return strict ? "strict" : "lenient"; }

// A value decoded from `shape` is written back in `shape`.
void check_round_trip(const shaped_value& decoded, bool strict) {
  const std::string what = describe(decoded.shape) + " " + mode_name(strict);
  const result<bytes> first = encode_shaped(decoded);
  require_no_internal_error(first, "encode " + what);
  if (!first) {
    // What lenient decoding keeps and no encoder writes: Data holding other
    // than DataLength bytes, Clients holding other than NumElements elements.
    if (strict || first.error_value().code != error_code::inconsistent_value) {
      report_bug("a decoded value cannot be encoded in the shape it was decoded from",
                 what + ": " + format_error(first.error_value()) + "\nvalue: " + test::describe(decoded.value));
    }
    return;
  }
  const test::decode_outcome again = test::decode_as(decoded.shape.type, decoded.shape.frame, decoded.shape.wire,
                                                     *first, fuzz_decode_options(first->size(), strict));
  if (!again.ok()) {
    report_bug("the encoder's output does not decode", what + ": " + test::describe(again.failure));
  }
  if (!(*again.value == decoded.value)) {
    report_bug("decode -> encode -> decode changed the value",
               what + "\nbefore: " + test::describe(decoded.value) + "\nafter:  " + test::describe(*again.value));
  }
  const result<bytes> second = encode_shaped(shaped_value{decoded.shape, *again.value});
  if (!second || *second != *first) report_bug("re-encoding canonical bytes changed them", what);
}

// Type serialization with several values after one header.
template <class T>
void check_pickled_list(byte_span input, bool strict) {
  const auto decode = [strict](byte_span bytes, std::optional<pickle_kind> kind) {
    return decode_pickled<T>(bytes, kind, fuzz_decode_options(bytes.size(), strict));
  };
  const std::string what = std::string("pickled list ") + (std::is_same_v<T, client_info> ? "client " : "array ") +
                           mode_name(strict);
  const auto decoded = bounded(input.size(), "decode " + what, [&] { return decode(input, std::nullopt); });
  require_no_internal_error(decoded, "decode " + what);
  if (!decoded) return;
  const result<bytes> first = encode_pickled(std::span<const T>(decoded->values), decoded->kind);
  require_no_internal_error(first, "encode " + what);
  if (!first) {
    require(!strict && first.error_value().code == error_code::inconsistent_value,
            "decoded pickled values cannot be encoded in their own kind");
    return;
  }
  const auto again = decode(*first, decoded->kind);
  if (!again || again->values != decoded->values) {
    report_bug("decode -> encode -> decode changed a pickled list", what + " " + std::string(to_string(decoded->kind)));
  }
  const result<bytes> second = encode_pickled(std::span<const T>(again->values), decoded->kind);
  if (!second || *second != *first) report_bug("re-encoding a canonical pickled list changed it", what);
}

}  // namespace

int fuzz_round_trip(const std::uint8_t* data, std::size_t size) {
  const exact_copy input(data, size);
  for (const bool strict : {true, false}) {
    const decode_options options = fuzz_decode_options(size, strict);
    for (const value_shape& shape : every_encodable_shape()) {
      const std::string what = "decode " + describe(shape) + " " + mode_name(strict);
      test::decode_outcome outcome = bounded(
          size, what, [&] { return test::decode_as(shape.type, shape.frame, shape.wire, input.bytes(), options); });
      if (!outcome.ok()) {
        require_no_internal_error(outcome.failure, what);
        continue;
      }
      check_round_trip(shaped_value{shape, std::move(*outcome.value)}, strict);
    }
    check_pickled_list<client_info>(input.bytes(), strict);
    check_pickled_list<client_info_array>(input.bytes(), strict);
  }
  return 0;
}

}  // namespace dhcpm::fuzz
