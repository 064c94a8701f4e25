// The realistic value generator: addresses, hardware ids, times and states
// drawn the way a Windows DHCP server's failover database would hold them.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dhcpm/field_meaning.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "generate/realistic_text.hpp"
#include "layout/union_arm.hpp"

namespace dhcpm {
namespace {

// Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01 (Unix time's).
constexpr std::uint64_t filetime_epoch_offset = 11'644'473'600;
constexpr std::uint64_t ticks_per_second = 10'000'000;
// The "now" of each record: 2023-01-01T00:00:00Z .. 2026-12-31T23:59:59Z.
constexpr std::uint64_t first_now = 1'672'531'200;
constexpr std::uint64_t last_now = 1'798'761'599;

constexpr std::uint64_t hour = 3600;
constexpr std::uint64_t day = 24 * hour;

std::uint64_t filetime_of(std::uint64_t unix_seconds, std::uint64_t ticks) {
  return (unix_seconds + filetime_epoch_offset) * ticks_per_second + ticks;
}

// A subnet a client lives in: its network address and mask.
struct subnet {
  std::uint32_t network;
  std::uint32_t mask;
};

subnet random_subnet(realistic_generator& g) {
  // Each draw is its own statement: the order in which the operands of one
  // expression are evaluated is unspecified, and the stream must not depend on it.
  const auto octet = [&g](std::uint64_t lo, std::uint64_t hi) { return static_cast<std::uint32_t>(g.between(lo, hi)); };
  std::uint32_t first = 192;
  std::uint32_t second = 168;
  switch (g.below(3)) {
    case 0:
      first = 10;
      second = octet(0, 255);
      break;
    case 1:
      first = 172;
      second = octet(16, 31);
      break;
    default: break;
  }
  const std::uint32_t third = octet(0, 255);
  const std::uint32_t network = first << 24 | second << 16 | third << 8;
  const std::uint64_t shape = g.below(100);
  const std::uint32_t mask = shape < 75 ? 0xFFFFFF00u : shape < 95 ? 0xFFFFFC00u : 0xFFFF0000u;  // /24, /22, /16
  return {network & mask, mask};
}

// A usable host address of the subnet (neither network nor broadcast).
std::uint32_t host_in(realistic_generator& g, subnet s) {
  const std::uint32_t hosts = ~s.mask;  // 255, 1023 or 65535
  return s.network | static_cast<std::uint32_t>(g.between(1, hosts - 1));
}

binary_data hardware_address(realistic_generator& g, std::uint32_t client_ip, subnet s) {
  binary_data out;
  const std::uint64_t shape = g.below(100);
  if (shape < 3) return out;  // no hardware address: DataLength 0, Data NULL
  const auto mac = detail::mac_address(g);
  std::vector<std::uint8_t> bytes;
  if (shape < 75) {
    bytes.assign(mac.begin(), mac.end());
  } else {
    // The client unique id of opnum 98: the subnet address reversed, 0x01
    // (Ethernet), then the MAC.
    const std::uint32_t network = client_ip & s.mask;
    bytes = {static_cast<std::uint8_t>(network), static_cast<std::uint8_t>(network >> 8),
             static_cast<std::uint8_t>(network >> 16), static_cast<std::uint8_t>(network >> 24), 0x01};
    bytes.insert(bytes.end(), mac.begin(), mac.end());
  }
  out.data_length = static_cast<std::uint32_t>(bytes.size());
  out.data = std::move(bytes);
  return out;
}

std::uint8_t random_client_type(realistic_generator& g) {
  const std::uint64_t r = g.below(100);
  if (r < 70) return client_type::dhcp;
  if (r < 80) return client_type::both;
  if (r < 83) return client_type::bootp;
  if (r < 93) return client_type::dhcp | client_type::reservation_flag;
  if (r < 96) return client_type::both | client_type::reservation_flag;
  if (r < 98) return client_type::none;
  return client_type::unspecified;
}

std::uint8_t random_address_state(realistic_generator& g) {
  const std::uint64_t s = g.below(100);
  const address_state state = s < 80 ? address_state::active
                              : s < 88 ? address_state::offered
                              : s < 92 ? address_state::declined
                                       : address_state::doom;
  const std::uint64_t d = g.below(100);
  const dhcid_mode dhcid = d < 60 ? dhcid_mode::none
                           : d < 80 ? dhcid_mode::with_client_id
                           : d < 95 ? dhcid_mode::without_client_id
                                    : dhcid_mode::with_duid;
  const std::uint64_t f = g.below(100);
  const std::uint8_t flags = f < 50 ? 0
                             : f < 80 ? dns_flags::both_records
                             : f < 90 ? dns_flags::cleanup | dns_flags::both_records
                             : f < 95 ? dns_flags::unregistered
                                      : dns_flags::deleted;
  return join_address_state({state, dhcid, flags});
}

std::uint32_t random_status(realistic_generator& g) {
  const std::uint64_t r = g.below(100);
  if (r < 70) return static_cast<std::uint32_t>(quarantine_status::no_quarantine);
  if (r < 90) return static_cast<std::uint32_t>(quarantine_status::no_quar_info);
  if (r < 94) return static_cast<std::uint32_t>(quarantine_status::probation);
  if (r < 97) return static_cast<std::uint32_t>(quarantine_status::exempt);
  if (r < 99) return static_cast<std::uint32_t>(quarantine_status::restricted_access);
  return static_cast<std::uint32_t>(quarantine_status::drop_packet);
}

// Windows' lease durations: 8 days (the default), 1 day, 4 hours, 1 hour, 30 days.
std::uint64_t lease_duration(realistic_generator& g) {
  const std::uint64_t r = g.below(100);
  if (r < 60) return 8 * day;
  if (r < 80) return day;
  if (r < 90) return 4 * hour;
  if (r < 95) return hour;
  return 30 * day;
}

std::uint32_t seconds32(std::uint64_t unix_seconds) { return static_cast<std::uint32_t>(unix_seconds); }

}  // namespace

std::uint64_t realistic_generator::below(std::uint64_t bound) noexcept {
  // Rejecting the lowest 2^64 mod bound outputs leaves a range that is a
  // whole number of copies of [0, bound): no modulo bias, and the same
  // answer on every platform.
  const std::uint64_t threshold = (0 - bound) % bound;
  std::uint64_t x = engine_();
  while (x < threshold) x = engine_();
  return x % bound;
}

std::uint64_t realistic_generator::between(std::uint64_t lo, std::uint64_t hi) noexcept {
  if (lo == 0 && hi == UINT64_MAX) return engine_();
  return lo + below(hi - lo + 1);
}

client_info realistic_generator::client() {
  client_info c;
  const subnet s = random_subnet(*this);
  c.client_ip_address = host_in(*this, s);
  c.subnet_mask = s.mask;
  c.client_hardware_address = hardware_address(*this, c.client_ip_address, s);
  const std::string domain = detail::domain_name(*this);
  c.client_name = detail::client_name(*this, domain);
  c.client_comment = detail::client_comment(*this);

  const std::uint64_t now = between(first_now, last_now);
  const std::uint64_t duration = lease_duration(*this);
  const std::uint64_t lease_start = now - below(duration);
  const std::uint64_t lease_end = lease_start + duration;
  c.client_type = random_client_type(*this);
  const bool reserved = (c.client_type & client_type::reservation_flag) != 0;
  // A reservation that never expires has a zero FILETIME ("never").
  c.client_lease_expires = reserved && chance(50) ? 0 : filetime_of(lease_end, below(ticks_per_second));
  c.address_state = random_address_state(*this);
  c.status = random_status(*this);
  if (c.status == static_cast<std::uint32_t>(quarantine_status::probation)) {
    const std::uint64_t probation_end = now + between(1, 48) * hour;
    c.probation_ends = filetime_of(probation_end, below(ticks_per_second));
  }
  c.quarantine_capable = chance(20) ? 1 : 0;

  // The owner: a failover partner on the first addresses of a server subnet.
  c.owner_host.ip_address = (c.client_ip_address & 0xFFFF0000u) | static_cast<std::uint32_t>(between(2, 20));
  if (!chance(10)) {
    const std::string server = detail::server_netbios_name(*this);
    c.owner_host.net_bios_name = *utf16_string::from_utf8(server);
    std::string host;
    for (const char ch : server) host += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (!chance(15)) c.owner_host.host_name = *utf16_string::from_utf8(host + "." + domain);
  }

  // The failover protocol's clock: seconds (Unix time), with the maximum
  // client lead time (1 hour by default) on top of the lease.
  constexpr std::uint64_t mclt = hour;
  c.start_time = seconds32(lease_start);
  c.clt_last_trans_time = seconds32(lease_start + below(duration / 2 + 1));
  c.last_bnd_upd_time = seconds32(lease_start + below(60));
  c.sent_pot_exp_time = seconds32(lease_end + mclt);
  c.ack_pot_exp_time = chance(90) ? c.sent_pot_exp_time : 0;  // not yet acknowledged
  c.recv_pot_exp_time = chance(50) ? c.sent_pot_exp_time : 0;
  c.bnd_msg_status = 0;  // reserved
  c.policy_name = detail::policy_name(*this);
  c.flags = 0;  // reserved
  return c;
}

client_info_array realistic_generator::array() { return value<client_info_array>(); }

namespace {

// The index of Record's field at `path`, or the size of its table.
template <class Record>
constexpr std::size_t field_named(std::string_view path) {
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (field_table<Record>[i].path == path) return i;
  }
  return field_table<Record>.size();
}

// FilterStatus (dhcpsapi.h FILTER_STATUS_*): most clients match no filter;
// some are on the allow list, by address or by a wildcard pattern.
std::uint32_t filter_status(realistic_generator& g) {
  const std::uint64_t shape = g.below(100);
  if (shape < 85) return 0x1;   // FILTER_STATUS_NONE
  if (shape < 97) return 0x2;   // FILTER_STATUS_FULL_MATCH_IN_ALLOW_LIST
  return 0x8;                   // FILTER_STATUS_WILDCARD_MATCH_IN_ALLOW_LIST
}

// Whether field i of Record switches a union.
template <class Record>
constexpr bool is_selector(std::size_t i) {
  for (const field_info& f : field_table<Record>) {
    if (f.kind == field_kind::union_ && f.selector == i) return true;
  }
  return false;
}

// Whether r's union is switched to `arm` (false for a record with no union).
template <class Record>
bool selects(const Record& r, std::int8_t arm) {
  if constexpr (detail::has_union<Record>) {
    return static_cast<std::uint64_t>(arm) == detail::discriminant_of(r);
  } else {
    return false;
  }
}

dhcp_property_array property_array(realistic_generator& g, std::uint32_t n);

// A record made of a failover record: every member the two schemas name
// alike is copied (a union's arm by its own name: SearchInfo.ClientName is
// ClientName); the others are drawn here. A union gets one of its arms, at
// random, and only that arm is filled.
template <class Record>
Record from_failover(const client_info& failover, realistic_generator& g) {
  Record out;
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = field_table<Record>[index];
    constexpr std::size_t same = field_named<client_info>(info.is_arm() ? info.name() : info.path);
    if constexpr (info.kind == field_kind::structure || info.kind == field_kind::union_) {
      return;  // its members are fields of their own
    } else if constexpr (is_selector<Record>(index)) {
      const std::size_t arm = detail::arm_fields<Record>[g.below(detail::arm_count<Record>)];
      f.of(out) = static_cast<std::uint32_t>(field_table<Record>[arm].arm);
    } else if constexpr (info.is_arm()) {
      static_assert(same < field_table<client_info>.size(), "an arm named as a member of the failover record");
      if (selects<Record>(out, info.arm)) {
        f.of(out) = std::get<same>(record_schema<client_info>::fields).of(failover);
      }
    } else if constexpr (same < field_table<client_info>.size()) {
      static_assert(field_table<client_info>[same].kind == info.kind, "a member of the same name and kind");
      f.of(out) = std::get<same>(record_schema<client_info>::fields).of(failover);
    } else if constexpr (info.path == "FilterStatus") {
      f.of(out) = filter_status(g);
    } else if constexpr (info.kind == field_kind::struct_pointer) {
      // DHCP_CLIENT_INFO_EX's Properties: a few, none, or a NULL pointer.
      if (!g.chance(10)) f.of(out) = property_array(g, static_cast<std::uint32_t>(g.below(4)));
    } else {
      // The _EX's AddressStateEx: 0, so that every generated _EX converts to
      // the plain record (record_convert.hpp).
      static_assert(info.path == "AddressStateEx", "every other member has a counterpart in the failover record");
      f.of(out) = 0;
    }
  });
  return out;
}

