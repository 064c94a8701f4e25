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

// Decoding `input` as a Value fails with this code, offset and path.
template <class Value>
void refused(const bytes& input, layout wire, bool strict, error_code code, std::uint64_t offset, const std::string& path) {
  const result<decoded<Value>> got = decode<Value>(input, wire, decode_options{.strict = strict});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, code) << describe(got.error_value());
  EXPECT_EQ(got.error_value().offset, offset) << describe(got.error_value());
  EXPECT_EQ(got.error_value().path, path) << describe(got.error_value());
}

// The same strict and lenient: an arm nobody knows has no size.
void refused_in_both_modes(const bytes& input, layout wire, error_code code, std::uint64_t offset,
                           const std::string& path) {
  for (const bool strict : {true, false}) {
    SCOPED_TRACE(strict ? "strict" : "lenient");
    refused<dhcp_property>(input, wire, strict, code, offset, path);
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

dhcp_property dword_property(std::uint32_t value) {
  dhcp_property p;
  p.id = property_id::client_address_state_ex;
  p.type = property_type::dword_value;
  p.value.dword_value = value;
  return p;
}

dhcp_property_array two_properties() {
  dhcp_property_array a;
  a.num_elements = 2;
  dhcp_property name;
  name.type = property_type::string_value;
  name.value.string_value = utf16_string::from_units(u"corp.example.com");
  a.elements = std::vector<dhcp_property>{name, dword_property(3)};
  return a;
}

TEST(PropertyArrayLayout, FlatPartsFirstThenEachStructsPointees) {
  const bytes ndr20 = *encode(two_properties(), layout::ndr20);
  // NumElements, Elements, max_count, the two structs (12 bytes each), then the string.
  ASSERT_GE(ndr20.size(), 36u + 12u);
  EXPECT_EQ(ndr20[8], 2);   // max_count
  EXPECT_EQ(ndr20[12 + 4], 3);  // Elements[0]'s tag: DhcpPropTypeString
  EXPECT_EQ(ndr20[24 + 8], 3);  // Elements[1].Value.DWordValue
  EXPECT_EQ(ndr20[36], 17);     // then Elements[0]'s string: max_count 17
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::x64, layout::x86}) {
    const result<decoded<dhcp_property_array>> back = decode<dhcp_property_array>(*encode(two_properties(), wire), wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->value == two_properties()) << to_string(wire);
  }
}

TEST(PropertyArrayHostile, MaxCountDifferingFromNumElementsIsSoft) {
  bytes ndr20 = *encode(two_properties(), layout::ndr20);
  ndr20[0] = 3;  // NumElements 3, max_count 2
  refused<dhcp_property_array>(ndr20, layout::ndr20, true, error_code::conformance_mismatch, 8, "Elements");
  const result<decoded<dhcp_property_array>> lenient =
      decode<dhcp_property_array>(ndr20, layout::ndr20, decode_options{.strict = false});
  ASSERT_TRUE(lenient) << describe(lenient.error_value());
  ASSERT_EQ(lenient->warnings.size(), 1u);
  EXPECT_EQ(lenient->value.elements->size(), 2u);
}

TEST(PropertyArrayHostile, ACountPastTheBytesLeftIsRefusedBeforeAnyAllocation) {
  bytes ndr20 = *encode(two_properties(), layout::ndr20);
  ndr20[0] = 0xFF, ndr20[1] = 0xFF, ndr20[2] = 0xFF;
  ndr20[8] = 0xFF, ndr20[9] = 0xFF, ndr20[10] = 0xFF;
  refused<dhcp_property_array>(ndr20, layout::ndr20, false, error_code::count_exceeds_input, 8, "Elements");
  bytes x64 = *encode(two_properties(), layout::x64);
  x64[0] = 0xFF, x64[1] = 0xFF, x64[2] = 0xFF, x64[3] = 0x0F;
  refused<dhcp_property_array>(x64, layout::x64, false, error_code::count_exceeds_input, 8, "Elements");
}

TEST(PropertyArrayHostile, TheElementLimitIsAnOption) {
  const bytes ndr64 = *encode(two_properties(), layout::ndr64);
  const result<decoded<dhcp_property_array>> got =
      decode<dhcp_property_array>(ndr64, layout::ndr64, decode_options{.max_elements = 1});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::element_limit);
  EXPECT_EQ(got.error_value().path, "Elements");
}

// C706 allows it and Samba's NDR makes it (a golden vector holds one): kept, strict or not.
TEST(PropertyArrayHostile, ANullListWithACountIsKept) {
  dhcp_property_array a;
  a.num_elements = 4;
  for (const layout wire : {layout::ndr20, layout::ndr64, layout::x64, layout::x86}) {
    const result<decoded<dhcp_property_array>> back = decode<dhcp_property_array>(*encode(a, wire), wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->warnings.empty());
    EXPECT_EQ(back->value.num_elements, 4u);
    EXPECT_FALSE(back->value.elements.has_value());
  }
}

TEST(PropertyArrayHostile, AStructsBadTagIsNamedByItsIndex) {
  bytes ndr64 = *encode(two_properties(), layout::ndr64);
  // NDR64: NumElements, Elements (8), max_count (8) at 16, Elements[0] at 24: its tag at 32.
  ndr64[32] = 4;
  refused<dhcp_property_array>(ndr64, layout::ndr64, false, error_code::invalid_union_tag, 32, "Elements[0].Value.Type");
  bytes ndr20 = *encode(two_properties(), layout::ndr20);
  ndr20[24 + 2] = 9, ndr20[24 + 4] = 9;  // Elements[1]: Type and tag 9
  refused<dhcp_property_array>(ndr20, layout::ndr20, false, error_code::invalid_union_tag, 26, "Elements[1].Type");
}

TEST(PropertyArrayEncode, AListThatDisagreesWithNumElementsIsRefused) {
  dhcp_property_array a = two_properties();
  a.num_elements = 5;
  for (const layout wire : {layout::ndr20, layout::ndr64, layout::x64}) {
    const result<bytes> got = encode(a, wire);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error_value().code, error_code::inconsistent_value);
    EXPECT_EQ(got.error_value().path, "Elements");
  }
}

}  // namespace
}  // namespace dhcpm::test
