// The one table of where each field of a record sits, per layout. The NDR
// walker, the encoder, the native image walker and dissection all read their
// offsets from here, so a layout is described exactly once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/record_types.hpp"
#include "layout/schema_layout.hpp"

namespace dhcpm::detail {

// A slot of a record's flat part (schema_layout.hpp): an index into
// wire_slots<Record> of the record being walked. The two DATE_TIMEs are two
// DWORDs each on the wire, and ClientHardwareAddress is DataLength and the
// Data pointer, so each of those fields has two slots.
enum class record_field : std::uint8_t {};

template <class Record>
[[nodiscard]] constexpr const wire_slot& slot_of(record_field f) noexcept {
  return wire_slots<Record>[static_cast<std::size_t>(f)];
}
template <class Record>
[[nodiscard]] constexpr const field_info& field_of(record_field f) noexcept {
  return field_table<Record>[slot_of<Record>(f).field];
}
template <class Record>
[[nodiscard]] constexpr bool is_pointer_field(record_field f) noexcept {
  return slot_of<Record>(f).part == slot_part::pointer;
}
// Whether the slot is on the wire in Record (union_arm.hpp: not an arm it leaves out).
template <class Record>
[[nodiscard]] constexpr bool is_present_slot(record_field f) noexcept {
  return is_present<Record>(slot_of<Record>(f).field);
}

namespace layout_detail {
template <class Record>
constexpr std::size_t count_slots(bool (*keep)(record_field)) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < slot_count<Record>; ++i) n += keep(static_cast<record_field>(i)) ? 1 : 0;
  return n;
}
// The slots of Record that Keep keeps, in member order.
template <class Record, bool (*Keep)(record_field)>
constexpr auto slots_where() noexcept {
  std::array<record_field, count_slots<Record>(Keep)> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < slot_count<Record>; ++i) {
    if (Keep(static_cast<record_field>(i))) out[n++] = static_cast<record_field>(i);
  }
  return out;
}
template <class Record>
constexpr bool is_present_pointer(record_field f) noexcept {
  return is_pointer_field<Record>(f) && is_present_slot<Record>(f);
}
// A pointer slot on the wire whose field is of kind K.
template <class Record, field_kind K>
constexpr bool is_pointer_of_kind(record_field f) noexcept {
  return is_present_pointer<Record>(f) && field_of<Record>(f).kind == K;
}
// Whether Record has a pointer of kind K on the wire; a record may have one at most.
template <class Record, field_kind K>
constexpr bool has_one_pointer_of_kind() noexcept {
  constexpr std::size_t n = count_slots<Record>(is_pointer_of_kind<Record, K>);
  static_assert(n <= 1, "at most one DHCP_BINARY_DATA, struct_array and struct_pointer per record");
  return n == 1;
}
template <class Record, field_kind K>
constexpr record_field the_pointer_of_kind() noexcept {
  static_assert(has_one_pointer_of_kind<Record, K>(), "the record has a pointer of this kind");
  return slots_where<Record, is_pointer_of_kind<Record, K>>()[0];
}
}  // namespace layout_detail

// The pointer slots on the wire, in member order: also the order of their pointees.
template <class Record>
inline constexpr auto pointer_fields_of = layout_detail::slots_where<Record, layout_detail::is_present_pointer<Record>>();
// The LPWSTR slots, in member order.
template <class Record>
inline constexpr auto string_fields_of =
    layout_detail::slots_where<Record, layout_detail::is_pointer_of_kind<Record, field_kind::lpwstr>>();
// Whether Record has a DHCP_BINARY_DATA on the wire (a client record's
// ClientHardwareAddress; a union arm's), and then that one's Data pointer and
// the DataLength slot just before it.
template <class Record>
inline constexpr bool has_binary_data = layout_detail::has_one_pointer_of_kind<Record, field_kind::binary_data>();
template <class Record>
inline constexpr record_field data_field_of = layout_detail::the_pointer_of_kind<Record, field_kind::binary_data>();
template <class Record>
inline constexpr record_field data_length_field_of =
    static_cast<record_field>(static_cast<std::size_t>(data_field_of<Record>) - 1);

