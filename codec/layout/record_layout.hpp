// The one table of where each field of the record sits, per layout. The NDR
// walker, the encoder, the native image walker and dissection all read their
// offsets from here, so a layout is described exactly once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dhcpm::detail {

// The fields of the record's fixed ("flat") part, in member order. The two
// DATE_TIMEs are two DWORDs each on the wire, so they are two fields here.
enum class record_field : std::uint8_t {
  client_ip_address,
  subnet_mask,
  data_length,
  data,  // pointer
  client_name,  // pointer
  client_comment,  // pointer
  lease_expires_low,
  lease_expires_high,
  owner_ip_address,
  net_bios_name,  // pointer
  host_name,  // pointer
  client_type,
  address_state,
  status,
  probation_ends_low,
  probation_ends_high,
  quarantine_capable,
  sent_pot_exp_time,
  ack_pot_exp_time,
  recv_pot_exp_time,
  start_time,
  clt_last_trans_time,
  last_bnd_upd_time,
  bnd_msg_status,
  policy_name,  // pointer
  flags,
};
inline constexpr std::size_t record_field_count = static_cast<std::size_t>(record_field::flags) + 1;

// The pointer fields, in member order: also the order of their pointees.
inline constexpr std::array<record_field, 6> record_pointer_fields{
    record_field::data,          record_field::client_name, record_field::client_comment,
    record_field::net_bios_name, record_field::host_name,   record_field::policy_name};
[[nodiscard]] constexpr bool is_pointer_field(record_field f) noexcept {
  for (const record_field p : record_pointer_fields) {
    if (p == f) return true;
  }
  return false;
}

// The field path of a record field relative to the record ("OwnerHost.HostName").
[[nodiscard]] constexpr std::string_view record_field_path(record_field f) noexcept {
  switch (f) {
    case record_field::client_ip_address: return "ClientIpAddress";
    case record_field::subnet_mask: return "SubnetMask";
    case record_field::data_length: return "ClientHardwareAddress.DataLength";
    case record_field::data: return "ClientHardwareAddress.Data";
    case record_field::client_name: return "ClientName";
    case record_field::client_comment: return "ClientComment";
    case record_field::lease_expires_low: return "ClientLeaseExpires.dwLowDateTime";
    case record_field::lease_expires_high: return "ClientLeaseExpires.dwHighDateTime";
    case record_field::owner_ip_address: return "OwnerHost.IpAddress";
    case record_field::net_bios_name: return "OwnerHost.NetBiosName";
    case record_field::host_name: return "OwnerHost.HostName";
    case record_field::client_type: return "bClientType";
    case record_field::address_state: return "AddressState";
    case record_field::status: return "Status";
    case record_field::probation_ends_low: return "ProbationEnds.dwLowDateTime";
    case record_field::probation_ends_high: return "ProbationEnds.dwHighDateTime";
    case record_field::quarantine_capable: return "QuarantineCapable";
    case record_field::sent_pot_exp_time: return "SentPotExpTime";
    case record_field::ack_pot_exp_time: return "AckPotExpTime";
    case record_field::recv_pot_exp_time: return "RecvPotExpTime";
    case record_field::start_time: return "StartTime";
    case record_field::clt_last_trans_time: return "CltLastTransTime";
    case record_field::last_bnd_upd_time: return "LastBndUpdTime";
    case record_field::bnd_msg_status: return "BndMsgStatus";
    case record_field::policy_name: return "PolicyName";
    case record_field::flags: return "Flags";
  }
  return "?";
}

struct field_slot {
  std::uint16_t offset;
  std::uint8_t size;
};

struct record_layout {
  std::uint16_t size;       // bytes of the flat part, trailing pad included
  std::uint8_t alignment;   // of the struct
  std::array<field_slot, record_field_count> fields;

  [[nodiscard]] constexpr field_slot operator[](record_field f) const noexcept {
    return fields[static_cast<std::size_t>(f)];
  }
};

struct array_layout {
  std::uint8_t size;
  std::uint8_t alignment;
  field_slot num_elements;
  field_slot clients;  // pointer
};

// NDR 2.0: pointers 4, enum 2, align 4, no trailing pad (DESIGN.md §2).
inline constexpr record_layout ndr20_record_layout{
    93, 4,
    {{{0, 4}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 4}, {28, 4}, {32, 4}, {36, 4}, {40, 4},
      {44, 1}, {45, 1}, {46, 2}, {48, 4}, {52, 4}, {56, 4}, {60, 4}, {64, 4}, {68, 4}, {72, 4}, {76, 4},
      {80, 4}, {84, 4}, {88, 4}, {92, 1}}}};
inline constexpr array_layout ndr20_array_layout{8, 4, {0, 4}, {4, 4}};

// NDR64 and native x64 share offsets: pointers 8, enum 4, align 8, size a
// multiple of 8 (DESIGN.md §3, §5).
inline constexpr record_layout x64_record_layout{
    136, 8,
    {{{0, 4}, {4, 4}, {8, 4}, {16, 8}, {24, 8}, {32, 8}, {40, 4}, {44, 4}, {48, 4}, {56, 8}, {64, 8},
      {72, 1}, {73, 1}, {76, 4}, {80, 4}, {84, 4}, {88, 4}, {92, 4}, {96, 4}, {100, 4}, {104, 4}, {108, 4},
      {112, 4}, {116, 4}, {120, 8}, {128, 1}}}};
inline constexpr array_layout x64_array_layout{16, 8, {0, 4}, {8, 8}};
inline constexpr const record_layout& ndr64_record_layout = x64_record_layout;
inline constexpr const array_layout& ndr64_array_layout = x64_array_layout;

// Native x86: pointers 4, enum 4, align 4.
inline constexpr record_layout x86_record_layout{
    100, 4,
    {{{0, 4}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 4}, {28, 4}, {32, 4}, {36, 4}, {40, 4},
      {44, 1}, {45, 1}, {48, 4}, {52, 4}, {56, 4}, {60, 4}, {64, 4}, {68, 4}, {72, 4}, {76, 4}, {80, 4},
      {84, 4}, {88, 4}, {92, 4}, {96, 1}}}};
inline constexpr array_layout x86_array_layout{8, 4, {0, 4}, {4, 4}};

// Every layout's fields are in member order, inside the struct, and do not
// overlap: checked here once so no reader has to.
constexpr bool fields_are_ordered(const record_layout& l) {
  std::size_t end = 0;
  for (const field_slot& s : l.fields) {
    if (s.offset < end || s.offset % s.size != 0) return false;
    end = std::size_t{s.offset} + s.size;
  }
  return end <= l.size;
}
static_assert(fields_are_ordered(ndr20_record_layout));
static_assert(fields_are_ordered(x64_record_layout));
static_assert(fields_are_ordered(x86_record_layout));
static_assert(x64_record_layout.size % 8 == 0 && x86_record_layout.size % 4 == 0);  // native: trailing pad

}  // namespace dhcpm::detail