// A property as a server keeps them for a DHCP_CLIENT_INFO_EX: the DNS
// suffix of the client's policy (a string) or its AddressStateEx (a DWORD);
// now and then one of the other arms, so that every arm gets exercised.
dhcp_property property(realistic_generator& g) {
  dhcp_property p;
  const std::uint64_t shape = g.below(100);
  if (shape < 45) {
    p.id = property_id::policy_dns_suffix;
    p.type = property_type::string_value;
    p.value.string_value = utf16_string::from_utf8(detail::domain_name(g)).value_or(utf16_string{});
    return p;
  }
  if (shape < 85) {
    p.id = property_id::client_address_state_ex;
    p.type = property_type::dword_value;
    p.value.dword_value = static_cast<std::uint32_t>(g.below(4));
    return p;
  }
  p.id = static_cast<std::uint32_t>(g.below(2));
  p.type = static_cast<std::uint32_t>(g.below(5));
  switch (p.type) {
    case property_type::byte_value: p.value.byte_value = static_cast<std::uint8_t>(g.below(256)); break;
    case property_type::word_value: p.value.word_value = static_cast<std::uint16_t>(g.below(65536)); break;
    case property_type::dword_value: p.value.dword_value = static_cast<std::uint32_t>(g.below(std::uint64_t{1} << 32)); break;
    case property_type::string_value:
      p.value.string_value = g.chance(20) ? utf16_string{} : utf16_string::from_utf8(detail::domain_name(g)).value_or(utf16_string{});
      break;
    default: {
      const std::size_t n = g.below(17);
      std::vector<std::uint8_t> bytes(n);
      for (std::uint8_t& b : bytes) b = static_cast<std::uint8_t>(g.below(256));
      p.value.binary_value.data_length = static_cast<std::uint32_t>(n);
      p.value.binary_value.data = std::move(bytes);
      break;
    }
  }
  return p;
}

