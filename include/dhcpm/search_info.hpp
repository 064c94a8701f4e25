// DHCP_SEARCH_INFO ([MS-DHCPM] 2.2.1.2.18): how the Get and Delete calls name
// one client — by IP address, hardware address or name. SearchType switches
// the union SearchInfo; on the NDR wire the union carries SearchType again as
// its own tag, and a decoder refuses the two when they differ or select no arm.
// Its schema is in search_info_schema.hpp.
#pragma once

#include <cstdint>

#include "dhcpm/record_parts.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm {

// DHCP_SEARCH_INFO_TYPE: which arm of SearchInfo is on the wire.
namespace search_type {
inline constexpr std::uint32_t client_ip_address = 0;        // DhcpClientIpAddress
inline constexpr std::uint32_t client_hardware_address = 1;  // DhcpClientHardwareAddress
inline constexpr std::uint32_t client_name = 2;              // DhcpClientName
}  // namespace search_type

struct dhcp_search_info {
  std::uint32_t search_type = 0;  // DHCP_SEARCH_INFO_TYPE: 16 bits in NDR 2.0, 32 in NDR64/native
  // The union's arms, one member each as in C. Only the arm search_type
  // selects is encoded; decoding leaves the others empty.
  struct search_info_arms {
    std::uint32_t client_ip_address = 0;  // DHCP_IP_ADDRESS, search_type 0
    binary_data client_hardware_address;  // DHCP_CLIENT_UID, search_type 1
    utf16_string client_name;             // LPWSTR, search_type 2

    friend bool operator==(const search_info_arms&, const search_info_arms&) = default;
  } search_info;

  friend bool operator==(const dhcp_search_info&, const dhcp_search_info&) = default;
};

}  // namespace dhcpm
