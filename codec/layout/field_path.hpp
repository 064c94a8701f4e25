// Where in the value a byte belongs, kept as cheap parts while walking and
// turned into text (`ClientInfo.OwnerHost.HostName`, `Clients[3].Flags`) only
// when an error or a dissect region needs it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dhcpm::detail {

struct field_path {
  std::string_view root;          // "" or "ClientInfo" (response framing)
  std::int64_t element = -1;      // index in Clients, or -1
  std::string_view leaf;          // path inside the record or array, may be empty

  [[nodiscard]] field_path at(std::string_view new_leaf) const noexcept { return {root, element, new_leaf}; }
  [[nodiscard]] field_path element_at(std::int64_t index) const noexcept { return {root, index, {}}; }
  [[nodiscard]] std::string str() const;
};

// The paths of a response stub: every path in it starts at the [out]
// parameter's name; the DWORD after it is the return value.
inline constexpr field_path response_root{"ClientInfo", -1, {}};
inline constexpr field_path return_value_path{{}, -1, "ReturnValue"};

}  // namespace dhcpm::detail
