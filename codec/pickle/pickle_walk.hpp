// The framing of a type-serialized buffer: the common header, then for each
// value a private header and a body padded to 8 or 16. walk_pickled checks
// all of it and calls back once per body with the NDR format the header
// names and a reader limited to that body, so that decoding, views and
// dissection run their own NDR walk inside it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/pickle.hpp"
#include "layout/walk_checks.hpp"
#include "ndr/ndr_format.hpp"
#include "pickle/pickle_header.hpp"

namespace dhcpm::detail {

inline constexpr std::string_view object_length_path = "PrivateHeader.ObjectBufferLength";

// Calls body with a value of the NDR format type that carries `kind`'s bodies.
template <class Body>
auto with_body_format(pickle_kind kind, Body&& body) {
  switch (kind) {
    case pickle_kind::v1_ndr20be: return body(ndr20_be{});
    case pickle_kind::v2_ndr64: return body(ndr64_format{});
    case pickle_kind::v1_ndr20:
    case pickle_kind::v2_ndr20: break;
  }
  return body(ndr20_le{});
}

// What the per-body callback reports back.
struct body_walk {
  std::uint64_t budget = 0;  // in: charged so far; out: charged after this body
  std::size_t value_end = 0;  // out: where the value's bytes end
};

// Where the body of the value whose private header is at `at` lies:
// [body, body_end). false (with `failure` set) when the header is cut off or
// its ObjectBufferLength is wrong; `index` counts the values before it.
inline bool pickled_body_bounds(std::span<const std::uint8_t> input, const pickle_stream& stream, std::size_t at,
                                std::size_t index, std::size_t& body, std::size_t& body_end, error& failure) {
  if (input.size() - at < stream.private_header_size) {
    failure = error{error_code::truncated, at, std::string(object_length_path),
                    index == 0 ? "no value follows the common header" : "the private header is cut off"};
    return false;
  }
  const std::uint32_t length = stream.byte_order == order::big ? load<std::uint32_t, 4, order::big>(input.data() + at)
                                                               : load<std::uint32_t, 4, order::little>(input.data() + at);
  body = at + stream.private_header_size;
  if (length % stream.body_alignment != 0) {
    failure = error{error_code::length_mismatch, at, std::string(object_length_path),
                    "ObjectBufferLength " + std::to_string(length) + " is not a multiple of " +
                        std::to_string(stream.body_alignment)};
    return false;
  }
  if (length > input.size() - body) {
    failure = error{error_code::length_mismatch, at, std::string(object_length_path),
                    "ObjectBufferLength " + std::to_string(length) + " exceeds the " +
                        std::to_string(input.size() - body) + " bytes that remain"};
    return false;
  }
  body_end = body + length;
  return true;
}

// The checks after a value that ends at `value_end` in the body [body,
// body_end) whose private header is at `at`: what is left of the body is
// padding, shorter than the alignment and zero; with `single`, nothing may
// follow the body. `last` says whether the buffer ends here.
inline bool pickled_body_end(std::span<const std::uint8_t> input, const pickle_stream& stream, std::size_t at,
                             std::size_t body, std::size_t body_end, std::size_t value_end, bool single,
                             walk_checks& checks, error& failure, bool& last) {
  const std::uint64_t length = body_end - body;
  if (body_end - value_end >= stream.body_alignment) {
    failure = error{error_code::length_mismatch, at, std::string(object_length_path),
                    "ObjectBufferLength " + std::to_string(length) + " but the value takes " +
                        std::to_string(value_end - body) + " bytes"};
    return false;
  }
  const auto* nonzero =
      std::find_if(input.data() + value_end, input.data() + body_end, [](std::uint8_t b) { return b != 0; });
  if (nonzero != input.data() + body_end &&
      !checks.soft(error_code::nonzero_padding, static_cast<std::size_t>(nonzero - input.data()), field_path{},
                   "the body's padding is not zero")) {
    failure = checks.take_failure();
    return false;
  }
  last = body_end == input.size() || single;
  if (body_end != input.size() && single &&
      !checks.soft(error_code::trailing_bytes, body_end, field_path{},
                   std::to_string(input.size() - body_end) + " bytes (more pickled values?) after the value")) {
    failure = checks.take_failure();
    return false;
  }
  return true;
}

// Walks every value of the buffer (with `single`, exactly one: more are
// trailing bytes). walk_body(format, reader, index, state) -> bool runs the
// NDR walk of one body; on false it has stored its error in `failure`.
template <class WalkBody>
bool walk_pickled(std::span<const std::uint8_t> input, std::optional<pickle_kind> expect,
                  const decode_options& options, bool single, std::vector<error>& warnings, error& failure,
                  pickle_kind& kind, WalkBody&& walk_body) {
  walk_checks checks(options, warnings);
  result<pickle_stream> header = read_common_header(input, expect);
  if (!header) {
    failure = std::move(header).error_value();
    return false;
  }
  const pickle_stream stream = *header;
  kind = stream.kind;
  body_walk state;
  std::size_t at = stream.common_header_size;
  for (std::size_t index = 0;; ++index) {
    std::size_t body = 0;
    std::size_t body_end = 0;
    if (!pickled_body_bounds(input, stream, at, index, body, body_end, failure)) return false;
    const bool walked = with_body_format(stream.kind, [&](auto format) {
      return walk_body(format, byte_reader(input.first(body_end), body), index, state);
    });
    if (!walked) return false;
    bool last = false;
    if (!pickled_body_end(input, stream, at, body, body_end, state.value_end, single, checks, failure, last)) {
      return false;
    }
    if (last) return true;
    at = body_end;
  }
}

}  // namespace dhcpm::detail
