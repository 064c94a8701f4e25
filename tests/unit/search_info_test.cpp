// DHCP_SEARCH_INFO, the first union of the schema: where its tag and arm sit
// in each layout, the two discriminants that must agree and select an arm
// (refused in strict and lenient decoding alike, with the field's offset and
// path), the JSON form's own copy of the discriminant, and an encoder that
// writes only the arm the value selects. The golden vectors themselves are
// family_vectors_test.cpp's.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/search_info.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

dhcp_search_info by_name(std::u16string name) {
  dhcp_search_info s;
  s.search_type = search_type::client_name;
  s.search_info.client_name = utf16_string::from_units(name);
  return s;
}

dhcp_search_info by_address(std::uint32_t address) {
  dhcp_search_info s;
  s.search_type = search_type::client_ip_address;
  s.search_info.client_ip_address = address;
  return s;
}

struct refusal {
  error_code code;
  std::uint64_t offset;
  std::string path;
};

// Decoding `input` fails with `expected`, strict and lenient alike: an arm
// nobody knows has no size, so no decoder can go on past it.
void refused_in_both_modes(const bytes& input, layout wire, const refusal& expected) {
  for (const bool strict : {true, false}) {
    SCOPED_TRACE(strict ? "strict" : "lenient");
    const result<decoded<dhcp_search_info>> got = decode<dhcp_search_info>(input, wire, decode_options{.strict = strict});
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error_value().code, expected.code) << describe(got.error_value());
    EXPECT_EQ(got.error_value().offset, expected.offset) << describe(got.error_value());
    EXPECT_EQ(got.error_value().path, expected.path) << describe(got.error_value());
  }
}

TEST(SearchInfoLayout, TheTagAndTheArmSitWhereEachLayoutPutsThem) {
  const dhcp_search_info s = by_address(0xC0A8012A);
  // NDR 2.0: SearchType (2), the tag (2), the DWORD arm at 4.
  const result<bytes> ndr20 = encode(s, layout::ndr20);
  ASSERT_TRUE(ndr20) << describe(ndr20.error_value());
  EXPECT_EQ(byte_diff(bytes{0, 0, 0, 0, 0x2A, 0x01, 0xA8, 0xC0}, *ndr20), "");
  // NDR64: SearchType (4), pad, the tag at 8, pad, the arm at 16, the struct padded to 24.
  const result<bytes> ndr64 = encode(s, layout::ndr64);
  ASSERT_TRUE(ndr64) << describe(ndr64.error_value());
  bytes expected64(24, 0);
  expected64[16] = 0x2A, expected64[17] = 0x01, expected64[18] = 0xA8, expected64[19] = 0xC0;
  EXPECT_EQ(byte_diff(expected64, *ndr64), "");
  // Memory (dhcpsapi.h): no tag; the union at its widest arm's alignment and size.
  const result<bytes> x64 = encode(s, layout::x64);
  ASSERT_TRUE(x64) << describe(x64.error_value());
  EXPECT_EQ(x64->size(), 24u);
  EXPECT_EQ((*x64)[8], 0x2A);
  const result<bytes> x86 = encode(s, layout::x86);
  ASSERT_TRUE(x86) << describe(x86.error_value());
  EXPECT_EQ(x86->size(), 12u);
  EXPECT_EQ((*x86)[4], 0x2A);
}

TEST(SearchInfoLayout, OnlyTheSelectedArmIsEncoded) {
  dhcp_search_info s = by_address(0x0A000001);
  const result<bytes> alone = encode(s, layout::ndr20);
  s.search_info.client_name = utf16_string::from_units(u"not on the wire");
  s.search_info.client_hardware_address.data_length = 2;
  s.search_info.client_hardware_address.data = std::vector<std::uint8_t>{1, 2};
  for (const layout wire : {layout::ndr20, layout::ndr64, layout::x64, layout::x86}) {
    SCOPED_TRACE(to_string(wire));
    const result<bytes> with_others = encode(s, wire);
    ASSERT_TRUE(with_others) << describe(with_others.error_value());
    const result<decoded<dhcp_search_info>> back = decode<dhcp_search_info>(*with_others, wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->value == by_address(0x0A000001));  // the other arms come back empty
  }
  EXPECT_EQ(byte_diff(*alone, *encode(s, layout::ndr20)), "");
}

TEST(SearchInfoHostile, ADiscriminantThatSelectsNoArmIsRefusedAtIt) {
  bytes ndr20 = *encode(by_name(u"host"), layout::ndr20);
  ndr20[0] = 3, ndr20[2] = 3;  // both discriminants 3: no such arm
  refused_in_both_modes(ndr20, layout::ndr20, {error_code::invalid_union_tag, 0, "SearchType"});

  bytes ndr64 = *encode(by_name(u"host"), layout::ndr64);
  ndr64[0] = 0xFF, ndr64[8] = 0xFF;
  refused_in_both_modes(ndr64, layout::ndr64, {error_code::invalid_union_tag, 0, "SearchType"});

  bytes x64 = *encode(by_name(u"host"), layout::x64);
  x64[0] = 9;
  refused_in_both_modes(x64, layout::x64, {error_code::invalid_union_tag, 0, "SearchType"});
}

