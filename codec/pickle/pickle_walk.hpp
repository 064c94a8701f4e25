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

// Walks every value of the buffer (with `single`, exactly one: more are
// trailing bytes). walk_body(format, reader, index, state) -> bool runs the
// NDR walk of one body; on false it has stored its error in `failure`.
template <class WalkBody>
bool walk_pickled(std::span<const std::uint8_t> input, std::optional<pickle_kind> expect,
                  const decode_options& options, bool single, std::vector<error>& warnings, error& failure,
                  pickle_kind& kind, WalkBody&& walk_body) {
  walk_checks checks(options, warnings);
  const auto stop = [&](error e) {
    failure = std::move(e);
    return false;
  };
  result<pickle_stream> header = read_common_header(input, expect);
  if (!header) return stop(std::move(header).error_value());
  const pickle_stream stream = *header;
  kind = stream.kind;
  body_walk state;
  std::size_t at = stream.common_header_size;
  for (std::size_t index = 0;; ++index) {
    if (input.size() - at < stream.private_header_size) {
      return stop(error{error_code::truncated, at, std::string(object_length_path),
                        index == 0 ? "no value follows the common header" : "the private header is cut off"});
    }
    const std::uint32_t length = stream.byte_order == order::big ? load<std::uint32_t, 4, order::big>(input.data() + at)
                                                                 : load<std::uint32_t, 4, order::little>(input.data() + at);
    const std::size_t body = at + stream.private_header_size;
    if (length % stream.body_alignment != 0) {
      return stop(error{error_code::length_mismatch, at, std::string(object_length_path),
                        "ObjectBufferLength " + std::to_string(length) + " is not a multiple of " +
                            std::to_string(stream.body_alignment)});
    }
    if (length > input.size() - body) {
      return stop(error{error_code::length_mismatch, at, std::string(object_length_path),
                        "ObjectBufferLength " + std::to_string(length) + " exceeds the " +
                            std::to_string(input.size() - body) + " bytes that remain"});
    }
    const std::size_t body_end = body + length;
    const bool walked = with_body_format(stream.kind, [&](auto format) {
      return walk_body(format, byte_reader(input.first(body_end), body), index, state);
    });
    if (!walked) return false;
    // What is left of the body is padding: shorter than the alignment, zeros.
    if (body_end - state.value_end >= stream.body_alignment) {
      return stop(error{error_code::length_mismatch, at, std::string(object_length_path),
                        "ObjectBufferLength " + std::to_string(length) + " but the value takes " +
                            std::to_string(state.value_end - body) + " bytes"});
    }
    const auto* nonzero = std::find_if(input.data() + state.value_end, input.data() + body_end,
                                       [](std::uint8_t b) { return b != 0; });
    if (nonzero != input.data() + body_end &&
        !checks.soft(error_code::nonzero_padding, static_cast<std::size_t>(nonzero - input.data()), field_path{},
                     "the body's padding is not zero")) {
      return stop(checks.take_failure());
    }
    at = body_end;
    if (at == input.size()) return true;
    if (single) {
      if (!checks.soft(error_code::trailing_bytes, at, field_path{},
                       std::to_string(input.size() - at) + " bytes (more pickled values?) after the value")) {
        return stop(checks.take_failure());
      }
      return true;
    }
  }
}

}  // namespace dhcpm::detail
