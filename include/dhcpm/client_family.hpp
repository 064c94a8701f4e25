// The MS-DHCPM client records that DHCP servers send in bulk ([MS-DHCPM]
// 2.2.1.2): DHCP_CLIENT_INFO and the records that extend it, each the one
// before it plus the members its version added (IDL member order), so each
// derives from the one before. Their _ARRAYs are record_array<...>
// (client_info.hpp). The schemas are in client_family_schema.hpp.
//
// Like client_info, a value holds exactly what the wire can say: NULL vs
// empty strings, DataLength kept when Data is NULL, enum values outside the
// defined range.
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>

#include "dhcpm/property.hpp"
#include "dhcpm/record_array.hpp"
#include "dhcpm/record_parts.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm {

// DHCP_CLIENT_INFO: the seven members every client record starts with.
struct dhcp_client_info {
  std::uint32_t client_ip_address = 0;
  std::uint32_t subnet_mask = 0;
  binary_data client_hardware_address;     // DHCP_CLIENT_UID
  utf16_string client_name;
  utf16_string client_comment;
  std::uint64_t client_lease_expires = 0;  // DATE_TIME (dwHighDateTime << 32 | dwLowDateTime)
  host_info owner_host;

  friend bool operator==(const dhcp_client_info&, const dhcp_client_info&) = default;
};

// DHCP_CLIENT_INFO_V4: then BYTE bClientType.
struct dhcp_client_info_v4 : dhcp_client_info {
  std::uint8_t client_type = 0;  // see client_type_name()

  friend bool operator==(const dhcp_client_info_v4&, const dhcp_client_info_v4&) = default;
};

// DHCP_CLIENT_INFO_V5: then BYTE AddressState.
struct dhcp_client_info_v5 : dhcp_client_info_v4 {
  std::uint8_t address_state = 0;  // see address_state_parts

  friend bool operator==(const dhcp_client_info_v5&, const dhcp_client_info_v5&) = default;
};

// DHCP_CLIENT_INFO_VQ: then QuarantineStatus Status, DATE_TIME ProbationEnds,
// BOOL QuarantineCapable.
struct dhcp_client_info_vq : dhcp_client_info_v5 {
  std::uint32_t status = 0;              // QuarantineStatus: 16 bits in NDR 2.0, 32 in NDR64/native
  std::uint64_t probation_ends = 0;      // DATE_TIME
  std::uint32_t quarantine_capable = 0;  // BOOL, any DWORD kept

  friend bool operator==(const dhcp_client_info_vq&, const dhcp_client_info_vq&) = default;
};

// DHCP_CLIENT_FILTER_STATUS_INFO: then DWORD FilterStatus.
struct dhcp_client_filter_status_info : dhcp_client_info_vq {
  std::uint32_t filter_status = 0;  // FILTER_STATUS_* bits, kept as on the wire

  friend bool operator==(const dhcp_client_filter_status_info&, const dhcp_client_filter_status_info&) = default;
};

// DHCP_CLIENT_INFO_PB: then LPWSTR PolicyName.
struct dhcp_client_info_pb : dhcp_client_filter_status_info {
  utf16_string policy_name;

  friend bool operator==(const dhcp_client_info_pb&, const dhcp_client_info_pb&) = default;
};

// DHCP_CLIENT_INFO_EX: then a unique pointer to its DHCP_PROPERTY_ARRAY.
struct dhcp_client_info_ex : dhcp_client_info_pb {
  std::optional<dhcp_property_array> properties;  // std::nullopt: a NULL pointer

  friend bool operator==(const dhcp_client_info_ex&, const dhcp_client_info_ex&) = default;
};

// The arrays: DWORD NumElements; [size_is(NumElements)] LPDHCP_CLIENT_INFO_... *Clients.
using dhcp_client_info_array = record_array<dhcp_client_info>;
using dhcp_client_info_array_v4 = record_array<dhcp_client_info_v4>;
using dhcp_client_info_array_v5 = record_array<dhcp_client_info_v5>;
using dhcp_client_info_array_vq = record_array<dhcp_client_info_vq>;
using dhcp_client_filter_status_info_array = record_array<dhcp_client_filter_status_info>;
using dhcp_client_info_pb_array = record_array<dhcp_client_info_pb>;
using dhcp_client_info_ex_array = record_array<dhcp_client_info_ex>;

static_assert(std::is_nothrow_move_constructible_v<dhcp_client_info_pb> &&
              std::is_nothrow_move_assignable_v<dhcp_client_info_pb>);
static_assert(std::is_nothrow_move_constructible_v<dhcp_client_info_pb_array> &&
              std::is_nothrow_move_assignable_v<dhcp_client_info_pb_array>);

}  // namespace dhcpm
