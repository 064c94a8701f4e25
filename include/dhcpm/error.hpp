// Errors are values: a code, the byte offset where the problem was found, and
// the path of the field being read (`Clients[3].OwnerHost.HostName`).
// dhcpm never throws for any input, value or option: every fallible call
// returns result<T>. Only running out of memory escapes, as the std::bad_alloc
// of the allocations a value is made of (the C API turns it into
// DHCPM_ERR_OUT_OF_MEMORY); the decode limits keep hostile input from
// getting anywhere near that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dhcpm {

enum class error_code : std::uint8_t {
  // Bad input (the bytes are wrong).
  truncated = 1,             // the value needs more bytes than there are
  conformance_mismatch,      // max_count differs from its size_is field (DataLength, NumElements)
  nonzero_string_offset,     // a conformant-varying string with offset != 0
  actual_count_exceeds_max,  // a string's actual_count is larger than its max_count
  missing_terminator,        // a string whose last unit is not NUL (or with no units at all)
  count_exceeds_input,       // a count that cannot fit in the bytes that remain
  trailing_bytes,            // bytes left over after the value
  null_with_nonzero_size,    // DataLength/NumElements != 0 with a NULL pointer (strict only)
  invalid_header,            // a type serialization header with a wrong version, DREP, length or syntax
  length_mismatch,           // ObjectBufferLength disagrees with the bytes present or the value
  nonzero_padding,           // a pickled body's padding is not zero (strict only)
  missing_trailing_pad,      // an NDR64 struct that ends the input without its trailing pad (strict only)
  pointer_out_of_image,      // a native pointer whose pointee does not lie wholly inside the image
  misaligned_pointer,        // a native pointer not aligned for its pointee (strict only)
  overlapping_pointee,       // a native array record overlapping the array's pointer table (strict only)
  // Limits from decode_options.
  element_limit,             // more array elements than max_elements
  string_limit,              // a string longer than max_string_units
  decoded_size_limit,        // the decoded value would exceed max_decoded_bytes
  // Values that a layout cannot hold (encode) or that are inconsistent.
  value_out_of_range,        // e.g. a Status above 65535 in NDR 2.0
  inconsistent_value,        // e.g. Data holding a different number of bytes than DataLength
  invalid_json,              // JSON that is not a value of the requested type
  unsupported,               // a layout that cannot carry the framing asked for (a pickled response)
  // Bad input again (added later: the numbers above are part of the C API).
  invalid_referent_id,       // an NDR64 referent id above 0xFFFFFFFF (Samba refuses it; strict only)
  invalid_union_tag,         // a union discriminant that selects no arm, or a tag that differs from it
  // A bug in dhcpm, never bad input. Fuzzers turn it into a crash.
  internal_error = 255,
};

// Stable lower-case identifier, used in the CLI's error line (`truncated`).
[[nodiscard]] std::string_view to_string(error_code code) noexcept;

struct error {
  error_code code{error_code::internal_error};
  std::uint64_t offset = 0;  // byte offset in the input (decode) or output (encode)
  std::string path;          // field path; empty for the value as a whole
  std::string message;       // one human sentence, without the path or offset

  friend bool operator==(const error&, const error&) = default;
};

// `<code> at offset 0x<hex>: <path>: <message>` — the CLI's error line without "error: ".
[[nodiscard]] std::string format_error(const error& e);

// An expected-shaped result (GCC 12 / clang 14 have no usable std::expected).
template <class T>
class [[nodiscard]] result {
 public:
  // Implicit on purpose (return value; / return error{...};). By reference,
  // not by value: a returned value is moved into the result once, not twice
  // (a large value's move and destruction are a fixed cost of every call).
  result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}          // NOLINT
  result(const T& value) : state_(std::in_place_index<0>, value) {}                // NOLINT
  result(error&& failure) : state_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT
  result(const error& failure) : state_(std::in_place_index<1>, failure) {}        // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  [[nodiscard]] T& value() & { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const error& error_value() const& { return std::get<1>(state_); }
  [[nodiscard]] error&& error_value() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, error> state_;
};

}  // namespace dhcpm
