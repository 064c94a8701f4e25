// The realistic value generator (include/dhcpm/generate.hpp): reproducible
// from its seed on every machine (pinned values below: a change to any
// distribution or table shows up here, on purpose), valid in every layout
// (encode then decode gives the value back, strictly), and realistic: private
// addresses inside their subnet, real vendor prefixes, times around
// 2023-2026, known bClientType / AddressState / Status values, and a mix of
// NULL, empty, ASCII and non-ASCII strings.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/field_meaning.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/pickle.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

constexpr layout bare_layouts[] = {layout::ndr20,          layout::ndr20be,      layout::ndr64,
                                   layout::pickle_ndr20,   layout::pickle_ndr20be, layout::pickle_ndr64,
                                   layout::pickle2_ndr20,  layout::x64,          layout::x86};

std::string ipv4(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xFF) + "." + std::to_string((a >> 8) & 0xFF) +
         "." + std::to_string(a & 0xFF);
}

// --- reproducibility ------------------------------------------------------------------

TEST(Generate, TheSameSeedGivesTheSameValues) {
  EXPECT_EQ(generate_clients(50, 42), generate_clients(50, 42));
  EXPECT_EQ(generate_arrays(10, 42), generate_arrays(10, 42));
  EXPECT_NE(generate_clients(5, 42), generate_clients(5, 43));
}

TEST(Generate, ListsAreOneGeneratorsStream) {
  realistic_generator g(9);
  const client_info first = g.client();
  const client_info second = g.client();
  const std::vector<client_info> listed = generate_clients(2, 9);
  EXPECT_EQ(listed[0], first);
  EXPECT_EQ(listed[1], second);
}

// Pinned: these values must come out on every platform and compiler. They
// change only when the generator is changed on purpose (then update them).
TEST(Generate, Seed1IsPinned) {
  const std::vector<client_info> c = generate_clients(3, 1);
  EXPECT_EQ(ipv4(c[0].client_ip_address), "192.168.78.53");
  EXPECT_EQ(c[0].client_name.to_utf8(), "sales-pos-41.corp.contoso.com");
  EXPECT_EQ(c[0].client_lease_expires, 133823944339245027u);
  EXPECT_EQ(c[0].start_time, 1737906433u);
  EXPECT_EQ(ipv4(c[1].client_ip_address), "172.16.48.146");
  EXPECT_EQ(c[1].client_name.to_utf8(), "it-build-46");
  EXPECT_EQ(c[1].client_lease_expires, 133851599468700608u);
  EXPECT_EQ(ipv4(c[2].client_ip_address), "192.168.114.24");
  EXPECT_EQ(c[2].client_name.to_utf8(), "android-a6f0428f052c7eae.hq.adatum.com");
  const std::vector<std::uint8_t> mac{0x00, 0x0c, 0x29, 0xbe, 0xcc, 0x4c};
  EXPECT_EQ(c[2].client_hardware_address.data, mac);
}

TEST(Generate, DistributionsStayInRange) {
  realistic_generator g(5);
  for (int i = 0; i < 10000; ++i) {
    EXPECT_LT(g.below(7), 7u);
    const std::uint64_t v = g.between(10, 12);
    EXPECT_GE(v, 10u);
    EXPECT_LE(v, 12u);
    EXPECT_EQ(g.below(1), 0u);
  }
  std::array<int, 3> seen{};
  for (int i = 0; i < 3000; ++i) ++seen[static_cast<std::size_t>(g.below(3))];
  for (const int n : seen) EXPECT_GT(n, 850);  // roughly uniform: 1000 each
  (void)g.between(0, UINT64_MAX);  // the whole range is allowed
}

// --- validity: every layout -------------------------------------------------------------

TEST(Generate, ClientsEncodeAndDecodeBackInEveryLayout) {
  const std::vector<client_info> clients = generate_clients(200, 7);
  for (const layout wire : bare_layouts) {
    for (const client_info& c : clients) {
      const result<bytes> encoded = encode<client_info>(c, wire);
      ASSERT_TRUE(encoded) << to_string(wire) << ": " << describe(encoded.error_value()) << "\n" << to_json(c);
      const auto decoded = decode<client_info>(*encoded, wire);
      ASSERT_TRUE(decoded) << to_string(wire) << ": " << describe(decoded.error_value()) << "\n" << to_json(c);
      EXPECT_EQ(decoded->value, c) << to_string(wire);
    }
  }
}

