#include "support/generate.hpp"

#include <array>
#include <string>
#include <vector>

namespace dhcpm::test {

namespace {

constexpr std::array<std::uint32_t, 10> edge_u32 = {0u,          1u,          2u,          0x7Fu,       0xFFu,
                                                    0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu, 0x10000u};
constexpr std::array<std::uint64_t, 9> edge_u64 = {0u,
                                                   1u,
                                                   0xFFFFFFFFu,
                                                   0x100000000u,
                                                   0x7FFFFFFFFFFFFFFFu,
                                                   0x8000000000000000u,
                                                   0xFFFFFFFFFFFFFFFEu,
                                                   0xFFFFFFFFFFFFFFFFu,
                                                   134410230000000000u};  // a 2026 FILETIME

}  // namespace

std::uint8_t value_generator::u8() {
  if (chance(20)) {
    constexpr std::array<std::uint8_t, 6> edges = {0x00, 0x01, 0x04, 0x64, 0x7F, 0xFF};
    return edges[uniform(0, edges.size() - 1)];
  }
  return static_cast<std::uint8_t>(uniform(0, 0xFF));
}

std::uint32_t value_generator::u32() {
  if (chance(35)) return edge_u32[uniform(0, edge_u32.size() - 1)];
  if (chance(30)) return static_cast<std::uint32_t>(uniform(0, 0xFFFF));
  return static_cast<std::uint32_t>(uniform(0, 0xFFFFFFFFu));
}

std::uint64_t value_generator::u64() {
  if (chance(35)) return edge_u64[uniform(0, edge_u64.size() - 1)];
  return uniform(0, UINT64_MAX);
}

std::uint32_t value_generator::status() {
  const std::uint32_t max = options_.max_status;
  switch (uniform(0, 9)) {
    case 0:
      return max;  // the largest the layout holds
    case 1:
    case 2:
      return static_cast<std::uint32_t>(uniform(0, max));  // mostly unknown values
    case 3:
      return max < 7 ? max : static_cast<std::uint32_t>(uniform(7, max < 64 ? max : 64));  // just past the enum
    default:
      return static_cast<std::uint32_t>(uniform(0, max < 6 ? max : 6));  // QuarantineStatus 0..6
  }
}

utf16_string value_generator::string() {
  const unsigned kind = static_cast<unsigned>(uniform(0, 99));
  if (kind < 15) return utf16_string::null();
  if (kind < 25) return utf16_string::from_units(u"");
  const std::size_t n = static_cast<std::size_t>(uniform(1, options_.max_string_units));
  std::u16string units;
  units.reserve(n + 1);
  // The mix of this string: which unusual units may appear.
  const bool non_ascii = chance(50);
  const bool non_bmp = chance(30);
  const bool embedded_nul = chance(15);
  const bool lone_surrogate = chance(15);
  while (units.size() < n) {
    const unsigned pick = static_cast<unsigned>(uniform(0, 99));
    if (embedded_nul && pick < 8) {
      units.push_back(u'\0');
    } else if (lone_surrogate && pick < 16) {
      // a high surrogate alone, a low one alone, or a reversed pair
      switch (uniform(0, 2)) {
        case 0:
          units.push_back(static_cast<char16_t>(uniform(0xD800, 0xDBFF)));
          break;
        case 1:
          units.push_back(static_cast<char16_t>(uniform(0xDC00, 0xDFFF)));
          break;
        default:
          units.push_back(static_cast<char16_t>(uniform(0xDC00, 0xDFFF)));
          units.push_back(static_cast<char16_t>(uniform(0xD800, 0xDBFF)));
          break;
      }
    } else if (non_bmp && pick < 30 && units.size() + 2 <= n) {
      const auto cp = static_cast<std::uint32_t>(uniform(0x10000, 0x10FFFF)) - 0x10000u;
      units.push_back(static_cast<char16_t>(0xD800u + (cp >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00u + (cp & 0x3FFu)));
    } else if (non_ascii && pick < 50) {
      // any BMP unit outside the surrogates, U+FFFF and U+FFFE included
      std::uint32_t u = static_cast<std::uint32_t>(uniform(0x80, 0xFFFF - 0x800));
      if (u >= 0xD800) u += 0x800;
      units.push_back(static_cast<char16_t>(u));
    } else {
      units.push_back(static_cast<char16_t>(uniform(0x20, 0x7E)));
    }
  }
  // A trailing lone high surrogate is the classic truncation bug in converters.
  if (lone_surrogate && chance(20)) units.back() = static_cast<char16_t>(0xD83D);
  return utf16_string::from_units(units);
}

binary_data value_generator::data() {
  binary_data d;
  switch (uniform(0, 9)) {
    case 0:
      d.data_length = 0;  // NULL, DataLength 0
      if (options_.null_data_with_length && chance(50)) d.data_length = u32() | 1u;
      return d;
    case 1:
      d.data = std::vector<std::uint8_t>{};  // non-NULL, empty
      return d;
    case 2:
    case 3:
    case 4: {
      // the 11-byte client uid: subnet reversed, 0x01, MAC
      std::vector<std::uint8_t> uid(11);
      for (auto& b : uid) b = static_cast<std::uint8_t>(uniform(0, 0xFF));
      uid[4] = 0x01;
      d.data = std::move(uid);
      break;
    }
    default: {
      std::vector<std::uint8_t> random(static_cast<std::size_t>(uniform(1, options_.max_data_bytes)));
      const bool all_ff = chance(10);
      for (auto& b : random) b = all_ff ? 0xFF : static_cast<std::uint8_t>(uniform(0, 0xFF));
      d.data = std::move(random);
      break;
    }
  }
  d.data_length = static_cast<std::uint32_t>(d.data->size());
  return d;
}

client_info value_generator::client() {
  client_info c;
  c.client_ip_address = u32();
  c.subnet_mask = u32();
  c.client_hardware_address = data();
  c.client_name = string();
  c.client_comment = string();
  c.client_lease_expires = u64();
  c.owner_host.ip_address = u32();
  c.owner_host.net_bios_name = string();
  c.owner_host.host_name = string();
  c.client_type = u8();
  c.address_state = u8();
  c.status = status();
  c.probation_ends = u64();
  c.quarantine_capable = u32();
  c.sent_pot_exp_time = u32();
  c.ack_pot_exp_time = u32();
  c.recv_pot_exp_time = u32();
  c.start_time = u32();
  c.clt_last_trans_time = u32();
  c.last_bnd_upd_time = u32();
  c.bnd_msg_status = u32();
  c.policy_name = string();
  c.flags = u8();
  return c;
}

client_info_array value_generator::array() {
  client_info_array a;
  const unsigned kind = static_cast<unsigned>(uniform(0, 99));
  if (kind < 10) return a;  // NULL Clients, NumElements 0
  client_list list;
  if (kind >= 20) {  // otherwise an empty, non-NULL Clients
    const std::size_t n = static_cast<std::size_t>(uniform(1, options_.max_elements));
    const unsigned null_percent = chance(20) ? 100 : (chance(50) ? 30 : 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (chance(null_percent)) {
        list.push_back_null();
      } else {
        list.push_back(client());
      }
    }
  }
  a.num_elements = static_cast<std::uint32_t>(list.size());
  a.clients = std::move(list);
  return a;
}

}  // namespace dhcpm::test
