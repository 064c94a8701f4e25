// MS-RPCE type serialization ("pickling", MesEncode/MesDecode): one common
// header, then for each value a private header and the value's NDR body,
// padded. Version 1 carries NDR 2.0 in either byte order; version 2 names its
// transfer syntax, NDR64 or NDR 2.0 (DESIGN.md §4).
//
// The generic calls of codec.hpp read and write them: decode<std::vector<R>>
// with wire_format{.wire = layout::pickle, .all = true} gives every value (and
// in decoded::wire the kind the header named); encode of a std::vector<R>
// writes them. This header names the kinds.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "dhcpm/options.hpp"

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

}  // namespace dhcpm
