// The descriptions of DHCPV4_FAILOVER_CLIENT_INFO and its _EX (schema.hpp):
// their fields in dhcpsapi.h member order, each with its value member, then
// {path, kind, meaning, native x64 and x86 offsets, enclosing structure, C API
// constant}; the first twelve are DHCP_CLIENT_INFO_VQ's (client_family_schema.hpp). Everything that reads, writes, shows or generates the record
// takes its field list from here.
#pragma once

#include <tuple>

#include "dhcpm/client_family_schema.hpp"
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

  // DHCP_CLIENT_INFO_VQ's fields (client_family_schema.hpp), then the failover protocol's.
  static constexpr std::tuple fields = std::tuple_cat(record_schema<dhcp_client_info_vq>::fields, std::tuple{
      field<&c::sent_pot_exp_time>{{"SentPotExpTime", k::u32, m::number, 92, 64, no_parent, DHCPM_FIELD_SENT_POT_EXP_TIME}},
      field<&c::ack_pot_exp_time>{{"AckPotExpTime", k::u32, m::number, 96, 68, no_parent, DHCPM_FIELD_ACK_POT_EXP_TIME}},
      field<&c::recv_pot_exp_time>{{"RecvPotExpTime", k::u32, m::number, 100, 72, no_parent, DHCPM_FIELD_RECV_POT_EXP_TIME}},
      field<&c::start_time>{{"StartTime", k::u32, m::number, 104, 76, no_parent, DHCPM_FIELD_START_TIME}},
      field<&c::clt_last_trans_time>{{"CltLastTransTime", k::u32, m::number, 108, 80, no_parent, DHCPM_FIELD_CLT_LAST_TRANS_TIME}},
      field<&c::last_bnd_upd_time>{{"LastBndUpdTime", k::u32, m::number, 112, 84, no_parent, DHCPM_FIELD_LAST_BND_UPD_TIME}},
      field<&c::bnd_msg_status>{{"BndMsgStatus", k::u32, m::reserved, 116, 88, no_parent, DHCPM_FIELD_BND_MSG_STATUS}},
      field<&c::policy_name>{{"PolicyName", k::lpwstr, m::none, 120, 92, no_parent, DHCPM_STRING_POLICY_NAME}},
      field<&c::flags>{{"Flags", k::u8, m::reserved, 128, 96, no_parent, DHCPM_FIELD_FLAGS}},
  });
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

}  // namespace dhcpm
