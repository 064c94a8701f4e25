// Typed readings of the packed and enumerated fields: AddressState parts,
// bClientType and QuarantineStatus names, FILETIME <-> UTC. Unknown values are
// data, not errors: every helper has an answer for them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dhcpm {

// AddressState bits 0-1.
enum class address_state : std::uint8_t { offered = 0, active = 1, declined = 2, doom = 3 };
// AddressState bits 2-3.
enum class dhcid_mode : std::uint8_t {
  none = 0,                   // no DHCID
  without_client_id = 1,      // DHCID computed without the client-id option
  with_client_id = 2,         // DHCID computed with the client-id option
  with_duid = 3,              // DHCID computed with a DUID
};
// AddressState bits 4-7, as a bit set.
namespace dns_flags {
inline constexpr std::uint8_t cleanup = 0x1;
inline constexpr std::uint8_t both_records = 0x2;  // both A and PTR records
inline constexpr std::uint8_t unregistered = 0x4;
inline constexpr std::uint8_t deleted = 0x8;
}  // namespace dns_flags

struct address_state_parts {
  address_state state;
  dhcid_mode dhcid;
  std::uint8_t dns_flags;  // 0..15, see dns_flags

  friend bool operator==(const address_state_parts&, const address_state_parts&) = default;
};

[[nodiscard]] constexpr address_state_parts split_address_state(std::uint8_t raw) noexcept {
  return {static_cast<address_state>(raw & 0x3u), static_cast<dhcid_mode>((raw >> 2) & 0x3u),
          static_cast<std::uint8_t>(raw >> 4)};
}
[[nodiscard]] constexpr std::uint8_t join_address_state(address_state_parts p) noexcept {
  return static_cast<std::uint8_t>(static_cast<unsigned>(p.state) | (static_cast<unsigned>(p.dhcid) << 2) |
                                   ((p.dns_flags & 0xFu) << 4));
}

[[nodiscard]] std::string_view address_state_name(address_state s) noexcept;  // "active"
[[nodiscard]] std::string_view dhcid_mode_name(dhcid_mode m) noexcept;         // "with-duid"
// "cleanup|both-records", or "none" for 0.
[[nodiscard]] std::string dns_flags_names(std::uint8_t flags);

// bClientType values of the seed document.
namespace client_type {
inline constexpr std::uint8_t unspecified = 0x00;
inline constexpr std::uint8_t dhcp = 0x01;
inline constexpr std::uint8_t bootp = 0x02;
inline constexpr std::uint8_t both = 0x03;
inline constexpr std::uint8_t reservation_flag = 0x04;  // ORed with dhcp/bootp/both
inline constexpr std::uint8_t none = 0x64;              // manual addressing
}  // namespace client_type
// "dhcp", "bootp|reservation", "none", or "unknown(0x33)".
[[nodiscard]] std::string client_type_name(std::uint8_t raw);

enum class quarantine_status : std::uint32_t {
  no_quarantine = 0,
  restricted_access = 1,
  drop_packet = 2,
  probation = 3,
  exempt = 4,
  default_quar_setting = 5,
  no_quar_info = 6,
};
// "NOQUARANTINE" ... "NOQUARINFO", or std::nullopt for an unknown value.
[[nodiscard]] std::optional<std::string_view> quarantine_status_name(std::uint32_t raw) noexcept;

// DHCP_SEARCH_INFO_TYPE: "DhcpClientIpAddress", "DhcpClientHardwareAddress",
// "DhcpClientName", or std::nullopt for a value that selects no arm.
[[nodiscard]] std::optional<std::string_view> search_type_name(std::uint32_t raw) noexcept;

// DHCP_PROPERTY_ID: "DhcpPropIdPolicyDnsSuffix", "DhcpPropIdClientAddressStateEx",
// or std::nullopt for another value.
[[nodiscard]] std::optional<std::string_view> property_id_name(std::uint32_t raw) noexcept;
// DHCP_PROPERTY_TYPE: "DhcpPropTypeByte" ... "DhcpPropTypeBinary", or
// std::nullopt for a value that selects no arm.
[[nodiscard]] std::optional<std::string_view> property_type_name(std::uint32_t raw) noexcept;

// FilterStatus (dhcpsapi.h FILTER_STATUS_*), a bit set.
namespace filter_status {
inline constexpr std::uint32_t none = 0x1;
inline constexpr std::uint32_t full_match_in_allow_list = 0x2;
inline constexpr std::uint32_t full_match_in_deny_list = 0x4;
inline constexpr std::uint32_t wildcard_match_in_allow_list = 0x8;
inline constexpr std::uint32_t wildcard_match_in_deny_list = 0x10;
}  // namespace filter_status
// "FILTER_STATUS_NONE", "FILTER_STATUS_FULL_MATCH_IN_ALLOW_LIST|...", with
// "unknown(0x...)" for bits without a name and "0" for no bit.
[[nodiscard]] std::string filter_status_names(std::uint32_t raw);

// FILETIME: 100-nanosecond intervals since 1601-01-01T00:00:00Z.
using filetime_duration = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;
using utc_time = std::chrono::sys_time<filetime_duration>;

// Every FILETIME below 2^63 ticks has a utc_time; larger ones give std::nullopt.
[[nodiscard]] std::optional<utc_time> filetime_to_utc(std::uint64_t filetime) noexcept;
// Times before 1601 give std::nullopt.
[[nodiscard]] std::optional<std::uint64_t> utc_to_filetime(utc_time t) noexcept;
// "2026-11-28T17:42:31.1234567Z" (fraction only when non-zero), "never" for 0,
// or "0x<hex> (out of range)" when the value has no UTC time.
[[nodiscard]] std::string format_filetime(std::uint64_t filetime);

}  // namespace dhcpm
