// What a walker (NDR or native image) tells its sink. A sink is any class with these members;
// deriving from walk_sink_base gives no-op defaults, so a sink implements only
// what it consumes: building a value, indexing a view, or naming every byte
// region for dissection. All checks live in the walker, none in a sink.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "layout/field_path.hpp"
#include "layout/flat_values.hpp"
#include "layout/record_layout.hpp"

namespace dhcpm::detail {

enum class region_kind : std::uint8_t {
  field,          // a scalar field of a flat part
  padding,        // alignment or trailing pad
  referent_id,    // a unique pointer
  max_count,      // conformance
  string_offset,  // variance: offset
  actual_count,   // variance: actual_count
  string_units,   // UTF-16 units, terminator included
  data_bytes,     // the bytes of ClientHardwareAddress.Data
  return_value,   // the opnum 98 DWORD
};

struct walk_sink_base {
  // Set to true in a sink that wants region() calls (dissection); the walker
  // skips computing them otherwise.
  static constexpr bool wants_regions = false;
  void region(region_kind, const field_path&, std::size_t /*offset*/, std::size_t /*length*/) {}

  void top_pointer(bool /*present*/) {}
  void record_begin(std::size_t /*offset*/) {}
  void record_flat(const flat_values&) {}
  // n bytes at p, already checked to be in the input.
  void data_bytes(const std::uint8_t* /*p*/, std::size_t /*n*/) {}
  // n UTF-16 units at p in the layout's byte order, the terminator excluded.
  void string_units(record_field, const std::uint8_t* /*p*/, std::size_t /*n*/) {}
  void record_end() {}

  void array_begin(std::uint32_t /*num_elements*/, bool /*clients_present*/) {}
  // The pointer table: count slots of which records are non-NULL.
  void elements_begin(std::uint64_t /*count*/, std::uint64_t /*records*/) {}
  void element(std::uint64_t /*index*/, bool /*present*/) {}

  void return_value(std::uint32_t) {}
};

}  // namespace dhcpm::detail