// Whether Record has a struct_array (DHCP_PROPERTY_ARRAY's Elements), and then
// its pointer slot, the slot of the count before it, and the struct type.
template <class Record>
inline constexpr bool has_inline_array = layout_detail::has_one_pointer_of_kind<Record, field_kind::struct_array>();
template <class Record>
inline constexpr record_field inline_array_field_of = [] {
  constexpr record_field f = layout_detail::the_pointer_of_kind<Record, field_kind::struct_array>();
  static_assert(static_cast<std::size_t>(f) > 0 && field_of<Record>(static_cast<record_field>(static_cast<std::size_t>(f) - 1)).kind == field_kind::u32,
                "a struct_array follows the DWORD that counts it");
  return f;
}();
template <class Record>
inline constexpr record_field inline_count_field_of =
    static_cast<record_field>(static_cast<std::size_t>(inline_array_field_of<Record>) - 1);
template <class Record>
using inline_element_of = typename record_schema<whole_record_t<Record>>::inline_element;

// Whether Record has a struct_pointer (DHCP_CLIENT_INFO_EX's Properties), and
// then its slot and the struct type it points to. It must be the last pointer
// of its record: the walkers and encoders take its pointee after the others.
template <class Record>
inline constexpr bool has_struct_pointer = layout_detail::has_one_pointer_of_kind<Record, field_kind::struct_pointer>();
template <class Record>
inline constexpr record_field struct_pointer_field_of = [] {
  constexpr record_field f = layout_detail::the_pointer_of_kind<Record, field_kind::struct_pointer>();
  constexpr auto pointers = layout_detail::slots_where<Record, layout_detail::is_present_pointer<Record>>();
  static_assert(pointers.back() == f, "the struct_pointer is the record's last pointer");
  return f;
}();
template <class Record>
using pointee_of = typename record_schema<whole_record_t<Record>>::pointee;

// A union's tag slot, and the slot of the member whose value switches it.
template <class Record>
inline constexpr record_field tag_field_of = [] {
  std::size_t s = 0;
  while (wire_slots<Record>[s].field != union_field_of<Record>) ++s;
  return static_cast<record_field>(s);
}();
template <class Record>
inline constexpr record_field selector_field_of = [] {
  std::size_t s = 0;
  while (wire_slots<Record>[s].field != field_table<Record>[union_field_of<Record>].selector) ++s;
  return static_cast<record_field>(s);
}();

// The failover record's, which the NDR walker and encoder (the plain record
// only) and the views use.
inline constexpr std::size_t record_field_count = slot_count<client_info>;
inline constexpr const auto& record_pointer_fields = pointer_fields_of<client_info>;
inline constexpr const auto& string_fields = string_fields_of<client_info>;
inline constexpr record_field data_field = data_field_of<client_info>;
inline constexpr record_field data_length_field = data_length_field_of<client_info>;
static_assert(slot_of<client_info>(data_length_field).part == slot_part::length);

// The path of a slot relative to the record ("OwnerHost.HostName"), from the schema.
[[nodiscard]] constexpr std::string_view record_field_path(record_field f) noexcept {
  return slot_path<client_info>(static_cast<std::size_t>(f));
}

template <class Record>
struct record_layout_of {
  std::uint16_t size;       // bytes of the flat part, trailing pad included
  std::uint8_t alignment;   // of the struct
  std::array<field_slot, slot_count<Record>> fields;

  [[nodiscard]] constexpr field_slot operator[](record_field f) const noexcept {
    return fields[static_cast<std::size_t>(f)];
  }
};
using record_layout = record_layout_of<client_info>;  // the plain record's

// The schema's fields placed by a layout's rules.
template <class Record = client_info>
[[nodiscard]] constexpr record_layout_of<Record> make_record_layout(const layout_rules& rules) noexcept {
  const auto placed = place_record<Record>(rules);
  return record_layout_of<Record>{placed.size, placed.alignment, placed.slots};
}

