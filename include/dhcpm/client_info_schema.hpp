// The descriptions of DHCPV4_FAILOVER_CLIENT_INFO, its _ARRAY and its _EX (schema.hpp):
// their fields in dhcpsapi.h member order, each with its value member, then
// {path, kind, meaning, native x64 and x86 offsets, enclosing structure, C API
// constant}. Everything that reads, writes, shows or generates the record
// takes its field list from here.
#pragma once

#include <tuple>

#include "dhcpm/client_info.hpp"
#include "dhcpm/dhcpm.h"
#include "dhcpm/schema.hpp"

namespace dhcpm {

template <>
struct record_schema<client_info> {
  static constexpr std::string_view idl_name = "DHCPV4_FAILOVER_CLIENT_INFO";
  static constexpr std::string_view array_idl_name = "DHCPV4_FAILOVER_CLIENT_INFO_ARRAY";

  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using c = client_info;
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
      field<&c::client_type>{{"bClientType", k::u8, m::client_type, 72, 44, no_parent, DHCPM_FIELD_CLIENT_TYPE}},
      field<&c::address_state>{{"AddressState", k::u8, m::address_state, 73, 45, no_parent, DHCPM_FIELD_ADDRESS_STATE}},
      field<&c::status>{{"Status", k::enum16, m::quarantine_status, 76, 48, no_parent, DHCPM_FIELD_STATUS}},
      field<&c::probation_ends>{{"ProbationEnds", k::filetime, m::filetime, 80, 52, no_parent, DHCPM_FIELD_PROBATION_ENDS}},
      field<&c::quarantine_capable>{{"QuarantineCapable", k::u32, m::boolean, 88, 60, no_parent, DHCPM_FIELD_QUARANTINE_CAPABLE}},
      field<&c::sent_pot_exp_time>{{"SentPotExpTime", k::u32, m::number, 92, 64, no_parent, DHCPM_FIELD_SENT_POT_EXP_TIME}},
      field<&c::ack_pot_exp_time>{{"AckPotExpTime", k::u32, m::number, 96, 68, no_parent, DHCPM_FIELD_ACK_POT_EXP_TIME}},
      field<&c::recv_pot_exp_time>{{"RecvPotExpTime", k::u32, m::number, 100, 72, no_parent, DHCPM_FIELD_RECV_POT_EXP_TIME}},
      field<&c::start_time>{{"StartTime", k::u32, m::number, 104, 76, no_parent, DHCPM_FIELD_START_TIME}},
      field<&c::clt_last_trans_time>{{"CltLastTransTime", k::u32, m::number, 108, 80, no_parent, DHCPM_FIELD_CLT_LAST_TRANS_TIME}},
      field<&c::last_bnd_upd_time>{{"LastBndUpdTime", k::u32, m::number, 112, 84, no_parent, DHCPM_FIELD_LAST_BND_UPD_TIME}},
      field<&c::bnd_msg_status>{{"BndMsgStatus", k::u32, m::reserved, 116, 88, no_parent, DHCPM_FIELD_BND_MSG_STATUS}},
      field<&c::policy_name>{{"PolicyName", k::lpwstr, m::none, 120, 92, no_parent, DHCPM_STRING_POLICY_NAME}},
      field<&c::flags>{{"Flags", k::u8, m::reserved, 128, 96, no_parent, DHCPM_FIELD_FLAGS}},
  };
  // sizeof in native memory (dhcpsapi.h; tests/abi checks it).
  static constexpr std::uint16_t x64_size = 136;
  static constexpr std::uint16_t x86_size = 100;
  static constexpr bool native_only = false;
};

// DHCPV4_FAILOVER_CLIENT_INFO_EX: the same fields, then DWORD AddressStateEx
// (in x64 it fills what was the trailing pad). No RPC method carries it.
template <>
struct record_schema<client_info_ex> {
  static constexpr std::string_view idl_name = "DHCPV4_FAILOVER_CLIENT_INFO_EX";

  static constexpr std::tuple fields = std::tuple_cat(
      record_schema<client_info>::fields,
      std::tuple{schema::field<&client_info_ex::address_state_ex>{
          {"AddressStateEx", field_kind::u32, field_meaning::reserved, 132, 100, no_parent,
           DHCPM_FIELD_ADDRESS_STATE_EX}}});
  static constexpr std::uint16_t x64_size = 136;
  static constexpr std::uint16_t x86_size = 104;
  static constexpr bool native_only = true;  // x64 and x86 images only
};

// An _ARRAY of Record (DHCPV4_FAILOVER_CLIENT_INFO_ARRAY, DHCP_CLIENT_INFO_ARRAY_V4, ...):
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
