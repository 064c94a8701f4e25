// From a record's schema (schema.hpp) to its wire items and their offsets in
// every layout, at compile time. A field becomes one or two "slots" of the
// flat part — a FILETIME is two DWORDs, a DHCP_BINARY_DATA a DWORD and a
// pointer, a structure none (its members have them), a union its tag — and
// each layout's alignment rules place the slots. A slot of an arm that a
// union_arm does not keep, and a union's tag in memory, are zero-wide. The native offsets the schema declares are
// checked against the placement here, and against mingw-w64 by tests/abi.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dhcpm/schema.hpp"
#include "layout/union_arm.hpp"

namespace dhcpm::detail {

// Which wire item of its field a slot is.
enum class slot_part : std::uint8_t {
  whole,    // the field itself (u8, enum16, u32, ipv4)
  low,      // a DATE_TIME's dwLowDateTime
  high,     // its dwHighDateTime
  length,   // a DHCP_BINARY_DATA's DataLength
  pointer,  // a pointer: an LPWSTR, a DHCP_BINARY_DATA's Data, an array's Clients
  tag,      // a union's tag: its discriminant again (NDR only; no bytes in memory)
};

struct wire_slot {
  std::uint8_t field;  // index in the record's field table
  slot_part part;
};

[[nodiscard]] constexpr std::size_t slots_of(field_kind k) noexcept {
  switch (k) {
    case field_kind::filetime:
    case field_kind::binary_data: return 2;
    case field_kind::structure: return 0;
    default: return 1;
  }
}

template <class Record>
inline constexpr std::size_t slot_count = [] {
  std::size_t n = 0;
  for (const field_info& f : field_table<Record>) n += slots_of(f.kind);
  return n;
}();

// The slots of the flat part in member order.
template <class Record>
inline constexpr std::array<wire_slot, slot_count<Record>> wire_slots = [] {
  std::array<wire_slot, slot_count<Record>> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    const auto field = static_cast<std::uint8_t>(i);
    switch (field_table<Record>[i].kind) {
      case field_kind::filetime:
        out[n++] = {field, slot_part::low};
        out[n++] = {field, slot_part::high};
        break;
      case field_kind::binary_data:
        out[n++] = {field, slot_part::length};
        out[n++] = {field, slot_part::pointer};
        break;
      case field_kind::lpwstr:
      case field_kind::pointer_array:
      case field_kind::struct_array:
      case field_kind::struct_pointer: out[n++] = {field, slot_part::pointer}; break;
      case field_kind::structure: break;
      case field_kind::union_: out[n++] = {field, slot_part::tag}; break;
      default: out[n++] = {field, slot_part::whole}; break;
    }
  }
  return out;
}();

[[nodiscard]] constexpr std::string_view slot_suffix(slot_part p) noexcept {
  switch (p) {
    case slot_part::low: return ".dwLowDateTime";
    case slot_part::high: return ".dwHighDateTime";
    case slot_part::length: return ".DataLength";
    default: return {};
  }
}
// A DHCP_BINARY_DATA's pointer is its member Data.
[[nodiscard]] constexpr std::string_view slot_suffix(const wire_slot& s, field_kind k) noexcept {
  return s.part == slot_part::pointer && k == field_kind::binary_data ? ".Data" : slot_suffix(s.part);
}

// Calls emit(part) for each part of a slot's path: the field's path, then a
// suffix (a union's tag is named as its discriminant: "SearchInfo.SearchType").
template <class Record, class Emit>
constexpr void slot_path_parts(const wire_slot& s, Emit&& emit) {
  const field_info& f = field_table<Record>[s.field];
  emit(f.path);
  if (s.part == slot_part::tag) {
    emit(std::string_view("."));
    emit(field_table<Record>[f.selector].name());
  } else {
    emit(slot_suffix(s, f.kind));
  }
}

