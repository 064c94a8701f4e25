// Type serialization around the NDR encoder: a common header, then per value
// a private header whose ObjectBufferLength covers the body and its padding.
// (Decoding is the driver's: drive/walk_driver.hpp walks every value under one
// shared budget.)
#include <algorithm>
#include <optional>
#include <type_traits>
#include <string>
#include <utility>

#include "dhcpm/pickle.hpp"
#include "dhcpm/record_types.hpp"
#include "ndr/ndr_encoder.hpp"
#include "pickle/pickle_codec.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"

namespace dhcpm {
namespace detail {

template <class T>
result<bytes> encode_pickled_values(std::span<const T> values, pickle_kind kind, bytes into) {
  if (values.empty()) {  // a common header alone is a buffer that decoding refuses: no value follows it
    return error{error_code::unsupported, 0, "", "type serialization needs at least one value to encode"};
  }
  const pickle_stream stream = stream_of(kind);
  bytes out = std::move(into);
  out.clear();
  write_common_header(out, stream);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::size_t header = begin_private_header(out, stream);
    const std::size_t body = out.size();
    const std::optional<error> failure = with_body_format(kind, [&](auto format) -> std::optional<error> {
      ndr_encoder<decltype(format)> encoder(out);
      bool written = false;
      if constexpr (is_record_array<T>) {
        written = encoder.array(values[i], root_path_of<T>);
      } else {
        written = encoder.record(values[i], root_path_of<T>);
      }
      if (!written) return encoder.take_failure();
      return std::nullopt;
    });
    if (failure) return *failure;
    const std::size_t padded = (out.size() - body + stream.body_alignment - 1) / stream.body_alignment *
                               stream.body_alignment;
    if (padded > UINT32_MAX) {
      return error{error_code::value_out_of_range, header, std::string(object_length_path),
                   "the value is too large for a 32-bit ObjectBufferLength"};
    }
    out.resize(body + padded, 0);
    patch_private_header(out, stream, header, static_cast<std::uint32_t>(padded));
  }
  return out;
}

// Every record type (the native-only _EX never reaches here: check_format refuses it).
#define DHCPM_INSTANTIATE(R) template result<bytes> encode_pickled_values(std::span<const R>, pickle_kind, bytes);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE

}  // namespace detail

std::optional<pickle_kind> pickle_kind_of(layout wire) noexcept {
  switch (wire) {
    case layout::pickle_ndr20: return pickle_kind::v1_ndr20;
    case layout::pickle_ndr20be: return pickle_kind::v1_ndr20be;
    case layout::pickle_ndr64: return pickle_kind::v2_ndr64;
    case layout::pickle2_ndr20: return pickle_kind::v2_ndr20;
    default: return std::nullopt;
  }
}

std::string_view to_string(pickle_kind kind) noexcept {
  switch (kind) {
    case pickle_kind::v1_ndr20: return "pickle-ndr20";
    case pickle_kind::v1_ndr20be: return "pickle-ndr20be";
    case pickle_kind::v2_ndr64: return "pickle-ndr64";
    case pickle_kind::v2_ndr20: return "pickle2-ndr20";
  }
  return "unknown";
}

layout to_layout(pickle_kind kind) noexcept {
  switch (kind) {
    case pickle_kind::v1_ndr20be: return layout::pickle_ndr20be;
    case pickle_kind::v2_ndr64: return layout::pickle_ndr64;
    case pickle_kind::v2_ndr20: return layout::pickle2_ndr20;
    case pickle_kind::v1_ndr20: break;
  }
  return layout::pickle_ndr20;
}

}  // namespace dhcpm
