// Every value of a pickled buffer, in the shape the pickle tests and the fuzz
// harnesses check: the values, the kind the header named, the warnings. A
// thin wrapper over the generic decode<std::vector<T>> and encode (codec.hpp),
// so those tests exercise exactly what users call.
#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"

namespace dhcpm::test {

template <class T>
struct decoded_values {
  std::vector<T> values;        // every value in the buffer, in order
  pickle_kind kind{};           // what the common header said
  std::vector<error> warnings;  // lenient mode only
};

// With `expect`, the header must describe that kind; without it, the header chooses.
template <class T>
[[nodiscard]] result<decoded_values<T>> decode_pickled(byte_span input, std::optional<pickle_kind> expect = std::nullopt,
                                                       const decode_options& options = {}) {
  const wire_format format{.wire = expect ? to_layout(*expect) : layout::pickle, .all = true};
  result<decoded<std::vector<T>>> all = decode<std::vector<T>>(input, format, options);
  if (!all) return std::move(all).error_value();
  return decoded_values<T>{std::move(all->value), pickle_kind_of(all->wire).value(), std::move(all->warnings)};
}

[[nodiscard]] inline result<decoded_values<client_info>> decode_pickled_clients(
    byte_span input, std::optional<pickle_kind> expect = std::nullopt, const decode_options& options = {}) {
  return decode_pickled<client_info>(input, expect, options);
}
[[nodiscard]] inline result<decoded_values<client_info_array>> decode_pickled_arrays(
    byte_span input, std::optional<pickle_kind> expect = std::nullopt, const decode_options& options = {}) {
  return decode_pickled<client_info_array>(input, expect, options);
}

// One common header and each value with its private header.
template <class T>
[[nodiscard]] result<bytes> encode_pickled(std::span<const T> values, pickle_kind kind) {
  return encode(std::vector<T>(values.begin(), values.end()), wire_format{.wire = to_layout(kind), .all = true});
}

}  // namespace dhcpm::test
