// MS-RPCE type serialization ("pickling", MesEncode/MesDecode): one common
// header, then for each value a private header and the value's NDR body,
// padded. Version 1 carries NDR 2.0 in either byte order; version 2 names its
// transfer syntax, NDR64 or NDR 2.0 (DESIGN.md §4).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "dhcpm/codec.hpp"

namespace dhcpm {

enum class pickle_kind : std::uint8_t {
  v1_ndr20,    // version 1, NDR 2.0 little-endian        (--layout pickle-ndr20)
  v1_ndr20be,  // version 1, NDR 2.0 big-endian           (--layout pickle-ndr20be)
  v2_ndr64,    // version 2, NDR64                        (--layout pickle-ndr64)
  v2_ndr20,    // version 2, NDR 2.0 little-endian        (--layout pickle2-ndr20)
};

[[nodiscard]] std::string_view to_string(pickle_kind kind) noexcept;  // "pickle-ndr20", ...
// The kind a layout names; std::nullopt for layout::pickle (any kind) and for
// layouts that are not type serialization.
[[nodiscard]] std::optional<pickle_kind> pickle_kind_of(layout wire) noexcept;
// The layout that names a kind (pickle-ndr20, pickle-ndr20be, pickle-ndr64, pickle2-ndr20).
[[nodiscard]] layout to_layout(pickle_kind kind) noexcept;

template <class T>
struct decoded_values {
  std::vector<T> values;        // every value in the buffer, in order
  pickle_kind kind{};           // what the common header said
  std::vector<error> warnings;  // lenient mode only
};

// Decodes every value of a pickled buffer. With `expect`, the header must
// describe that kind (strict encodings); without it, the header chooses.
[[nodiscard]] result<decoded_values<client_info>> decode_pickled_clients(
    byte_span input, std::optional<pickle_kind> expect = std::nullopt, const decode_options& options = {});
[[nodiscard]] result<decoded_values<client_info_array>> decode_pickled_arrays(
    byte_span input, std::optional<pickle_kind> expect = std::nullopt, const decode_options& options = {});

// Writes one common header and each value with its private header.
[[nodiscard]] result<bytes> encode_pickled(std::span<const client_info> values, pickle_kind kind);
[[nodiscard]] result<bytes> encode_pickled(std::span<const client_info_array> values, pickle_kind kind);

}  // namespace dhcpm
