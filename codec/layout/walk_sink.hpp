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

  // Set to false in a sink whose record_flat() reads only the pointer fields
  // and DataLength; the walker may then leave the other fields unread.
  static constexpr bool wants_flat_values = true;

  // Set to true in a sink that only notes where a record's parts are (a
  // view's index, a cursor): the lean walk of a record (ndr_walker's
  // fast_record) then gives it record_located() instead of record_begin,
  // record_flat, data_bytes, string_units and record_end.
  static constexpr bool takes_locations = false;

  void top_pointer(bool /*present*/) {}
  void record_begin(std::size_t /*offset*/) {}
  // The flat part of a record of the type flat_values_of names.
  template <class Record>
  void record_flat(const flat_values_of<Record>&) {}
  // n bytes at p, already checked to be in the input: the Data of the
  // record (or struct) Schema describes.
  template <class Schema>
  void data_bytes(const std::uint8_t* /*p*/, std::size_t /*n*/) {}
  // n UTF-16 units at p in the layout's byte order, the terminator excluded.
  template <class Schema>
  void string_units(record_field, const std::uint8_t* /*p*/, std::size_t /*n*/) {}
  void record_end() {}

  // The structs of the struct_array of the record Owner describes (it is the
  // record being walked): `count` of them. Each struct's events follow an
  // inline_element() call with its index: its flat part's, then (NDR: after
  // every struct's flat part) its pointees'.
  template <class Owner>
  void inline_elements_begin(std::uint64_t /*count*/) {}
  template <class Element>
  void inline_element(std::uint64_t /*index*/) {}
  void inline_elements_end() {}

  // The pointee of the struct_pointer of the record Owner describes: its
  // events (the struct's flat part, its pointees) come between these two.
  template <class Owner>
  void pointee_begin() {}
  void pointee_end() {}

  void array_begin(std::uint32_t /*num_elements*/, bool /*clients_present*/) {}
  // The pointer table: count slots of which records are non-NULL.
  void elements_begin(std::uint64_t /*count*/, std::uint64_t /*records*/) {}
  void element(std::uint64_t /*index*/, bool /*present*/) {}

  void return_value(std::uint32_t) {}
};

// The regions of a record's flat part at `at` (`size` bytes, trailing pad
// included): each field, and the padding between and after them. Pointer
// fields are referent_id regions (in a native image, addresses). With
// `fields` < the record's slot count, only the first `fields` fields (a record
// cut off by the end of the input: `size` then ends where the input does).
template <class Sink, class Record>
void report_flat_regions(Sink& sink, const record_layout_of<Record>& layout, const field_path& path, std::size_t at,
                         std::size_t size, std::size_t fields = slot_count<Record>) {
  std::size_t end = at;
  for (std::size_t i = 0; i < fields; ++i) {
    const field_slot s = layout.fields[i];
    if (s.size == 0) continue;  // an arm the layout leaves out; a union's tag in memory
    const auto f = static_cast<record_field>(i);
    if (at + s.offset > end) sink.region(region_kind::padding, path, end, at + s.offset - end);
    sink.region(is_pointer_field<Record>(f) ? region_kind::referent_id : region_kind::field, path.at(f),
                at + s.offset, s.size);
    end = at + s.offset + s.size;
  }
  if (at + size > end) sink.region(region_kind::padding, path, end, at + size - end);
}

}  // namespace dhcpm::detail