TEST(Generate, ArraysEncodeAndDecodeBackInEveryLayout) {
  const std::vector<client_info_array> arrays = generate_arrays(20, 8);
  for (const layout wire : bare_layouts) {
    for (const client_info_array& a : arrays) {
      const result<bytes> encoded = encode<client_info_array>(a, wire);
      ASSERT_TRUE(encoded) << to_string(wire) << ": " << describe(encoded.error_value());
      const auto decoded = decode<client_info_array>(*encoded, wire);
      ASSERT_TRUE(decoded) << to_string(wire) << ": " << describe(decoded.error_value());
      EXPECT_EQ(decoded->value, a) << to_string(wire);
    }
  }
}

TEST(Generate, ValuesRoundTripThroughJson) {
  for (const client_info& c : generate_clients(100, 11)) {
    const auto back = client_from_json(to_json(c));
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_EQ(*back, c);
  }
}

TEST(Generate, ArraysHaveTheElementsAskedFor) {
  generate_options options;
  options.elements = 17;
  for (const client_info_array& a : generate_arrays(5, 3, options)) {
    EXPECT_EQ(a.num_elements, 17u);
    ASSERT_TRUE(a.clients);
    EXPECT_EQ(a.clients->size(), 17u);
  }
  options.elements.reset();
  options.max_elements = 4;
  options.null_element_percent = 50;
  std::size_t nulls = 0;
  for (const client_info_array& a : generate_arrays(50, 3, options)) {
    ASSERT_TRUE(a.clients);
    EXPECT_LE(a.num_elements, 4u);
    EXPECT_EQ(a.clients->size(), a.num_elements);
    nulls += a.clients->size() - a.clients->record_count();
  }
  EXPECT_GT(nulls, 0u);
}

// --- realism --------------------------------------------------------------------------------

bool is_private(std::uint32_t ip) {
  return (ip >> 24) == 10 || (ip >> 20) == ((172u << 4) | 1) || (ip >> 16) == ((192u << 8) | 168);
}

TEST(Generate, AddressesArePrivateAndInsideTheirSubnet) {
  for (const client_info& c : generate_clients(2000, 21)) {
    const std::uint32_t mask = c.subnet_mask;
    EXPECT_TRUE(mask == 0xFFFFFF00u || mask == 0xFFFFFC00u || mask == 0xFFFF0000u) << ipv4(mask);
    EXPECT_TRUE(is_private(c.client_ip_address)) << ipv4(c.client_ip_address);
    const std::uint32_t host = c.client_ip_address & ~mask;
    EXPECT_NE(host, 0u) << "the network address";
    EXPECT_NE(host, ~mask) << "the broadcast address";
    EXPECT_TRUE(is_private(c.owner_host.ip_address)) << ipv4(c.owner_host.ip_address);
  }
}

TEST(Generate, HardwareAddressesAreMacsOrClientUids) {
  const std::set<std::array<std::uint8_t, 3>> ouis{{0x00, 0x50, 0x56}, {0x00, 0x0C, 0x29}, {0x00, 0x15, 0x5D},
                                                  {0x08, 0x00, 0x27}, {0x3C, 0x22, 0xFB}, {0xF4, 0x5C, 0x89},
                                                  {0xA4, 0xBB, 0x6D}, {0x3C, 0x52, 0x82}, {0x00, 0x1B, 0x21},
                                                  {0xB8, 0x27, 0xEB}, {0x00, 0x25, 0xB5}, {0x28, 0x6F, 0xB9}};
  std::set<std::uint32_t> lengths;
  for (const client_info& c : generate_clients(2000, 22)) {
    const binary_data& h = c.client_hardware_address;
    lengths.insert(h.data_length);
    if (!h.data) {
      EXPECT_EQ(h.data_length, 0u);
      continue;
    }
    ASSERT_EQ(h.data->size(), h.data_length);
    ASSERT_TRUE(h.data_length == 6 || h.data_length == 11) << h.data_length;
    const std::size_t mac = h.data_length == 6 ? 0 : 5;
    if (h.data_length == 11) {
      EXPECT_EQ((*h.data)[4], 0x01);  // Ethernet
      const std::uint32_t network = c.client_ip_address & c.subnet_mask;
      EXPECT_EQ((*h.data)[0], network & 0xFF);  // the subnet address, reversed
      EXPECT_EQ((*h.data)[3], network >> 24);
    }
    const std::array<std::uint8_t, 3> oui{(*h.data)[mac], (*h.data)[mac + 1], (*h.data)[mac + 2]};
    EXPECT_TRUE(ouis.contains(oui));
  }
  EXPECT_EQ(lengths, (std::set<std::uint32_t>{0, 6, 11}));
}

