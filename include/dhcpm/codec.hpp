// The generic decode, encode and validate entry points: every record type,
// framing and layout (NDR 2.0 / NDR64, type serialization, native images).
//
// Decoding takes bytes the caller owns and returns an owning value (plus the
// warnings of lenient mode); encoding gives canonical bytes: zero padding and
// referent ids 0x00020000 + 4k, exactly as Windows and Samba write them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm {

using byte_span = std::span<const std::uint8_t>;
using bytes = std::vector<std::uint8_t>;

template <class T>
struct decoded {
  T value;
  std::vector<error> warnings;  // lenient mode only; always empty in strict mode
  // The layout the bytes were read in: the format's, except that layout::pickle
  // (any kind) becomes the kind the common header named (pickle-ndr64, ...).
  layout wire = layout::ndr20;
};

// The C++ value that each framing decodes to and encodes from:
//   Record                     framing::bare (a record type: client_info, client_info_array,
//                              client_info_ex)
//   std::optional<Record>      framing::ptr (std::nullopt: a NULL pointer)
//   get_client_info_response   framing::response
//   std::vector<Record>        every value of a pickled buffer (wire_format::all)
template <class Value>
struct framed_value {
  using record = Value;
  static constexpr framing frame = framing::bare;
  static constexpr bool several = false;
};
template <class Record>
struct framed_value<std::optional<Record>> {
  using record = Record;
  static constexpr framing frame = framing::ptr;
  static constexpr bool several = false;
};
template <>
struct framed_value<get_client_info_response> {
  using record = client_info;
  static constexpr framing frame = framing::response;
  static constexpr bool several = false;
};
template <class Record>
struct framed_value<std::vector<Record>> {
  using record = Record;
  static constexpr framing frame = framing::bare;
  static constexpr bool several = true;
};

// Calls body(std::type_identity<Value>{}) with the Value of Record that
// `format` reads and writes (its framing; every pickled value with `all`). A
// pair with no Value (an array in a response) gets Record itself, which
// decode and encode refuse as check_format does.
template <class Record, class Body>
decltype(auto) with_framed_value(const wire_format& format, Body&& body) {
  if constexpr (!record_schema<Record>::native_only) {  // a memory image holds one bare record
    if (format.all) return body(std::type_identity<std::vector<Record>>{});
    if (format.frame == framing::ptr) return body(std::type_identity<std::optional<Record>>{});
  }
  if constexpr (std::is_same_v<Record, client_info>) {
    if (format.frame == framing::response) return body(std::type_identity<get_client_info_response>{});
  }
  return body(std::type_identity<Record>{});
}

// The format of a Value in layout `wire`: its framing, and every pickled value for a vector.
template <class Value>
[[nodiscard]] constexpr wire_format format_for(layout wire) noexcept {
  return wire_format{.wire = wire, .frame = framed_value<Value>::frame, .all = framed_value<Value>::several};
}

// Decodes the Value that `format` says is in `input` (the generic entry
// point: every record type, framing and layout). The format's framing and
// `all` must be the Value's (framed_value); a pair check_format refuses is
// refused the same way.
template <class Value>
[[nodiscard]] result<decoded<Value>> decode(byte_span input, const wire_format& format,
                                            const decode_options& options = {});
template <class Value>
[[nodiscard]] result<decoded<Value>> decode(byte_span input, layout wire, const decode_options& options = {}) {
  return decode<Value>(input, format_for<Value>(wire), options);
}

// Encodes `value` where `format` says (for an image: at format.base); the
// canonical bytes. The format's framing must be the Value's.
template <class Value>
[[nodiscard]] result<bytes> encode(const Value& value, const wire_format& format);
template <class Value>
[[nodiscard]] result<bytes> encode(const Value& value, layout wire) {
  return encode(value, format_for<Value>(wire));
}

// The same into `out`, which it replaces, keeping its capacity; returns the
// size written. A program that encodes value after value (a generator, a
// fuzzer) into one buffer touches fresh memory only when a value is larger
// than any before it: for a 300 MB array, the page faults of fresh memory
// take longer than the encoding. On failure `out` holds no bytes of the value.
template <class Value>
[[nodiscard]] result<std::size_t> encode_into(const Value& value, const wire_format& format, bytes& out);
template <class Value>
[[nodiscard]] result<std::size_t> encode_into(const Value& value, layout wire, bytes& out) {
  return encode_into(value, format_for<Value>(wire), out);
}

// Checks that `input` holds a valid value of `type` where `format` says —
// every check of decoding, with the same errors, offsets and paths — without
// building it. Returns the warnings of lenient mode (empty when strict).
[[nodiscard]] result<std::vector<error>> validate(byte_span input, value_type type, const wire_format& format,
                                                  const decode_options& options = {});

}  // namespace dhcpm