TEST(SearchInfoHostile, ATagThatDiffersFromTheDiscriminantIsRefusedAtTheTag) {
  bytes ndr20 = *encode(by_name(u"host"), layout::ndr20);
  ndr20[2] = 1;  // the tag says hardware address, SearchType says name
  refused_in_both_modes(ndr20, layout::ndr20, {error_code::invalid_union_tag, 2, "SearchInfo.SearchType"});

  bytes be = *encode(by_name(u"host"), layout::ndr20be);
  be[3] = 0;
  refused_in_both_modes(be, layout::ndr20be, {error_code::invalid_union_tag, 2, "SearchInfo.SearchType"});

  bytes ndr64 = *encode(by_name(u"host"), layout::ndr64);
  ndr64[8] = 0;
  refused_in_both_modes(ndr64, layout::ndr64, {error_code::invalid_union_tag, 8, "SearchInfo.SearchType"});
}

TEST(SearchInfoHostile, ValidateAndDissectStopWhereDecodeDoes) {
  bytes ndr64 = *encode(by_name(u"host"), layout::ndr64);
  ndr64[8] = 1;
  const result<std::vector<error>> checked = validate(ndr64, value_type::DHCP_SEARCH_INFO, wire_format{.wire = layout::ndr64});
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error_value().code, error_code::invalid_union_tag);
  EXPECT_EQ(checked.error_value().offset, 8u);
  const dissection d = dissect(ndr64, value_type::DHCP_SEARCH_INFO, wire_format{.wire = layout::ndr64});
  ASSERT_TRUE(d.stopped);
  EXPECT_EQ(d.stopped->code, error_code::invalid_union_tag);
  EXPECT_EQ(d.stopped->path, "SearchInfo.SearchType");
}

TEST(SearchInfoHostile, ACutInsideTheArmNamesTheArm) {
  const bytes whole = *encode(by_address(0x0A000001), layout::ndr64);
  const bytes cut(whole.begin(), whole.begin() + 18);
  const result<decoded<dhcp_search_info>> got = decode<dhcp_search_info>(cut, layout::ndr64);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::truncated);
  EXPECT_EQ(got.error_value().offset, 16u);
  EXPECT_EQ(got.error_value().path, "SearchInfo.ClientIpAddress");
}

TEST(SearchInfoDissect, TheTagIsNamedAsTheDiscriminantItRepeats) {
  const bytes ndr20 = *encode(by_name(u"host"), layout::ndr20);
  const dissection d = dissect(ndr20, value_type::DHCP_SEARCH_INFO, wire_format{.wire = layout::ndr20});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  ASSERT_GE(d.regions.size(), 3u);
  EXPECT_EQ(d.regions[0].path, "SearchType");
  EXPECT_EQ(d.regions[1].path, "SearchInfo.SearchType");
  EXPECT_EQ(d.regions[1].offset, 2u);
  EXPECT_NE(d.regions[1].value.find("DhcpClientName"), std::string::npos) << d.regions[1].value;
  EXPECT_EQ(d.regions[2].path, "SearchInfo.ClientName");
}

TEST(SearchInfoEncode, ADiscriminantThatSelectsNoArmIsRefused) {
  dhcp_search_info s;
  s.search_type = 7;
  for (const layout wire : {layout::ndr20, layout::ndr64, layout::x64}) {
    const result<bytes> got = encode(s, wire);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error_value().code, error_code::invalid_union_tag);
    EXPECT_EQ(got.error_value().path, "SearchType");
    EXPECT_EQ(got.error_value().message, "SearchType 7 selects no arm of SearchInfo");
  }
}

TEST(SearchInfoJson, TheUnionRepeatsItsDiscriminantAndHoldsOnlyItsArm) {
  EXPECT_EQ(to_json(by_address(0xC0A8012A)),
            nlohmann::ordered_json::parse(R"({"SearchType":0,"SearchInfo":{"SearchType":0,"ClientIpAddress":"192.168.1.42"}})")
                .dump(1));
  const result<dhcp_search_info> read =
      from_json<dhcp_search_info>(R"({"SearchType":2,"SearchInfo":{"SearchType":2,"ClientName":null}})");
  ASSERT_TRUE(read) << describe(read.error_value());
  EXPECT_EQ(read->search_type, search_type::client_name);
  EXPECT_TRUE(read->search_info.client_name.is_null());
}

TEST(SearchInfoJson, DisagreeingDiscriminantsAndOtherArmsAreRefused) {
  const auto refused_at = [](const char* text, const std::string& path) {
    const result<dhcp_search_info> got = from_json<dhcp_search_info>(text);
    ASSERT_FALSE(got) << text;
    EXPECT_EQ(got.error_value().code, error_code::invalid_json);
    EXPECT_EQ(got.error_value().path, path) << describe(got.error_value());
  };
  refused_at(R"({"SearchType":1,"SearchInfo":{"SearchType":0,"ClientIpAddress":"10.0.0.1"}})",
             "SearchInfo.SearchType");
  refused_at(R"({"SearchType":5,"SearchInfo":{"SearchType":5}})", "SearchInfo");
  // An arm other than the selected one is an unknown member.
  refused_at(R"({"SearchType":0,"SearchInfo":{"SearchType":0,"ClientName":"x"}})", "SearchInfo.ClientName");
}

}  // namespace
}  // namespace dhcpm::test