// n properties, or for none now and then a NULL list.
dhcp_property_array property_array(realistic_generator& g, std::uint32_t n) {
  dhcp_property_array a;
  a.num_elements = n;
  if (n == 0 && g.chance(50)) return a;
  auto& list = a.elements.emplace();
  for (std::uint32_t i = 0; i < n; ++i) list.push_back(property(g));
  return a;
}

}  // namespace

template <class Value>
Value realistic_generator::value() {
  if constexpr (std::is_same_v<Value, client_info>) {
    return client();
  } else if constexpr (std::is_same_v<Value, dhcp_property>) {
    return property(*this);
  } else if constexpr (std::is_same_v<Value, dhcp_property_array>) {
    // Sized as an _ARRAY's Clients.
    const std::uint32_t n = options_.elements ? *options_.elements
                                              : static_cast<std::uint32_t>(below(std::uint64_t{options_.max_elements} + 1));
    return property_array(*this, n);
  } else if constexpr (is_record_array<Value>) {
    const std::uint32_t n = options_.elements ? *options_.elements
                                              : static_cast<std::uint32_t>(below(std::uint64_t{options_.max_elements} + 1));
    Value a;
    a.num_elements = n;
    auto& clients = a.clients.emplace();
    for (std::uint32_t i = 0; i < n; ++i) {
      if (chance(options_.null_element_percent)) {
        clients.push_back_null();
      } else {
        clients.push_back(value<typename Value::element>());
      }
    }
    return a;
  } else {
    const client_info failover = client();
    return from_failover<Value>(failover, *this);
  }
}

namespace {
// count values from one generator seeded with seed, each made by make(g).
template <class Value, class Make>
std::vector<Value> generate_many(std::size_t count, std::uint64_t seed, const generate_options& options, Make make) {
  realistic_generator g(seed, options);
  std::vector<Value> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(make(g));
  return out;
}
}  // namespace

std::vector<client_info> generate_clients(std::size_t count, std::uint64_t seed, const generate_options& options) {
  return generate_many<client_info>(count, seed, options, [](realistic_generator& g) { return g.client(); });
}

std::vector<client_info_array> generate_arrays(std::size_t count, std::uint64_t seed, const generate_options& options) {
  return generate_many<client_info_array>(count, seed, options, [](realistic_generator& g) { return g.array(); });
}

template <class Value>
std::vector<Value> generate_values(std::size_t count, std::uint64_t seed, const generate_options& options) {
  return generate_many<Value>(count, seed, options, [](realistic_generator& g) { return g.template value<Value>(); });
}

// Every type of the list.
#define DHCPM_INSTANTIATE(R)                          \
  template R realistic_generator::value<R>();        \
  template std::vector<R> generate_values(std::size_t, std::uint64_t, const generate_options&);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE

}  // namespace dhcpm
