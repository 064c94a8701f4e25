// The descriptions (schema.hpp) of the MS-DHCPM client-record family
// (client_family.hpp): each record is the one it extends plus its own
// members, so each schema is the one before it plus those fields. Native
// offsets are dhcpsapi.h's (schema_layout.hpp checks them against the layout
// rules, tests/abi against mingw-w64).
#pragma once

#include <tuple>

#include "dhcpm/client_family.hpp"
#include "dhcpm/dhcpm.h"
#include "dhcpm/property_schema.hpp"
#include "dhcpm/schema.hpp"

namespace dhcpm {

template <>
struct record_schema<dhcp_client_info> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_ARRAY";

  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using c = dhcp_client_info;
  using h = host_info;
  static constexpr std::uint8_t owner_host = 6;  // the index of OwnerHost, the parent of its members

  static constexpr std::tuple fields{
      field<&c::client_ip_address>{{"ClientIpAddress", k::ipv4, m::ipv4, 0, 0, no_parent, DHCPM_FIELD_CLIENT_IP_ADDRESS}},
      field<&c::subnet_mask>{{"SubnetMask", k::ipv4, m::ipv4, 4, 4, no_parent, DHCPM_FIELD_SUBNET_MASK}},
      field<&c::client_hardware_address>{{"ClientHardwareAddress", k::binary_data, m::none, 8, 8, no_parent, DHCPM_FIELD_DATA_LENGTH}},
      field<&c::client_name>{{"ClientName", k::lpwstr, m::none, 24, 16, no_parent, DHCPM_STRING_CLIENT_NAME}},
      field<&c::client_comment>{{"ClientComment", k::lpwstr, m::none, 32, 20, no_parent, DHCPM_STRING_CLIENT_COMMENT}},
      field<&c::client_lease_expires>{{"ClientLeaseExpires", k::filetime, m::filetime, 40, 24, no_parent, DHCPM_FIELD_CLIENT_LEASE_EXPIRES}},
      field<&c::owner_host>{{"OwnerHost", k::structure, m::none, 48, 32}},
      field<&c::owner_host, &h::ip_address>{{"OwnerHost.IpAddress", k::ipv4, m::ipv4, 48, 32, owner_host, DHCPM_FIELD_OWNER_IP_ADDRESS}},
      field<&c::owner_host, &h::net_bios_name>{{"OwnerHost.NetBiosName", k::lpwstr, m::none, 56, 36, owner_host, DHCPM_STRING_OWNER_NET_BIOS_NAME}},
      field<&c::owner_host, &h::host_name>{{"OwnerHost.HostName", k::lpwstr, m::none, 64, 40, owner_host, DHCPM_STRING_OWNER_HOST_NAME}},
  };
  static constexpr std::uint16_t x64_size = 72;
  static constexpr std::uint16_t x86_size = 44;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_info_v4> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO_V4";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_ARRAY_V4";
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_info>::fields,
      std::tuple{schema::field<&dhcp_client_info_v4::client_type>{
          {"bClientType", field_kind::u8, field_meaning::client_type, 72, 44, no_parent, DHCPM_FIELD_CLIENT_TYPE}}});
  static constexpr std::uint16_t x64_size = 80;
  static constexpr std::uint16_t x86_size = 48;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_info_v5> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO_V5";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_ARRAY_V5";
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_info_v4>::fields,
      std::tuple{schema::field<&dhcp_client_info_v5::address_state>{
          {"AddressState", field_kind::u8, field_meaning::address_state, 73, 45, no_parent, DHCPM_FIELD_ADDRESS_STATE}}});
  static constexpr std::uint16_t x64_size = 80;
  static constexpr std::uint16_t x86_size = 48;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_info_vq> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO_VQ";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_ARRAY_VQ";
  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using c = dhcp_client_info_vq;
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_info_v5>::fields,
      std::tuple{
          field<&c::status>{{"Status", k::enum16, m::quarantine_status, 76, 48, no_parent, DHCPM_FIELD_STATUS}},
          field<&c::probation_ends>{{"ProbationEnds", k::filetime, m::filetime, 80, 52, no_parent, DHCPM_FIELD_PROBATION_ENDS}},
          field<&c::quarantine_capable>{{"QuarantineCapable", k::u32, m::boolean, 88, 60, no_parent, DHCPM_FIELD_QUARANTINE_CAPABLE}},
      });
  static constexpr std::uint16_t x64_size = 96;
  static constexpr std::uint16_t x86_size = 64;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_filter_status_info> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_FILTER_STATUS_INFO";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY";
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_info_vq>::fields,
      std::tuple{schema::field<&dhcp_client_filter_status_info::filter_status>{
          {"FilterStatus", field_kind::u32, field_meaning::filter_status, 92, 64, no_parent, DHCPM_FIELD_FILTER_STATUS}}});
  static constexpr std::uint16_t x64_size = 96;
  static constexpr std::uint16_t x86_size = 68;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_info_pb> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO_PB";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_PB_ARRAY";
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_filter_status_info>::fields,
      std::tuple{schema::field<&dhcp_client_info_pb::policy_name>{
          {"PolicyName", field_kind::lpwstr, field_meaning::none, 96, 68, no_parent, DHCPM_STRING_POLICY_NAME}}});
  static constexpr std::uint16_t x64_size = 104;
  static constexpr std::uint16_t x86_size = 72;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_client_info_ex> {
  static constexpr std::string_view idl_name = "DHCP_CLIENT_INFO_EX";
  static constexpr std::string_view array_idl_name = "DHCP_CLIENT_INFO_EX_ARRAY";
  using pointee = dhcp_property_array;
  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<dhcp_client_info_pb>::fields,
      std::tuple{schema::field<&dhcp_client_info_ex::properties>{
          {"Properties", field_kind::struct_pointer, field_meaning::none, 104, 72}}});
  static constexpr std::uint16_t x64_size = 112;
  static constexpr std::uint16_t x86_size = 76;
  static constexpr bool native_only = false;
};

// An _ARRAY of Record (DHCP_CLIENT_INFO_ARRAY_V4, ..., DHCPV4_FAILOVER_CLIENT_INFO_ARRAY):
// DWORD NumElements; [size_is(NumElements)] Record** Clients. Its name is
// its element schema's array_idl_name.
template <class Record>
struct record_schema<record_array<Record>> {
  static constexpr std::string_view idl_name = record_schema<Record>::array_idl_name;
  using element = Record;

  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using a = record_array<Record>;

  static constexpr std::tuple fields{
      field<&a::num_elements>{{"NumElements", k::u32, m::number, 0, 0}},
      field<&a::clients>{{"Clients", k::pointer_array, m::none, 8, 4}},
  };
  static constexpr std::uint16_t x64_size = 16;
  static constexpr std::uint16_t x86_size = 8;
  static constexpr bool native_only = false;
};

}  // namespace dhcpm
