// A record's flat part as numbers: read from bytes or written to bytes by a
// layout table, and converted to and from the scalar fields of the record's
// value. Walkers, encoders and the value builder all go through here, so the
// mapping between wire fields and value members exists once, from the schema.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "dhcpm/client_info.hpp"
#include "dhcpm/client_info_schema.hpp"
#include "layout/record_layout.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// Indexed by record_field, widened to 64 bits. Pointer fields hold the
// referent id or address (0 = NULL). The type names its record, so a sink
// knows which record's fields it is given.
template <class Record>
struct flat_values_of : std::array<std::uint64_t, slot_count<Record>> {
  using record = Record;
};
using flat_values = flat_values_of<client_info>;

template <class Record>
[[nodiscard]] constexpr std::uint64_t& field(flat_values_of<Record>& v, record_field f) noexcept {
  return v[static_cast<std::size_t>(f)];
}
template <class Record>
[[nodiscard]] constexpr std::uint64_t field(const flat_values_of<Record>& v, record_field f) noexcept {
  return v[static_cast<std::size_t>(f)];
}

// Record's layout in Format (NDR or native: each format names its rules).
template <class Format, class Record>
inline constexpr const record_layout_of<Record>& layout_in = placed_layout<Record, Format::rules>;

// Loads every field at p as Format's layout table and byte order say.
template <class Format, class Record>
inline void load_flat(const std::uint8_t* p, flat_values_of<Record>& out) noexcept {
  constexpr const auto& l = layout_in<Format, Record>;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((out[I] = load_uint<Format::byte_order>(p + l.fields[I].offset, l.fields[I].size)), ...);
  }(std::make_index_sequence<slot_count<Record>>{});
}

// Loads only the pointer fields and DataLength: what a walk needs to find the
// pointees, for a sink that does not want the scalars (wants_flat_values).
template <class Record>
inline constexpr auto pointer_walk_fields = [] {
  constexpr std::size_t lengths = has_binary_data<Record> ? 1 : 0;
  std::array<record_field, pointer_fields_of<Record>.size() + lengths> out{};
  if constexpr (lengths == 1) out[0] = data_length_field_of<Record>;
  for (std::size_t i = 0; i < pointer_fields_of<Record>.size(); ++i) out[i + lengths] = pointer_fields_of<Record>[i];
  return out;
}();
template <class Format, class Record>
inline void load_pointers(const std::uint8_t* p, flat_values_of<Record>& out) noexcept {
  constexpr const auto& l = layout_in<Format, Record>;
  constexpr const auto& walked = pointer_walk_fields<Record>;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((out[static_cast<std::size_t>(walked[I])] =
          load_uint<Format::byte_order>(p + l[walked[I]].offset, l[walked[I]].size)),
     ...);
  }(std::make_index_sequence<walked.size()>{});
}

// Stores every field at p (the padding between them is left as it is).
// GCC's SLP vectoriser would pack pairs of the 64-bit values just written by
// scalars_of() into vector loads that cannot be store-forwarded: a stall that
// was a fifth of the encode time. Plain scalar stores are faster here.
#if defined(__GNUC__) && !defined(__clang__)
#define DHCPM_NO_SLP_VECTORIZE [[gnu::optimize("no-tree-slp-vectorize")]]
#else
#define DHCPM_NO_SLP_VECTORIZE
#endif
template <class Format, class Record>
DHCPM_NO_SLP_VECTORIZE inline void store_flat(std::uint8_t* p, const flat_values_of<Record>& v) noexcept {
  constexpr const auto& l = layout_in<Format, Record>;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((store_uint<Format::byte_order>(p + l.fields[I].offset, l.fields[I].size, v[I])), ...);
  }(std::make_index_sequence<slot_count<Record>>{});
}

// The index of the first slot of each field of Record's schema.
template <class Record>
inline constexpr auto first_slot = [] {
  std::array<std::size_t, field_table<Record>.size()> out{};
  for (std::size_t s = slot_count<Record>; s-- > 0;) out[wire_slots<Record>[s].field] = s;
  return out;
}();

// Calls use(member, first slot, kind as a constant) for each field of
// Schema (r's record, or one arm of it: union_arm.hpp) whose value is a
// number (every kind but strings, DHCP_BINARY_DATA, structures and unions).
template <class Schema, class Record, class Use>
[[gnu::always_inline]] constexpr void for_each_number_of(Record& r, Use&& use) {
  schema::for_each_field(record_schema<Schema>::fields, [&](const auto& f, auto index) __attribute__((always_inline)) {
    constexpr field_kind kind = field_table<Schema>[index].kind;
    if constexpr (holds_number(kind) && is_present<Schema>(index)) {
      use(f.of(r), first_slot<Schema>[index], std::integral_constant<field_kind, kind>{});
    }
  });
}
template <class Record, class Use>
[[gnu::always_inline]] constexpr void for_each_number(Record& r, Use&& use) {
  for_each_number_of<std::remove_const_t<Record>>(r, use);
}

