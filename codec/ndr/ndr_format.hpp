// The parameters that make NDR 2.0 (either byte order) and NDR64 differ, so
// one walker and one encoder serve all three (DESIGN.md §2-3).
#pragma once

#include <cstddef>
#include <cstdint>

#include "dhcpm/options.hpp"
#include "layout/record_layout.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

template <order O>
struct ndr20_format {
  static constexpr layout wire = O == order::big ? layout::ndr20be : layout::ndr20;
  static constexpr order byte_order = O;
  static constexpr std::size_t pointer_size = 4;  // referent ids
  static constexpr std::size_t count_size = 4;    // max_count, offset, actual_count
  static constexpr std::size_t status_size = 2;   // enums are 16-bit
  static constexpr std::uint64_t referent_mask = 0xFFFFFFFFu;  // the whole id
  static constexpr layout_rules rules = ndr20_rules;
  static constexpr const array_layout& array = ndr20_array_layout;
};

struct ndr64_format {
  static constexpr layout wire = layout::ndr64;
  static constexpr order byte_order = order::little;
  static constexpr std::size_t pointer_size = 8;
  static constexpr std::size_t count_size = 8;
  static constexpr std::size_t status_size = 4;
  // Referent ids are 8 bytes, and an id with a non-zero upper half is not
  // NULL: Samba's NDR64 pull refuses any id above 0xFFFFFFFF, and so does
  // strict decoding (invalid_referent_id at the pointer). Lenient decoding
  // warns and lets the low half decide, which reads Impacket's NULL (4 zero
  // bytes and 4 bytes of filler) as the NULL it means.
  static constexpr std::uint64_t referent_mask = 0xFFFFFFFFu;
  static constexpr layout_rules rules = ndr64_rules;
  static constexpr const array_layout& array = ndr64_array_layout;
};

using ndr20_le = ndr20_format<order::little>;
using ndr20_be = ndr20_format<order::big>;

// Calls body with a value of the format type that an NDR layout names
// (ndr20, ndr20be or ndr64; callers route other layouts elsewhere).
template <class Body>
auto with_ndr_format(layout wire, Body&& body) {
  switch (wire) {
    case layout::ndr20be: return body(ndr20_be{});
    case layout::ndr64: return body(ndr64_format{});
    default: break;
  }
  return body(ndr20_le{});
}

}  // namespace dhcpm::detail
