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

#include "layout/record_layout.hpp"

namespace dhcpm::detail {

// The wire slot a path ends in: one of the record's (record_field), one of the
// array's (array_field), or none (the record or the value as a whole).
struct path_leaf {
  enum class owner : std::uint8_t { none, record, array };
  owner of = owner::none;
  std::uint8_t slot = 0;

  // The index of the slot's field in its owner's field table (schema.hpp), or -1.
  [[nodiscard]] constexpr int field_index() const noexcept {
    switch (of) {
      case owner::record: return wire_slots<client_info>[slot].field;
      case owner::array: return wire_slots<client_info_array>[slot].field;
      case owner::none: break;
    }
    return -1;
  }
  // "OwnerHost.HostName", "ClientLeaseExpires.dwLowDateTime", "NumElements", "".
  [[nodiscard]] constexpr std::string_view text() const noexcept {
    switch (of) {
      case owner::record: return slot_path<client_info>(slot);
      case owner::array: return slot_path<client_info_array>(slot);
      case owner::none: break;
    }
    return {};
  }
};

struct field_path {
  std::string_view root;      // "" or the stub parameter: "ClientInfo", "ReturnValue" (response framing)
  std::int64_t element = -1;  // index in Clients, or -1
  path_leaf leaf;

  [[nodiscard]] constexpr field_path at(record_field f) const noexcept {
    return {root, element, {path_leaf::owner::record, static_cast<std::uint8_t>(f)}};
  }
  [[nodiscard]] constexpr field_path at(array_field f) const noexcept {
    return {root, element, {path_leaf::owner::array, static_cast<std::uint8_t>(f)}};
  }
  [[nodiscard]] constexpr field_path element_at(std::int64_t index) const noexcept { return {root, index, {}}; }

  [[nodiscard]] std::string str() const { return str(leaf.text()); }
  // The same path ending in `leaf_text` instead of the leaf's own: the
  // whole DATE_TIME ("ClientLeaseExpires") for a slot of it.
  [[nodiscard]] std::string str(std::string_view leaf_text) const;
};

// The paths of a response stub: every path in it starts at the [out]
// parameter's name; the DWORD after it is the return value.
inline constexpr field_path response_root{"ClientInfo", -1, {}};
inline constexpr field_path return_value_path{"ReturnValue", -1, {}};

}  // namespace dhcpm::detail