TEST(Generate, TimesAreAroundRealisticDates) {
  const std::uint64_t from = *utc_to_filetime(std::chrono::sys_days{std::chrono::year{2023} / 1 / 1});
  const std::uint64_t to = *utc_to_filetime(std::chrono::sys_days{std::chrono::year{2027} / 3 / 1});
  std::size_t never = 0;
  for (const client_info& c : generate_clients(2000, 23)) {
    if (c.client_lease_expires == 0) {
      ++never;
      EXPECT_NE(c.client_type & client_type::reservation_flag, 0) << "only reservations never expire";
    } else {
      EXPECT_GE(c.client_lease_expires, from);
      EXPECT_LE(c.client_lease_expires, to);
    }
    if (c.status == static_cast<std::uint32_t>(quarantine_status::probation)) {
      EXPECT_GE(c.probation_ends, from);
      EXPECT_LE(c.probation_ends, to);
    } else {
      EXPECT_EQ(c.probation_ends, 0u);
    }
    // The failover clock: Unix seconds in the same years, in order.
    EXPECT_GE(c.start_time, 1'672'531'200u - 31u * 86400u);
    EXPECT_LE(c.start_time, c.clt_last_trans_time);
    EXPECT_LE(c.start_time, c.sent_pot_exp_time);
  }
  EXPECT_GT(never, 0u);
}

TEST(Generate, EnumeratedFieldsHaveKnownValues) {
  const std::set<std::uint8_t> client_types{0x00, 0x01, 0x02, 0x03, 0x05, 0x07, 0x64};
  std::set<std::uint8_t> seen_types;
  std::set<address_state> seen_states;
  for (const client_info& c : generate_clients(3000, 24)) {
    EXPECT_TRUE(client_types.contains(c.client_type)) << int{c.client_type};
    seen_types.insert(c.client_type);
    EXPECT_FALSE(client_type_name(c.client_type).starts_with("unknown"));
    EXPECT_TRUE(quarantine_status_name(c.status).has_value()) << c.status;
    seen_states.insert(split_address_state(c.address_state).state);
    EXPECT_LE(c.quarantine_capable, 1u);
    EXPECT_EQ(c.flags, 0);
    EXPECT_EQ(c.bnd_msg_status, 0u);
  }
  EXPECT_EQ(seen_types, client_types);
  EXPECT_EQ(seen_states.size(), 4u);
}

TEST(Generate, StringsMixNullEmptyAsciiAndUnicode) {
  std::size_t null_names = 0;
  std::size_t empty_names = 0;
  std::size_t unicode_names = 0;
  std::size_t surrogate_pairs = 0;
  std::size_t comments = 0;
  std::size_t policies = 0;
  for (const client_info& c : generate_clients(3000, 25)) {
    for (const utf16_string* s : {&c.client_name, &c.client_comment, &c.owner_host.net_bios_name,
                                  &c.owner_host.host_name, &c.policy_name}) {
      EXPECT_TRUE(s->is_valid_utf16());
      EXPECT_EQ(s->units().find(u'\0'), std::u16string_view::npos) << "no embedded NUL: every layout holds it";
    }
    if (c.client_name.is_null()) ++null_names;
    if (!c.client_name.is_null() && c.client_name.size() == 0) ++empty_names;
    const std::u16string_view name = c.client_name.units();
    if (std::any_of(name.begin(), name.end(), [](char16_t u) { return u >= 0x80; })) ++unicode_names;
    if (std::any_of(name.begin(), name.end(), [](char16_t u) { return u >= 0xD800 && u <= 0xDBFF; })) {
      ++surrogate_pairs;
    }
    if (!c.client_comment.is_null()) ++comments;
    if (!c.policy_name.is_null()) ++policies;
  }
  EXPECT_GT(null_names, 100u);
  EXPECT_GT(empty_names, 20u);
  EXPECT_GT(unicode_names, 50u);
  EXPECT_LT(unicode_names, 400u);  // occasionally, not mostly
  EXPECT_GT(surrogate_pairs, 0u);
  EXPECT_GT(comments, 600u);
  EXPECT_GT(policies, 500u);
}

TEST(Generate, NoUnicodeWhenAskedForNone) {
  generate_options options;
  options.unicode_percent = 0;
  for (const client_info& c : generate_clients(1000, 26, options)) {
    for (const char16_t u : c.client_name.units()) EXPECT_LT(u, 0x80);
    for (const char16_t u : c.client_comment.units()) EXPECT_LT(u, 0x80);
  }
}

}  // namespace
}  // namespace dhcpm::test
