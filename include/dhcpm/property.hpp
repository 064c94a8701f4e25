// DHCP_PROPERTY ([MS-DHCPM] 2.2.1.2.117): one property of a
// DHCP_CLIENT_INFO_EX — an ID saying what it is and a Value of one of five
// types. Type switches the union Value; on the NDR wire the union carries Type
// again as its own tag, and a decoder refuses the two when they differ or
// select no arm. Its schema is in property_schema.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dhcpm/record_parts.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm {

// DHCP_PROPERTY_ID: what a property says.
namespace property_id {
inline constexpr std::uint32_t policy_dns_suffix = 0;        // DhcpPropIdPolicyDnsSuffix: a string
inline constexpr std::uint32_t client_address_state_ex = 1;  // DhcpPropIdClientAddressStateEx: a DWORD
}  // namespace property_id

// DHCP_PROPERTY_TYPE: which arm of Value is on the wire.
namespace property_type {
inline constexpr std::uint32_t byte_value = 0;    // DhcpPropTypeByte
inline constexpr std::uint32_t word_value = 1;    // DhcpPropTypeWord
inline constexpr std::uint32_t dword_value = 2;   // DhcpPropTypeDword
inline constexpr std::uint32_t string_value = 3;  // DhcpPropTypeString
inline constexpr std::uint32_t binary_value = 4;  // DhcpPropTypeBinary
}  // namespace property_type

struct dhcp_property {
  std::uint32_t id = 0;    // DHCP_PROPERTY_ID: 16 bits in NDR 2.0, 32 in NDR64/native
  std::uint32_t type = 0;  // DHCP_PROPERTY_TYPE, likewise
  // The union's arms, one member each as in C. Only the arm `type` selects
  // is encoded; decoding leaves the others empty.
  struct value_arms {
    std::uint8_t byte_value = 0;    // BYTE, type 0
    std::uint16_t word_value = 0;   // WORD, type 1
    std::uint32_t dword_value = 0;  // DWORD, type 2
    utf16_string string_value;      // LPWSTR, type 3
    binary_data binary_value;       // DHCP_BINARY_DATA, type 4

    friend bool operator==(const value_arms&, const value_arms&) = default;
  } value;

  friend bool operator==(const dhcp_property&, const dhcp_property&) = default;
};

// DHCP_PROPERTY_ARRAY ([MS-DHCPM] 2.2.1.2.118): a DHCP_CLIENT_INFO_EX's
// properties. Elements is a unique pointer to NumElements DHCP_PROPERTY
// structs held inline. Its schema is in property_schema.hpp.
struct dhcp_property_array {
  std::uint32_t num_elements = 0;
  std::optional<std::vector<dhcp_property>> elements;  // std::nullopt: a NULL pointer

  friend bool operator==(const dhcp_property_array&, const dhcp_property_array&) = default;
};

}  // namespace dhcpm
