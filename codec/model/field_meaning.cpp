// Names and times for the packed fields. Every function has an answer for
// values outside the documented ranges, because those are data on the wire.
#include "dhcpm/field_meaning.hpp"

#include <cinttypes>
#include <cstdio>
#include <iterator>

namespace dhcpm {
namespace detail {
namespace {

// 1601-01-01T00:00:00Z to 1970-01-01T00:00:00Z in 100-ns ticks.
constexpr std::int64_t unix_epoch_as_filetime = 116'444'736'000'000'000;

std::string hex_byte(std::uint8_t value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02x", static_cast<unsigned>(value));
  return buffer;
}

struct named_flag {
  std::uint32_t bit;
  std::string_view name;
};

// The names of raw's known bits joined by '|', then any other bits as
// "unknown(0x..)" with at least `digits` hex digits: every bit is shown,
// none silently dropped.
template <std::size_t N>
std::string flag_names(std::uint32_t raw, const named_flag (&known)[N], int digits) {
  std::string out;
  const auto append = [&out](std::string_view part) {
    if (!out.empty()) out += '|';
    out += part;
  };
  std::uint32_t rest = raw;
  for (const named_flag& flag : known) {
    if ((raw & flag.bit) == 0) continue;
    append(flag.name);
    rest &= ~flag.bit;
  }
  if (rest != 0) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "unknown(0x%0*" PRIx32 ")", digits, rest);
    append(buffer);
  }
  return out;
}

}  // namespace
}  // namespace detail

std::string_view address_state_name(address_state s) noexcept {
  switch (s) {
    case address_state::offered: return "offered";
    case address_state::active: return "active";
    case address_state::declined: return "declined";
    case address_state::doom: return "doom";
  }
  return "unknown";  // only reachable through a cast of an out-of-range value
}

std::string_view dhcid_mode_name(dhcid_mode m) noexcept {
  switch (m) {
    case dhcid_mode::none: return "none";
    case dhcid_mode::without_client_id: return "without-client-id";
    case dhcid_mode::with_client_id: return "with-client-id";
    case dhcid_mode::with_duid: return "with-duid";
  }
  return "unknown";
}

std::string dns_flags_names(std::uint8_t flags) {
  if (flags == 0) return "none";
  // The parts come from a 4-bit field; a caller passing more bits still gets them shown.
  static constexpr detail::named_flag known[] = {{dns_flags::cleanup, "cleanup"},
                                                 {dns_flags::both_records, "both-records"},
                                                 {dns_flags::unregistered, "unregistered"},
                                                 {dns_flags::deleted, "deleted"}};
  return detail::flag_names(flags, known, 2);
}

std::string client_type_name(std::uint8_t raw) {
  switch (raw) {
    case client_type::unspecified: return "unspecified";
    case client_type::none: return "none";
    default: break;
  }
  // The reservation flag only has a meaning together with a client type
  // (0x01..0x03), so 0x04 alone and any higher bit are unknown values.
  const auto kind = static_cast<std::uint8_t>(raw & ~client_type::reservation_flag);
  std::string name;
  switch (kind) {
    case client_type::dhcp: name = "dhcp"; break;
    case client_type::bootp: name = "bootp"; break;
    case client_type::both: name = "dhcp+bootp"; break;
    default: return "unknown(" + detail::hex_byte(raw) + ")";
  }
  if ((raw & client_type::reservation_flag) != 0) name += "|reservation";
  return name;
}

std::optional<std::string_view> quarantine_status_name(std::uint32_t raw) noexcept {
  static constexpr std::string_view names[] = {"NOQUARANTINE", "RESTRICTEDACCESS",   "DROPPACKET", "PROBATION",
                                               "EXEMPT",       "DEFAULTQUARSETTING", "NOQUARINFO"};
  if (raw >= std::size(names)) return std::nullopt;
  return names[raw];
}

std::optional<std::string_view> search_type_name(std::uint32_t raw) noexcept {
  static constexpr std::string_view names[] = {"DhcpClientIpAddress", "DhcpClientHardwareAddress", "DhcpClientName"};
  if (raw >= std::size(names)) return std::nullopt;
  return names[raw];
}

std::optional<std::string_view> property_id_name(std::uint32_t raw) noexcept {
  static constexpr std::string_view names[] = {"DhcpPropIdPolicyDnsSuffix", "DhcpPropIdClientAddressStateEx"};
  if (raw >= std::size(names)) return std::nullopt;
  return names[raw];
}

std::optional<std::string_view> property_type_name(std::uint32_t raw) noexcept {
  static constexpr std::string_view names[] = {"DhcpPropTypeByte", "DhcpPropTypeWord", "DhcpPropTypeDword",
                                               "DhcpPropTypeString", "DhcpPropTypeBinary"};
  if (raw >= std::size(names)) return std::nullopt;
  return names[raw];
}

std::string filter_status_names(std::uint32_t raw) {
  if (raw == 0) return "0";
  static constexpr detail::named_flag known[] = {
      {filter_status::none, "FILTER_STATUS_NONE"},
      {filter_status::full_match_in_allow_list, "FILTER_STATUS_FULL_MATCH_IN_ALLOW_LIST"},
      {filter_status::full_match_in_deny_list, "FILTER_STATUS_FULL_MATCH_IN_DENY_LIST"},
      {filter_status::wildcard_match_in_allow_list, "FILTER_STATUS_WILDCARD_MATCH_IN_ALLOW_LIST"},
      {filter_status::wildcard_match_in_deny_list, "FILTER_STATUS_WILDCARD_MATCH_IN_DENY_LIST"}};
  return detail::flag_names(raw, known, 1);
}

std::optional<utc_time> filetime_to_utc(std::uint64_t filetime) noexcept {
  // utc_time counts signed 64-bit ticks from 1970; every FILETIME below 2^63
  // minus the epoch difference fits, larger ones do not.
  if (filetime > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  const auto ticks = static_cast<std::int64_t>(filetime) - detail::unix_epoch_as_filetime;
  return utc_time{filetime_duration{ticks}};
}

std::optional<std::uint64_t> utc_to_filetime(utc_time t) noexcept {
  const std::int64_t ticks = t.time_since_epoch().count();
  if (ticks < -detail::unix_epoch_as_filetime) return std::nullopt;
  // Unsigned arithmetic: ticks + epoch may exceed INT64_MAX but never 2^64.
  return static_cast<std::uint64_t>(ticks) + static_cast<std::uint64_t>(detail::unix_epoch_as_filetime);
}

std::string format_filetime(std::uint64_t filetime) {
  if (filetime == 0) return "never";
  char buffer[80];
  const std::optional<utc_time> t = filetime_to_utc(filetime);
  if (!t) {
    std::snprintf(buffer, sizeof buffer, "0x%" PRIx64 " (out of range)", filetime);
    return buffer;
  }
  using namespace std::chrono;
  const sys_days day = floor<days>(*t);
  const year_month_day date{day};
  const hh_mm_ss<filetime_duration> clock{*t - day};
  int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(date.year()),
                             static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                             static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                             static_cast<int>(clock.seconds().count()));
  const std::int64_t fraction = clock.subseconds().count();
  if (fraction != 0 && length > 0) {
    length += std::snprintf(buffer + length, sizeof buffer - static_cast<std::size_t>(length), ".%07" PRId64, fraction);
  }
  std::string out(buffer);
  out += 'Z';
  return out;
}

}  // namespace dhcpm
