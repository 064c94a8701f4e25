// The description (schema.hpp) of DHCP_SEARCH_INFO (search_info.hpp): the
// discriminant, the union, then its three arms, each selected by one
// SearchType. Native offsets are dhcpsapi.h's: the union follows SearchType at
// its widest arm's alignment (a DHCP_BINARY_DATA), and has no tag in memory.
#pragma once

#include <tuple>

#include "dhcpm/dhcpm.h"
#include "dhcpm/schema.hpp"
#include "dhcpm/search_info.hpp"

namespace dhcpm {

template <>
struct record_schema<dhcp_search_info> {
  static constexpr std::string_view idl_name = "DHCP_SEARCH_INFO";

  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using s = dhcp_search_info;
  using a = dhcp_search_info::search_info_arms;
  static constexpr std::uint8_t search_type = 0;  // the index of SearchType: the union's selector
  static constexpr std::uint8_t search_info = 1;  // the index of SearchInfo: its arms' parent

  static constexpr std::tuple fields{
      field<&s::search_type>{{"SearchType", k::enum16, m::search_type, 0, 0, no_parent, DHCPM_FIELD_SEARCH_TYPE}},
      field<&s::search_info>{{"SearchInfo", k::union_, m::none, 8, 4, no_parent, -1, not_an_arm, search_type}},
      field<&s::search_info, &a::client_ip_address>{{"SearchInfo.ClientIpAddress", k::ipv4, m::ipv4, 8, 4, search_info,
                                                     DHCPM_FIELD_CLIENT_IP_ADDRESS, 0}},
      field<&s::search_info, &a::client_hardware_address>{{"SearchInfo.ClientHardwareAddress", k::binary_data, m::none,
                                                           8, 4, search_info, DHCPM_FIELD_DATA_LENGTH, 1}},
      field<&s::search_info, &a::client_name>{{"SearchInfo.ClientName", k::lpwstr, m::none, 8, 4, search_info,
                                               DHCPM_STRING_CLIENT_NAME, 2}},
  };
  static constexpr std::uint16_t x64_size = 24;
  static constexpr std::uint16_t x86_size = 12;
  static constexpr bool native_only = false;
};

}  // namespace dhcpm
