// Where in the value a byte belongs, kept as typed parts while walking — the
// stub parameter, the element of Clients, the wire slot of the record or the
// array — and turned into text (`ClientInfo.OwnerHost.HostName`,
// `Clients[3].Flags`) only when an error or a dissect region needs it. Nothing
// reads a path's text back: dissection and the C API take the parts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dhcpm/record_types.hpp"
#include "layout/record_layout.hpp"

namespace dhcpm::detail {

// The wire slot a path ends in: one of a record's (record_field), one of the
// array's (array_field), or none (the record or the value as a whole).
struct path_leaf {
  enum class owner : std::uint8_t { none, record, array };
  owner of = owner::none;
  std::uint8_t slot = 0;
};

// Record, or inside one of the structs its struct_array holds: their type.
template <class Record, class Body>
constexpr decltype(auto) with_inline_table(bool inside, Body&& body) {
  if constexpr (requires { typename record_schema<Record>::inline_element; }) {
    if (inside) return body(std::type_identity<typename record_schema<Record>::inline_element>{});
  }
  return body(std::type_identity<Record>{});
}

// Record, or in the pointee of its struct_pointer (Properties): that struct,
// or one of the structs it holds inline.
template <class Record, class Body>
constexpr decltype(auto) with_pointee_table(bool in_pointee, bool inside, Body&& body) {
  if constexpr (requires { typename record_schema<Record>::pointee; }) {
    if (in_pointee) return with_inline_table<typename record_schema<Record>::pointee>(inside, body);
  }
  return with_inline_table<Record>(inside, body);
}

// The record type whose slots a leaf of `owner` indexes, in a value of `type`:
// the array's own, or its elements'; in the pointee of a struct_pointer,
// that struct's; `inside` an inline struct (Elements[2]), that struct's.
template <class Body>
constexpr decltype(auto) with_leaf_table(value_type type, path_leaf::owner owner, bool in_pointee, bool inside,
                                         Body&& body) {
  return with_record_type(type, [&](auto top) -> decltype(auto) {
    using record = typename decltype(top)::type;
    if constexpr (requires { typename record_schema<record>::element; }) {
      if (owner == path_leaf::owner::record) {
        return with_pointee_table<typename record_schema<record>::element>(in_pointee, inside, body);
      }
    }
    const bool own = owner != path_leaf::owner::array;
    return with_pointee_table<record>(in_pointee && own, inside && own, body);
  });
}

struct field_path {
  std::string_view root;      // "" or the stub parameter: "ClientInfo", "ReturnValue" (response framing)
  std::int64_t element = -1;  // index in Clients, or -1
  path_leaf leaf;
  value_type type = value_type::client;  // of the value the path starts at: whose slots the leaf names
  // Index in the record's struct_array (Elements[2]), or -1: the leaf is
  // then a slot of the inline struct.
  std::int64_t inner = -1;
  // In the pointee of the record's struct_pointer (Properties.NumElements):
  // the leaf and `inner` are then the pointee's.
  bool in_pointee = false;

  [[nodiscard]] constexpr field_path at(record_field f) const noexcept {
    return {root, element, {path_leaf::owner::record, static_cast<std::uint8_t>(f)}, type, inner, in_pointee};
  }
  [[nodiscard]] constexpr field_path at(array_field f) const noexcept {
    return {root, element, {path_leaf::owner::array, static_cast<std::uint8_t>(f)}, type};
  }
  [[nodiscard]] constexpr field_path element_at(std::int64_t index) const noexcept {
    return {root, index, {}, type};
  }
  // The struct at `index` of the record's struct_array.
  [[nodiscard]] constexpr field_path inner_at(std::int64_t index) const noexcept {
    return {root, element, {}, type, index, in_pointee};
  }
  // The pointee of the record's struct_pointer.
  [[nodiscard]] constexpr field_path pointee() const noexcept { return {root, element, {}, type, -1, true}; }

  // The record type of the leaf's field table (its element type inside an array).
  [[nodiscard]] constexpr value_type leaf_table() const noexcept {
    if (leaf.of == path_leaf::owner::none) return type;
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [](auto t) { return value_type_of<typename decltype(t)::type>; });
  }
  // The index of the leaf slot's field in leaf_table()'s field table (schema.hpp), or -1.
  [[nodiscard]] constexpr int field_index() const noexcept {
    if (leaf.of == path_leaf::owner::none) return -1;
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [this](auto t) -> int {
      return wire_slots<typename decltype(t)::type>[leaf.slot].field;
    });
  }
  // The leaf's wire slot and its field (leaf.of must not be none).
  [[nodiscard]] constexpr const wire_slot& leaf_slot() const noexcept {
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [this](auto t) -> const wire_slot& {
      return wire_slots<typename decltype(t)::type>[leaf.slot];
    });
  }
  [[nodiscard]] constexpr const field_info& leaf_field() const noexcept {
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [this](auto t) -> const field_info& {
      using table = typename decltype(t)::type;
      return field_table<table>[wire_slots<table>[leaf.slot].field];
    });
  }
  // The field whose value the leaf stands for: its own, or for a union's
  // tag the discriminant it repeats (SearchType).
  [[nodiscard]] constexpr const field_info& leaf_value_field() const noexcept {
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [this](auto t) -> const field_info& {
      using table = typename decltype(t)::type;
      const field_info& f = field_table<table>[wire_slots<table>[leaf.slot].field];
      return wire_slots<table>[leaf.slot].part == slot_part::tag ? field_table<table>[f.selector] : f;
    });
  }
  // The leaf's text: "OwnerHost.HostName", "ClientLeaseExpires.dwLowDateTime", "NumElements", "".
  [[nodiscard]] constexpr std::string_view leaf_text() const noexcept {
    if (leaf.of == path_leaf::owner::none) return {};
    return with_leaf_table(type, leaf.of, in_pointee, inner >= 0, [this](auto t) { return slot_path<typename decltype(t)::type>(leaf.slot); });
  }

  // The path of the first field of `kind` ("Elements", "Properties") in the
  // record the path is in, or in the pointee (in_pointee).
  [[nodiscard]] constexpr std::string_view field_text(field_kind kind, bool pointee_table) const noexcept {
    return with_leaf_table(type, path_leaf::owner::record, pointee_table, false, [kind](auto t) -> std::string_view {
      using table = typename decltype(t)::type;
      for (const field_info& f : field_table<table>) {
        if (f.kind == kind) return f.path;
      }
      return {};
    });
  }

  [[nodiscard]] std::string str() const { return str(leaf_text()); }
  // The same path ending in `leaf_text` instead of the leaf's own: the
  // whole DATE_TIME ("ClientLeaseExpires") for a slot of it.
  [[nodiscard]] std::string str(std::string_view leaf_text) const;
};

// The path at the top of a value of Record.
template <class Record>
inline constexpr field_path root_path_of{"", -1, {}, value_type_of<Record>};

// The paths of a response stub: every path in it starts at the [out]
// parameter's name; the DWORD after it is the return value.
inline constexpr field_path response_root{"ClientInfo", -1, {}, value_type::client};
inline constexpr field_path return_value_path{"ReturnValue", -1, {}, value_type::client};

}  // namespace dhcpm::detail