// Each slot's path ("ClientLeaseExpires.dwLowDateTime", "ClientHardwareAddress.Data")
// in one constant block of characters, each followed by a NUL, so a path is a
// string_view with static storage whose data() is also a C string.
template <class Record>
struct slot_path_table {
  static constexpr std::size_t chars = [] {
    std::size_t n = 0;
    for (const wire_slot& s : wire_slots<Record>) {
      slot_path_parts<Record>(s, [&n](std::string_view part) { n += part.size(); });
      ++n;
    }
    return n;
  }();
  struct built {
    std::array<char, chars + 1> text{};
    std::array<std::size_t, slot_count<Record> + 1> starts{};
  };
  static constexpr built table = [] {
    built b{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < slot_count<Record>; ++i) {
      b.starts[i] = n;
      slot_path_parts<Record>(wire_slots<Record>[i], [&](std::string_view part) {
        for (char ch : part) b.text[n++] = ch;
      });
      b.text[n++] = '\0';
    }
    b.starts[slot_count<Record>] = n;
    return b;
  }();
};

template <class Record>
[[nodiscard]] constexpr std::string_view slot_path(std::size_t slot) noexcept {
  using t = slot_path_table<Record>;
  return {t::table.text.data() + t::table.starts[slot], t::table.starts[slot + 1] - t::table.starts[slot] - 1};
}

// What makes the layouts differ (DESIGN.md §2, §3, §5).
struct layout_rules {
  std::uint8_t pointer_size;  // referent ids or addresses
  std::uint8_t enum_size;     // a plain IDL enum
  bool pad_to_alignment;      // structs end on a multiple of their alignment (not NDR 2.0)
  bool union_tags;            // a union starts with its tag (NDR); in memory it has none
  // The tag and the arm of a union are aligned as the whole union (its widest
  // arm: NDR64, memory); NDR 2.0 aligns each as itself (Samba's
  // ndr_push_union_align is NDR64-only).
  bool align_unions;
};
inline constexpr layout_rules ndr20_rules{4, 2, false, true, false};
inline constexpr layout_rules ndr64_rules{8, 4, true, true, true};
inline constexpr layout_rules x64_rules{8, 4, true, false, true};
inline constexpr layout_rules x86_rules{4, 4, true, false, true};

struct field_slot {
  std::uint16_t offset;
  std::uint8_t size;
};

// A record's flat part in one layout: each slot's place, the size (trailing
// pad included) and the alignment; and where each field starts.
template <std::size_t Slots, std::size_t Fields>
struct placed_record {
  std::uint16_t size;
  std::uint8_t alignment;
  std::array<field_slot, Slots> slots;
  std::array<std::uint16_t, Fields> field_offsets;
};

[[nodiscard]] constexpr std::size_t align_up(std::size_t n, std::size_t a) noexcept { return (n + a - 1) / a * a; }

[[nodiscard]] constexpr std::size_t kind_width(field_kind k, const layout_rules& r) noexcept {
  switch (k) {
    case field_kind::u8: return 1;
    case field_kind::u16: return 2;
    case field_kind::enum16: return r.enum_size;
    default: return 4;
  }
}

// A slot's width whether or not Record keeps it (what the union's alignment and size need).
template <class Record>
[[nodiscard]] constexpr std::size_t full_slot_width(const wire_slot& s, const layout_rules& r) noexcept {
  if (s.part == slot_part::pointer) return r.pointer_size;
  const field_info& f = field_table<Record>[s.field];
  if (s.part == slot_part::tag) return r.union_tags ? kind_width(field_table<Record>[f.selector].kind, r) : 0;
  return kind_width(f.kind, r);
}
// The slot's width in Record: 0 for an arm it does not keep.
template <class Record>
[[nodiscard]] constexpr std::size_t slot_width(const wire_slot& s, const layout_rules& r) noexcept {
  return is_present<Record>(s.field) ? full_slot_width<Record>(s, r) : 0;
}

// Field j is field i or lies inside it.
template <class Record>
[[nodiscard]] constexpr bool is_within(std::size_t j, std::size_t i) noexcept {
  for (std::size_t f = j; f != no_parent; f = field_table<Record>[f].parent) {
    if (f == i) return true;
  }
  return false;
}

// The alignment of field i: its widest slot, or for a structure its widest
// member, or for a union its widest arm (kept or not: every arm's layout has
// the same alignment).
template <class Record>
[[nodiscard]] constexpr std::size_t field_alignment(std::size_t i, const layout_rules& r) noexcept {
  std::size_t a = 1;
  for (const wire_slot& s : wire_slots<Record>) {
    if (is_within<Record>(s.field, i) && full_slot_width<Record>(s, r) > a) a = full_slot_width<Record>(s, r);
  }
  return a;
}

