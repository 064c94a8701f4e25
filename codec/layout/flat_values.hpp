// A record's flat part as numbers: read from bytes or written to bytes by a
// layout table, and converted to and from the scalar fields of client_info.
// Walkers, encoders and the value builder all go through here, so the mapping
// between wire fields and value members exists once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "dhcpm/client_info.hpp"
#include "layout/record_layout.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// Indexed by record_field, widened to 64 bits. Pointer fields hold the
// referent id or address (0 = NULL).
using flat_values = std::array<std::uint64_t, record_field_count>;

[[nodiscard]] constexpr std::uint64_t& field(flat_values& v, record_field f) noexcept {
  return v[static_cast<std::size_t>(f)];
}
[[nodiscard]] constexpr std::uint64_t field(const flat_values& v, record_field f) noexcept {
  return v[static_cast<std::size_t>(f)];
}

// Loads every field at p as Format's layout table and byte order say.
template <class Format>
inline void load_flat(const std::uint8_t* p, flat_values& out) noexcept {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((out[I] = load_uint<Format::byte_order>(p + Format::record.fields[I].offset, Format::record.fields[I].size)), ...);
  }(std::make_index_sequence<record_field_count>{});
}

// Loads only the pointer fields and DataLength: what a walk needs to find the
// pointees, for a sink that does not want the scalars (wants_flat_values).
inline constexpr std::array<record_field, 7> pointer_walk_fields{
    record_field::data_length,   record_field::data,      record_field::client_name, record_field::client_comment,
    record_field::net_bios_name, record_field::host_name, record_field::policy_name};
template <class Format>
inline void load_pointers(const std::uint8_t* p, flat_values& out) noexcept {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((out[static_cast<std::size_t>(pointer_walk_fields[I])] =
          load_uint<Format::byte_order>(p + Format::record[pointer_walk_fields[I]].offset,
                                        Format::record[pointer_walk_fields[I]].size)),
     ...);
  }(std::make_index_sequence<pointer_walk_fields.size()>{});
}

// Stores every field at p (the padding between them is left as it is).
// GCC's SLP vectoriser would pack pairs of the 64-bit values just written by
// scalars_of() into vector loads that cannot be store-forwarded: a stall that
// was a fifth of the encode time. Plain scalar stores are faster here.
#if defined(__GNUC__) && !defined(__clang__)
#define DHCPM_NO_SLP_VECTORIZE [[gnu::optimize("no-tree-slp-vectorize")]]
#else
#define DHCPM_NO_SLP_VECTORIZE
#endif
template <class Format>
DHCPM_NO_SLP_VECTORIZE inline void store_flat(std::uint8_t* p, const flat_values& v) noexcept {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((store_uint<Format::byte_order>(p + Format::record.fields[I].offset, Format::record.fields[I].size, v[I])), ...);
  }(std::make_index_sequence<record_field_count>{});
}

// The scalar fields of r; pointer fields are 0 (the caller fills them).
[[nodiscard]] inline flat_values scalars_of(const client_info& r) noexcept {
  flat_values v{};
  field(v, record_field::client_ip_address) = r.client_ip_address;
  field(v, record_field::subnet_mask) = r.subnet_mask;
  field(v, record_field::data_length) = r.client_hardware_address.data_length;
  field(v, record_field::lease_expires_low) = r.client_lease_expires & 0xFFFFFFFFu;
  field(v, record_field::lease_expires_high) = r.client_lease_expires >> 32;
  field(v, record_field::owner_ip_address) = r.owner_host.ip_address;
  field(v, record_field::client_type) = r.client_type;
  field(v, record_field::address_state) = r.address_state;
  field(v, record_field::status) = r.status;
  field(v, record_field::probation_ends_low) = r.probation_ends & 0xFFFFFFFFu;
  field(v, record_field::probation_ends_high) = r.probation_ends >> 32;
  field(v, record_field::quarantine_capable) = r.quarantine_capable;
  field(v, record_field::sent_pot_exp_time) = r.sent_pot_exp_time;
  field(v, record_field::ack_pot_exp_time) = r.ack_pot_exp_time;
  field(v, record_field::recv_pot_exp_time) = r.recv_pot_exp_time;
  field(v, record_field::start_time) = r.start_time;
  field(v, record_field::clt_last_trans_time) = r.clt_last_trans_time;
  field(v, record_field::last_bnd_upd_time) = r.last_bnd_upd_time;
  field(v, record_field::bnd_msg_status) = r.bnd_msg_status;
  field(v, record_field::flags) = r.flags;
  return v;
}

// Sets the scalar fields of r from v (every value fits: the layouts' widths
// are at most the members' widths).
inline void assign_scalars(const flat_values& v, client_info& r) noexcept {
  const auto u32 = [&v](record_field f) { return static_cast<std::uint32_t>(field(v, f)); };
  const auto u8 = [&v](record_field f) { return static_cast<std::uint8_t>(field(v, f)); };
  r.client_ip_address = u32(record_field::client_ip_address);
  r.subnet_mask = u32(record_field::subnet_mask);
  r.client_hardware_address.data_length = u32(record_field::data_length);
  r.client_lease_expires = field(v, record_field::lease_expires_high) << 32 | field(v, record_field::lease_expires_low);
  r.owner_host.ip_address = u32(record_field::owner_ip_address);
  r.client_type = u8(record_field::client_type);
  r.address_state = u8(record_field::address_state);
  r.status = u32(record_field::status);
  r.probation_ends = field(v, record_field::probation_ends_high) << 32 | field(v, record_field::probation_ends_low);
  r.quarantine_capable = u32(record_field::quarantine_capable);
  r.sent_pot_exp_time = u32(record_field::sent_pot_exp_time);
  r.ack_pot_exp_time = u32(record_field::ack_pot_exp_time);
  r.recv_pot_exp_time = u32(record_field::recv_pot_exp_time);
  r.start_time = u32(record_field::start_time);
  r.clt_last_trans_time = u32(record_field::clt_last_trans_time);
  r.last_bnd_upd_time = u32(record_field::last_bnd_upd_time);
  r.bnd_msg_status = u32(record_field::bnd_msg_status);
  r.flags = u8(record_field::flags);
}

// The strings of a record, by pointer field, in member order.
[[nodiscard]] inline const utf16_string& string_of(const client_info& r, record_field f) noexcept {
  switch (f) {
    case record_field::client_name: return r.client_name;
    case record_field::client_comment: return r.client_comment;
    case record_field::net_bios_name: return r.owner_host.net_bios_name;
    case record_field::host_name: return r.owner_host.host_name;
    default: return r.policy_name;
  }
}
[[nodiscard]] inline utf16_string& string_of(client_info& r, record_field f) noexcept {
  return const_cast<utf16_string&>(string_of(static_cast<const client_info&>(r), f));
}
inline constexpr std::array<record_field, 5> string_fields{record_field::client_name, record_field::client_comment,
                                                           record_field::net_bios_name, record_field::host_name,
                                                           record_field::policy_name};

}  // namespace dhcpm::detail