// Record's layout under Rules, built once.
template <class Record, layout_rules Rules>
inline constexpr record_layout_of<Record> placed_layout = make_record_layout<Record>(Rules);

// The _ARRAY's two slots (its schema: NumElements, then Clients).
enum class array_field : std::uint8_t {
  num_elements = first_field_of_kind<client_info_array, field_kind::u32>,
  clients = first_field_of_kind<client_info_array, field_kind::pointer_array>,
};
static_assert(slot_count<client_info_array> == 2 && static_cast<int>(array_field::num_elements) == 0 &&
              static_cast<int>(array_field::clients) == 1, "an _ARRAY is its count, then its pointer");

[[nodiscard]] constexpr std::string_view array_field_path(array_field f) noexcept {
  return slot_path<client_info_array>(static_cast<std::size_t>(f));
}

struct array_layout {
  std::uint8_t size;
  std::uint8_t alignment;
  field_slot num_elements;
  field_slot clients;  // pointer
};

// The array's schema placed by a layout's rules.
[[nodiscard]] constexpr array_layout make_array_layout(const layout_rules& rules) noexcept {
  const auto placed = place_record<client_info_array>(rules);
  return array_layout{static_cast<std::uint8_t>(placed.size), placed.alignment, placed.slots[0], placed.slots[1]};
}

// NDR 2.0: pointers 4, enum 2, align 4, no trailing pad (DESIGN.md §2).
inline constexpr const record_layout& ndr20_record_layout = placed_layout<client_info, ndr20_rules>;
inline constexpr array_layout ndr20_array_layout = make_array_layout(ndr20_rules);

// NDR64 and native x64 share offsets: pointers 8, enum 4, align 8, size a
// multiple of 8 (DESIGN.md §3, §5).
inline constexpr const record_layout& x64_record_layout = placed_layout<client_info, x64_rules>;
inline constexpr array_layout x64_array_layout = make_array_layout(x64_rules);
inline constexpr const record_layout& ndr64_record_layout = x64_record_layout;
inline constexpr const array_layout& ndr64_array_layout = x64_array_layout;
static_assert(make_record_layout(ndr64_rules).size == x64_record_layout.size);

// Native x86: pointers 4, enum 4, align 4.
inline constexpr const record_layout& x86_record_layout = placed_layout<client_info, x86_rules>;
inline constexpr array_layout x86_array_layout = make_array_layout(x86_rules);

// The schema's native offsets are where the rules put the fields, and the
// sizes are DESIGN.md's.
static_assert([]<std::size_t... I>(std::index_sequence<I...>) {
  return (native_offsets_agree<std::tuple_element_t<I, record_type_list>>() && ...);
}(std::make_index_sequence<record_type_count>{}));
static_assert(ndr20_array_layout.size == 8 && ndr20_array_layout.clients.offset == 4 && x64_array_layout.size == 16 &&
              x64_array_layout.clients.offset == 8 && x86_array_layout.size == 8);
static_assert(ndr20_record_layout.size == 93 && x64_record_layout.size == 136 && x86_record_layout.size == 100);

// Every layout's fields are in member order, inside the struct, and do not
// overlap: checked here once so no reader has to.
template <class Record>
constexpr bool fields_are_ordered(const record_layout_of<Record>& l) {
  std::size_t end = 0;
  for (const field_slot& s : l.fields) {
    if (s.size == 0) continue;  // an arm the layout leaves out
    if (s.offset < end || s.offset % s.size != 0) return false;
    end = std::size_t{s.offset} + s.size;
  }
  return end <= l.size;
}
static_assert(fields_are_ordered(ndr20_record_layout));
static_assert(fields_are_ordered(x64_record_layout));
static_assert(fields_are_ordered(x86_record_layout));
static_assert(x64_record_layout.size % 8 == 0 && x86_record_layout.size % 4 == 0);  // native: trailing pad
static_assert(fields_are_ordered(placed_layout<client_info_ex, x64_rules>) &&
              fields_are_ordered(placed_layout<client_info_ex, x86_rules>));

}  // namespace dhcpm::detail