// Where a field's slots end when they are placed from `at`, each at its own alignment.
template <class Record>
[[nodiscard]] constexpr std::size_t slots_end(std::size_t field, std::size_t at, const layout_rules& r) noexcept {
  for (const wire_slot& s : wire_slots<Record>) {
    if (s.field != field) continue;
    const std::size_t w = full_slot_width<Record>(s, r);
    if (w != 0) at = align_up(at, w) + w;
  }
  return at;
}

// A union's arms all start where its tag ends (at the union's alignment
// where the rules align unions); the union ends where the arm that Record
// keeps ends, or in memory where its widest arm does. A whole record (no
// union_arm) places every arm there, overlapping: its native offsets.
template <class Record>
[[nodiscard]] constexpr auto place_record(const layout_rules& r) noexcept {
  const auto& table = field_table<Record>;
  placed_record<slot_count<Record>, table.size()> out{};
  std::size_t at = 0;
  std::size_t slot = 0;
  std::size_t record_alignment = 1;
  std::size_t arms_start = 0;   // of the union being placed
  std::size_t arms_end = 0;     // where its kept arms end
  std::size_t widest_arm = 0;   // the bytes of its widest arm, kept or not
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::size_t a = field_alignment<Record>(i, r);
    record_alignment = a > record_alignment ? a : record_alignment;
    if (table[i].is_arm()) {
      const std::size_t union_alignment = field_alignment<Record>(table[i].parent, r);
      at = align_up(arms_start, r.align_unions && union_alignment > a ? union_alignment : a);
      const std::size_t end = slots_end<Record>(i, at, r);
      widest_arm = end - arms_start > widest_arm ? end - arms_start : widest_arm;
    } else if (table[i].kind == field_kind::union_ && !r.align_unions) {
      at = align_up(at, full_slot_width<Record>(wire_slots<Record>[slot], r));  // the tag as itself
    } else {
      at = align_up(at, a);
    }
    out.field_offsets[i] = static_cast<std::uint16_t>(at);
    for (std::size_t k = 0; k < slots_of(table[i].kind); ++k, ++slot) {
      const std::size_t width = slot_width<Record>(wire_slots<Record>[slot], r);
      if (width != 0) at = align_up(at, width);
      out.slots[slot] = {static_cast<std::uint16_t>(at), static_cast<std::uint8_t>(width)};
      at += width;
    }
    if (table[i].kind == field_kind::union_) arms_start = arms_end = at;
    if (table[i].is_arm()) {
      if (is_present<Record>(i) && at > arms_end) arms_end = at;
      const bool last_arm = i + 1 == table.size() || !is_within<Record>(i + 1, table[i].parent);
      if (last_arm) {
        at = arms_end;
        if (!r.union_tags) {  // in memory the union is as large as its widest arm
          const std::size_t union_end = arms_start + align_up(widest_arm, field_alignment<Record>(table[i].parent, r));
          at = union_end > at ? union_end : at;
        }
      } else {
        at = arms_start;
      }
    }
    // Structures whose last member was just placed end here, with their trailing pad.
    for (std::size_t s = table[i].parent; s != no_parent; s = table[s].parent) {
      if (i + 1 < table.size() && is_within<Record>(i + 1, s)) break;
      if (r.pad_to_alignment) at = align_up(at, field_alignment<Record>(s, r));
    }
  }
  out.size = static_cast<std::uint16_t>(r.pad_to_alignment ? align_up(at, record_alignment) : at);
  out.alignment = static_cast<std::uint8_t>(record_alignment);
  return out;
}

// The native offsets the schema declares are where the x64/x86 rules put the fields.
template <class Record>
[[nodiscard]] constexpr bool native_offsets_agree() noexcept {
  const auto x64 = place_record<Record>(x64_rules);
  const auto x86 = place_record<Record>(x86_rules);
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (x64.field_offsets[i] != field_table<Record>[i].x64 || x86.field_offsets[i] != field_table<Record>[i].x86) {
      return false;
    }
  }
  return x64.size == record_schema<Record>::x64_size && x86.size == record_schema<Record>::x86_size;
}

}  // namespace dhcpm::detail
