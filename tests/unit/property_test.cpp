// DHCP_PROPERTY, the second union: its WORD and BYTE arms where each layout
// puts them, the hostile discriminants (refused with the field's offset and
// path), the text dissection gives its ID and Type, and the FilterStatus
// flags the same dissection names. The golden vectors themselves are
// family_vectors_test.cpp's.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/field_meaning.hpp"
#include "dhcpm/property.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

dhcp_property word(std::uint16_t value) {
  dhcp_property p;
  p.id = property_id::client_address_state_ex;
  p.type = property_type::word_value;
  p.value.word_value = value;
  return p;
}

void refused_in_both_modes(const bytes& input, layout wire, error_code code, std::uint64_t offset,
                           const std::string& path) {
  for (const bool strict : {true, false}) {
    SCOPED_TRACE(strict ? "strict" : "lenient");
    const result<decoded<dhcp_property>> got = decode<dhcp_property>(input, wire, decode_options{.strict = strict});
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error_value().code, code) << describe(got.error_value());
    EXPECT_EQ(got.error_value().offset, offset) << describe(got.error_value());
    EXPECT_EQ(got.error_value().path, path) << describe(got.error_value());
  }
}

TEST(PropertyLayout, TheWordArmSitsWhereEachLayoutPutsIt) {
  const dhcp_property p = word(0x1234);
  // NDR 2.0: ID, Type, the tag (2 bytes each), the WORD at 6.
  EXPECT_EQ(byte_diff(bytes{1, 0, 1, 0, 1, 0, 0x34, 0x12}, *encode(p, layout::ndr20)), "");
  EXPECT_EQ(byte_diff(bytes{0, 1, 0, 1, 0, 1, 0x12, 0x34}, *encode(p, layout::ndr20be)), "");
  // NDR64: ID and Type (4 each), the tag at 8, the arm at 16, padded to 24.
  bytes ndr64(24, 0);
  ndr64[0] = 1, ndr64[4] = 1, ndr64[8] = 1, ndr64[16] = 0x34, ndr64[17] = 0x12;
  EXPECT_EQ(byte_diff(ndr64, *encode(p, layout::ndr64)), "");
  // Memory: no tag, the union at 8 (its widest arm is a DHCP_BINARY_DATA).
  const bytes x64 = *encode(p, layout::x64);
  ASSERT_EQ(x64.size(), 24u);
  EXPECT_EQ(x64[8], 0x34);
  const bytes x86 = *encode(p, layout::x86);
  ASSERT_EQ(x86.size(), 16u);
  EXPECT_EQ(x86[9], 0x12);
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::x64, layout::x86}) {
    const result<decoded<dhcp_property>> back = decode<dhcp_property>(*encode(p, wire), wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->value == p) << to_string(wire);
  }
}

TEST(PropertyHostile, ATypeThatSelectsNoArmIsRefusedAtIt) {
  bytes ndr20 = *encode(word(7), layout::ndr20);
  ndr20[2] = 5, ndr20[4] = 5;  // Type and tag 5: DHCP_PROPERTY_TYPE ends at 4
  refused_in_both_modes(ndr20, layout::ndr20, error_code::invalid_union_tag, 2, "Type");
  bytes x86 = *encode(word(7), layout::x86);
  x86[4] = 0xFF;
  refused_in_both_modes(x86, layout::x86, error_code::invalid_union_tag, 4, "Type");
}

TEST(PropertyHostile, ATagThatDiffersFromTypeIsRefusedAtTheTag) {
  bytes ndr20 = *encode(word(7), layout::ndr20);
  ndr20[4] = 0;  // the tag says BYTE, Type says WORD
  refused_in_both_modes(ndr20, layout::ndr20, error_code::invalid_union_tag, 4, "Value.Type");
  bytes ndr64 = *encode(word(7), layout::ndr64);
  ndr64[8] = 2;
  refused_in_both_modes(ndr64, layout::ndr64, error_code::invalid_union_tag, 8, "Value.Type");
}

TEST(PropertyDissect, IdAndTypeAreNamed) {
  const bytes ndr20 = *encode(word(0xBEEF), layout::ndr20);
  const dissection d = dissect(ndr20, value_type::DHCP_PROPERTY, wire_format{.wire = layout::ndr20});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  ASSERT_EQ(d.regions.size(), 4u);
  EXPECT_NE(d.regions[0].value.find("DhcpPropIdClientAddressStateEx"), std::string::npos) << d.regions[0].value;
  EXPECT_NE(d.regions[1].value.find("DhcpPropTypeWord"), std::string::npos) << d.regions[1].value;
  EXPECT_EQ(d.regions[2].path, "Value.Type");
  EXPECT_EQ(d.regions[3].path, "Value.WordValue");
  EXPECT_EQ(d.regions[3].value, "48879");
}

TEST(FilterStatusNames, EachFlagByNameAndTheRestAsHex) {
  EXPECT_EQ(filter_status_names(filter_status::none), "FILTER_STATUS_NONE");
  EXPECT_EQ(filter_status_names(0x0A), "FILTER_STATUS_FULL_MATCH_IN_ALLOW_LIST|FILTER_STATUS_WILDCARD_MATCH_IN_ALLOW_LIST");
  EXPECT_EQ(filter_status_names(0x14), "FILTER_STATUS_FULL_MATCH_IN_DENY_LIST|FILTER_STATUS_WILDCARD_MATCH_IN_DENY_LIST");
  EXPECT_EQ(filter_status_names(0x21), "FILTER_STATUS_NONE|unknown(0x20)");
  EXPECT_EQ(filter_status_names(0), "0");
}

}  // namespace
}  // namespace dhcpm::test
