// The value types: DHCPV4_FAILOVER_CLIENT_INFO, its _ARRAY, its _EX (memory
// only), and the opnum 98 response. They hold exactly what the wire can say — NULL vs empty, lengths
// that disagree with their data, enum values outside the known range — so a
// decode followed by an encode gives the same bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <optional>
#include <type_traits>
#include <vector>

#include "dhcpm/client_family.hpp"
#include "dhcpm/large_block.hpp"
#include "dhcpm/record_array.hpp"
#include "dhcpm/record_parts.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm {

// DHCPV4_FAILOVER_CLIENT_INFO: DHCP_CLIENT_INFO_VQ's members (client_family.hpp:
// the client information every client record starts with, then bClientType,
// AddressState, Status, ProbationEnds, QuarantineCapable), then the failover
// protocol's. Member names are the dhcpsapi.h names in snake_case; error
// paths and JSON use the dhcpsapi.h spelling.
struct client_info : dhcp_client_info_vq {
  std::uint32_t sent_pot_exp_time = 0;
  std::uint32_t ack_pot_exp_time = 0;
  std::uint32_t recv_pot_exp_time = 0;
  std::uint32_t start_time = 0;
  std::uint32_t clt_last_trans_time = 0;
  std::uint32_t last_bnd_upd_time = 0;
  std::uint32_t bnd_msg_status = 0;  // reserved: kept raw
  utf16_string policy_name;
  std::uint8_t flags = 0;  // reserved: kept raw

  friend bool operator==(const client_info&, const client_info&) = default;
};

// DHCPV4_FAILOVER_CLIENT_INFO_EX (dhcpsapi.h): the failover record's members,
// then DWORD AddressStateEx (the failover protocol's extended address state,
// kept raw). No RPC method carries it: it exists only in native x64/x86
// memory. record_convert.hpp converts it to and from the plain record.
struct client_info_ex : client_info {
  std::uint32_t address_state_ex = 0;

  friend bool operator==(const client_info_ex&, const client_info_ex&) = default;
};

// DHCPV4_FAILOVER_CLIENT_INFO_ARRAY and its list.
using client_list = record_list<client_info>;
using client_info_array = record_array<client_info>;

// Stub data of an R_DhcpV4FailoverGetClientInfo (dhcpsrv2 opnum 98) response.
struct get_client_info_response {
  std::optional<client_info> client;  // the [out] ClientInfo pointer; std::nullopt = NULL
  std::uint32_t return_value = 0;          // the method's DWORD (Win32 error code)

  friend bool operator==(const get_client_info_response&, const get_client_info_response&) = default;
};

// Containers move records instead of copying them, and moving a value never
// throws (utf16_string.hpp says what a move of a borrowing string does).
static_assert(std::is_nothrow_move_constructible_v<client_info> && std::is_nothrow_move_assignable_v<client_info>);
static_assert(std::is_nothrow_move_constructible_v<client_info_ex> &&
              std::is_nothrow_move_assignable_v<client_info_ex>);
static_assert(std::is_nothrow_move_constructible_v<client_list> && std::is_nothrow_move_assignable_v<client_list>);
static_assert(std::is_nothrow_move_constructible_v<client_info_array> &&
              std::is_nothrow_move_assignable_v<client_info_array>);
static_assert(std::is_nothrow_move_constructible_v<get_client_info_response> &&
              std::is_nothrow_move_assignable_v<get_client_info_response>);

}  // namespace dhcpm
