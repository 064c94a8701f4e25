// The parts client records are made of: DHCP_BINARY_DATA (DHCP_CLIENT_UID)
// and DHCP_HOST_INFO. Every client record holds one of each.
#pragma once

#include <cstdint>
#include <optional>

#include "dhcpm/byte_string.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm {

// DHCP_BINARY_DATA / DHCP_CLIENT_UID. data_length is the DWORD on the wire and
// is kept even when data is NULL (which strict decoding refuses if non-zero).
struct binary_data {
  std::uint32_t data_length = 0;
  std::optional<byte_string> data;  // std::nullopt = NULL pointer; up to 24 bytes held inline

  friend bool operator==(const binary_data&, const binary_data&) = default;
};

// DHCP_HOST_INFO.
struct host_info {
  std::uint32_t ip_address = 0;
  utf16_string net_bios_name;
  utf16_string host_name;

  friend bool operator==(const host_info&, const host_info&) = default;
};

}  // namespace dhcpm