// The record's DHCP_BINARY_DATA (the field of data_field_of<Record>; of a
// union's, the arm's).
template <class Record>
[[nodiscard]] constexpr auto& binary_of(Record& r) noexcept {
  return member_of_kind<field_kind::binary_data>(r);
}
static_assert(first_field_of_kind<client_info, field_kind::binary_data> == slot_of<client_info>(data_field).field);

// The scalar fields of r as Schema (r's record, or the arm r selects) lays
// them out; pointer fields are 0 (the caller fills them). A union's tag is its
// discriminant.
template <class Schema = void, class Record>
[[nodiscard]] inline auto scalars_of(const Record& r) noexcept {
  using schema_key = std::conditional_t<std::is_void_v<Schema>, Record, Schema>;
  flat_values_of<schema_key> v{};
  for_each_number_of<schema_key>(r, [&v](const auto& member, std::size_t slot, auto kind) __attribute__((always_inline)) {
    if constexpr (kind == field_kind::filetime) {
      v[slot] = member & 0xFFFFFFFFu;
      v[slot + 1] = member >> 32;
    } else {
      v[slot] = member;
    }
  });
  if constexpr (has_union<schema_key>) {
    constexpr std::size_t u = union_field_of<Record>;
    v[first_slot<schema_key>[u]] = v[first_slot<schema_key>[field_table<Record>[u].selector]];
  }
  if constexpr (has_binary_data<schema_key>) field(v, data_length_field_of<schema_key>) = binary_of(r).data_length;
  return v;
}

// Sets the scalar fields of r from v, values of Schema (r's record, or one
// arm of it). Every value fits: the layouts' widths are at most the members'.
template <class Schema, class Record>
inline void assign_scalars(const flat_values_of<Schema>& v, Record& r) noexcept {
  for_each_number_of<Schema>(r, [&v](auto& member, std::size_t slot, auto kind) __attribute__((always_inline)) {
    using member_type = std::remove_reference_t<decltype(member)>;
    if constexpr (kind == field_kind::filetime) {
      member = static_cast<member_type>(v[slot + 1] << 32 | v[slot]);
    } else {
      member = static_cast<member_type>(v[slot]);
    }
  });
  if constexpr (has_binary_data<Schema>) {
    binary_of(r).data_length = static_cast<std::uint32_t>(field(v, data_length_field_of<Schema>));
  }
}

// The string member of the LPWSTR slot F, known at compile time.
template <record_field F, class Record>
[[nodiscard, gnu::always_inline]] constexpr auto& string_at(Record& r) noexcept {
  using plain = std::remove_const_t<Record>;
  return std::get<slot_of<plain>(F).field>(record_schema<plain>::fields).of(r);
}

// Calls use(slot as a constant, string member) for each LPWSTR slot of
// Schema (r's record, or one arm of it) in member order, unrolled at compile time.
template <class Schema, class Record, class Use>
[[gnu::always_inline]] constexpr void for_each_string_of(Record& r, Use&& use) {
  constexpr const auto& strings = string_fields_of<Schema>;
  [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
    (use(std::integral_constant<record_field, strings[I]>{}, string_at<strings[I]>(r)), ...);
  }(std::make_index_sequence<strings.size()>{});
}
template <class Record, class Use>
[[gnu::always_inline]] constexpr void for_each_string(Record& r, Use&& use) {
  for_each_string_of<std::remove_const_t<Record>>(r, use);
}

// Calls use(string) with the string member of the LPWSTR slot f, a value
// known only at run time.
template <class Record, class Use>
[[gnu::always_inline]] constexpr void with_string(Record& r, record_field f, Use&& use) {
  constexpr const auto& strings = string_fields_of<std::remove_const_t<Record>>;
  [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
    (void)((f == strings[I] ? (use(string_at<strings[I]>(r)), true) : false) || ...);
  }(std::make_index_sequence<strings.size()>{});
}

// The strings of a record, by pointer field.
template <class Record>
[[nodiscard]] inline const utf16_string& string_of(const Record& r, record_field f) noexcept {
  const utf16_string* out = nullptr;
  with_string(r, f, [&out](const utf16_string& s) { out = &s; });
  return *out;
}
template <class Record>
[[nodiscard]] inline utf16_string& string_of(Record& r, record_field f) noexcept {
  return const_cast<utf16_string&>(string_of(static_cast<const Record&>(r), f));
}

}  // namespace dhcpm::detail
