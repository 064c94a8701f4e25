// What differs between the Windows x64 (LLP64) and x86 layouts of the records
// (each record's own layout under `rules`: flat_values.hpp's layout_in;
// `array` is every _ARRAY's header, the same for all).
#pragma once

#include <cstddef>
#include <cstdint>

#include "dhcpm/options.hpp"
#include "layout/record_layout.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

struct x64_format {
  static constexpr layout wire = layout::x64;
  static constexpr order byte_order = order::little;
  static constexpr std::size_t pointer_size = 8;
  static constexpr std::uint64_t max_address = UINT64_MAX;
  static constexpr layout_rules rules = x64_rules;
  static constexpr const array_layout& array = x64_array_layout;
};

struct x86_format {
  static constexpr layout wire = layout::x86;
  static constexpr order byte_order = order::little;
  static constexpr std::size_t pointer_size = 4;
  static constexpr std::uint64_t max_address = UINT32_MAX;
  static constexpr layout_rules rules = x86_rules;
  static constexpr const array_layout& array = x86_array_layout;
};

}  // namespace dhcpm::detail
