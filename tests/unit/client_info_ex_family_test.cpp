// DHCP_CLIENT_INFO_EX: a DHCP_CLIENT_INFO_PB with a unique pointer to its
// DHCP_PROPERTY_ARRAY, whose pointee comes after PolicyName's and holds the
// properties inline. Paths through it name each level
// (Clients[1].Properties.Elements[0].Value.Type); hostile counts and tags
// inside it are refused where they are. The golden vectors themselves are
// family_vectors_test.cpp's.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dhcpm/client_family.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

dhcp_client_info_ex with_properties() {
  dhcp_client_info_ex c;
  c.client_ip_address = 0x0A010211;
  c.client_name = utf16_string::from_units(u"laptop-17");
  c.policy_name = utf16_string::from_units(u"Laptops");
  dhcp_property suffix;
  suffix.type = property_type::string_value;
  suffix.value.string_value = utf16_string::from_units(u"corp.example.com");
  dhcp_property state;
  state.id = property_id::client_address_state_ex;
  state.type = property_type::dword_value;
  state.value.dword_value = 2;
  c.properties.emplace();
  c.properties->num_elements = 2;
  c.properties->elements = std::vector<dhcp_property>{suffix, state};
  return c;
}

dhcp_client_info_ex_array two_clients() {
  dhcp_client_info_ex_array a;
  a.num_elements = 2;
  auto& clients = a.clients.emplace();
  clients.push_back(dhcp_client_info_ex{});
  clients.push_back(with_properties());
  return a;
}

// The offset of the first occurrence of `needle` in `haystack` at or after `from`.
std::size_t find(const bytes& haystack, const bytes& needle, std::size_t from = 0) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (std::equal(needle.begin(), needle.end(), haystack.begin() + static_cast<std::ptrdiff_t>(i))) return i;
  }
  return haystack.size();
}

TEST(ClientInfoExFamily, RoundTripsThroughEveryLayout) {
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::x64, layout::x86}) {
    SCOPED_TRACE(to_string(wire));
    const result<bytes> one = encode(with_properties(), wire);
    ASSERT_TRUE(one) << describe(one.error_value());
    const result<decoded<dhcp_client_info_ex>> back = decode<dhcp_client_info_ex>(*one, wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->value == with_properties());
    const result<bytes> many = encode(two_clients(), wire);
    ASSERT_TRUE(many) << describe(many.error_value());
    const result<decoded<dhcp_client_info_ex_array>> list = decode<dhcp_client_info_ex_array>(*many, wire);
    ASSERT_TRUE(list) << describe(list.error_value());
    EXPECT_TRUE(list->value == two_clients());
  }
}

TEST(ClientInfoExFamily, ThePropertiesComeAfterPolicyName) {
  const bytes ndr20 = *encode(with_properties(), layout::ndr20);
  const std::size_t policy = find(ndr20, {'L', 0, 'a', 0, 'p', 0});
  const std::size_t suffix = find(ndr20, {'c', 0, 'o', 0, 'r', 0, 'p', 0});
  EXPECT_LT(policy, suffix);
  EXPECT_LT(suffix, ndr20.size());
}

TEST(ClientInfoExFamily, ABadTagInsideIsNamedThroughEveryLevel) {
  bytes ndr20 = *encode(two_clients(), layout::ndr20);
  const dissection d = dissect(ndr20, value_type::DHCP_CLIENT_INFO_EX_ARRAY, wire_format{.wire = layout::ndr20});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  std::size_t tag_at = 0;
  for (const region& r : d.regions) {
    if (r.path == "Clients[1].Properties.Elements[0].Value.Type") tag_at = r.offset;
  }
  ASSERT_NE(tag_at, 0u);
  ndr20[tag_at] = 2;  // the tag says DWORD, Type says string
  for (const bool strict : {true, false}) {
    const result<decoded<dhcp_client_info_ex_array>> got =
        decode<dhcp_client_info_ex_array>(ndr20, layout::ndr20, decode_options{.strict = strict});
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error_value().code, error_code::invalid_union_tag);
    EXPECT_EQ(got.error_value().offset, tag_at);
    EXPECT_EQ(got.error_value().path, "Clients[1].Properties.Elements[0].Value.Type");
  }
}

TEST(ClientInfoExFamily, APropertyCountPastTheBytesLeftIsRefused) {
  bytes ndr64 = *encode(with_properties(), layout::ndr64);
  const dissection d = dissect(ndr64, value_type::DHCP_CLIENT_INFO_EX, wire_format{.wire = layout::ndr64});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  std::size_t count_at = 0;
  for (const region& r : d.regions) {
    if (r.path == "Properties.Elements" && r.kind == region_kind::max_count) count_at = r.offset;
  }
  ASSERT_NE(count_at, 0u);
  ndr64[count_at + 3] = 0x10;
  // Strict decoding stops first at max_count differing from NumElements; lenient goes on to the size.
  const result<decoded<dhcp_client_info_ex>> strict = decode<dhcp_client_info_ex>(ndr64, layout::ndr64);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error_value().code, error_code::conformance_mismatch);
  const result<decoded<dhcp_client_info_ex>> got =
      decode<dhcp_client_info_ex>(ndr64, layout::ndr64, decode_options{.strict = false});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::count_exceeds_input);
  EXPECT_EQ(got.error_value().offset, count_at);
  EXPECT_EQ(got.error_value().path, "Properties.Elements");
}

TEST(ClientInfoExFamily, APropertiesPointerOutsideTheImageIsRefused) {
  bytes x64 = *encode(with_properties(), layout::x64);
  x64[104 + 7] = 0x7F;  // Properties, at 104, now points far away
  const result<decoded<dhcp_client_info_ex>> got =
      decode<dhcp_client_info_ex>(x64, wire_format{.wire = layout::x64});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::pointer_out_of_image);
  EXPECT_EQ(got.error_value().offset, 104u);
  EXPECT_EQ(got.error_value().path, "Properties");
}

TEST(ClientInfoExFamily, TheRegionsNameTheirTables) {
  const bytes ndr20 = *encode(with_properties(), layout::ndr20);
  const dissection d = dissect(ndr20, value_type::DHCP_CLIENT_INFO_EX, wire_format{.wire = layout::ndr20});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  bool saw_count = false;
  bool saw_dword = false;
  for (const region& r : d.regions) {
    if (r.path == "Properties.NumElements") {
      saw_count = true;
      EXPECT_EQ(r.table, value_type::DHCP_PROPERTY_ARRAY);
    }
    if (r.path == "Properties.Elements[1].Value.DWordValue") {
      saw_dword = true;
      EXPECT_EQ(r.table, value_type::DHCP_PROPERTY);
      EXPECT_EQ(r.value, "2");
    }
  }
  EXPECT_TRUE(saw_count);
  EXPECT_TRUE(saw_dword);
}

}  // namespace
}  // namespace dhcpm::test
