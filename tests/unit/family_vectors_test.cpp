// The client-record family's golden vectors (tests/vectors/family, made by
// Samba's NDR engine from the spec IDL): every file of every type dhcpm
// describes decodes to its JSON and encodes back byte for byte in NDR 2.0
// (both byte orders) and NDR64; validate and dissect agree with decode; the
// value round-trips through every other layout and framing (unique pointer,
// type serialization, x64/x86 images); and every truncation and a sweep of
// bit flips fail the same way in decode and validate, never with an
// internal error.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

std::string file_test_name(const ::testing::TestParamInfo<family_file>& info) {
  return test_name(info.param.vector + "_" + info.param.layout);
}

// Runs body(std::type_identity<Record>{}) with the file's record type.
template <class Body>
void with_type_of(const family_file& f, Body&& body) {
  with_record_type(f.value(), [&](auto t) { body(t); });
}

class FamilyVector : public ::testing::TestWithParam<family_file> {};

TEST_P(FamilyVector, DecodesToItsJsonAndEncodesBackByteForByte) {
  const family_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  const nlohmann::json expected = nlohmann::json::parse(read_text(f.json()));
  with_type_of(f, [&](auto t) {
    using Record = typename decltype(t)::type;
    const result<decoded<Record>> got = decode<Record>(input, f.wire());
    ASSERT_TRUE(got) << describe(got.error_value());
    EXPECT_TRUE(got->warnings.empty());
    EXPECT_EQ(nlohmann::json::parse(to_json(got->value)), expected);

    const result<Record> from_text = from_json<Record>(read_text(f.json()));
    ASSERT_TRUE(from_text) << describe(from_text.error_value());
    EXPECT_TRUE(*from_text == got->value);
    const result<bytes> encoded = encode(*from_text, f.wire());
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    EXPECT_EQ(byte_diff(input, *encoded), "");
  });
}

TEST_P(FamilyVector, ValidateAndDissectAgreeWithDecode) {
  const family_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  const result<std::vector<error>> valid = validate(input, f.value(), wire_format{.wire = f.wire()});
  ASSERT_TRUE(valid) << describe(valid.error_value());
  EXPECT_TRUE(valid->empty());

  const dissection d = dissect(input, f.value(), wire_format{.wire = f.wire()});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  EXPECT_EQ(d.consumed, input.size());
  std::size_t end = 0;
  for (const region& r : d.regions) {
    ASSERT_EQ(r.offset, end) << "the regions leave a gap or overlap at " << end;
    end = r.offset + r.length;
  }
  EXPECT_EQ(end, input.size());
}

// One value per vector (its ndr20 file names it).
std::vector<family_file> family_values() {
  std::vector<family_file> out;
  for (const family_file& f : family_files()) {
    if (f.layout == "ndr20") out.push_back(f);
  }
  return out;
}
std::string value_test_name(const ::testing::TestParamInfo<family_file>& info) { return test_name(info.param.vector); }

class FamilyValue : public ::testing::TestWithParam<family_file> {};

// The value in every other layout and framing: encode, then decode gives it back.
TEST_P(FamilyValue, RoundTripsThroughEveryLayoutAndFraming) {
  const family_file& f = GetParam();
  with_type_of(f, [&](auto t) {
    using Record = typename decltype(t)::type;
    const result<Record> value = from_json<Record>(read_text(f.json()));
    ASSERT_TRUE(value) << describe(value.error_value());
    for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle_ndr20,
                              layout::pickle_ndr20be, layout::pickle_ndr64, layout::pickle2_ndr20, layout::x64,
                              layout::x86}) {
      const result<bytes> encoded = encode(*value, wire);
      ASSERT_TRUE(encoded) << to_string(wire) << ": " << describe(encoded.error_value());
      const result<decoded<Record>> back = decode<Record>(*encoded, wire);
      ASSERT_TRUE(back) << to_string(wire) << ": " << describe(back.error_value());
      EXPECT_TRUE(back->value == *value) << to_string(wire);
      const layout read_as = is_pickle(wire) ? layout::pickle : wire;  // the header names the kind
      EXPECT_TRUE(validate(*encoded, f.value(), wire_format{.wire = read_as})) << to_string(wire);
    }
    for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
      for (const std::optional<Record>& pointee : {std::optional<Record>(*value), std::optional<Record>()}) {
        const result<bytes> encoded = encode(pointee, wire);
        ASSERT_TRUE(encoded) << to_string(wire) << " ptr: " << describe(encoded.error_value());
        const result<decoded<std::optional<Record>>> back = decode<std::optional<Record>>(*encoded, wire);
        ASSERT_TRUE(back) << to_string(wire) << " ptr: " << describe(back.error_value());
        EXPECT_TRUE(back->value == pointee) << to_string(wire) << " ptr";
      }
    }
    // Three values in one pickled buffer, each kind; the header names it.
    const std::vector<Record> three{*value, Record{}, *value};
    for (const layout wire :
         {layout::pickle_ndr20, layout::pickle_ndr20be, layout::pickle_ndr64, layout::pickle2_ndr20}) {
      const result<bytes> encoded = encode(three, wire);
      ASSERT_TRUE(encoded) << to_string(wire) << ": " << describe(encoded.error_value());
      const result<decoded<std::vector<Record>>> back = decode<std::vector<Record>>(*encoded, layout::pickle);
      ASSERT_TRUE(back) << to_string(wire) << ": " << describe(back.error_value());
      EXPECT_TRUE(back->value == three) << to_string(wire);
      EXPECT_EQ(back->wire, wire);
    }
  });
}

// Decode and validate give the same verdict: the same error (code, offset,
// path), or both succeed with the same warnings. Never an internal error.
void expect_same_verdict(const family_file& f, byte_span input, const decode_options& options,
                         const std::string& what) {
  with_type_of(f, [&](auto t) {
    using Record = typename decltype(t)::type;
    const result<decoded<Record>> got = decode<Record>(input, f.wire(), options);
    const result<std::vector<error>> valid = validate(input, f.value(), wire_format{.wire = f.wire()}, options);
    ASSERT_EQ(bool(got), bool(valid)) << what;
    if (!got) {
      const error& e = got.error_value();
      const error& v = valid.error_value();
      EXPECT_NE(e.code, error_code::internal_error) << what << ": " << describe(e);
      EXPECT_EQ(e.code, v.code) << what;
      EXPECT_EQ(e.offset, v.offset) << what;
      EXPECT_EQ(e.path, v.path) << what;
      EXPECT_LE(e.offset, input.size()) << what;
      return;
    }
    EXPECT_EQ(describe(got->warnings), describe(*valid)) << what;
    if (options.strict) {  // a value strict decoding accepts is canonical enough to encode and read back
      const result<bytes> again = encode(got->value, f.wire());
      ASSERT_TRUE(again) << what << ": " << describe(again.error_value());
      const result<decoded<Record>> back = decode<Record>(*again, f.wire());
      ASSERT_TRUE(back) << what;
      EXPECT_TRUE(back->value == got->value) << what;
    }
  });
}

TEST_P(FamilyVector, EveryTruncationFailsAlikeInDecodeAndValidate) {
  const family_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  // Every length of small files; every 13th (and the last few) of large ones.
  const std::size_t step = input.size() <= 1024 ? 1 : 13;
  for (std::size_t n = 0; n < input.size(); n += (n + 8 >= input.size() ? 1 : step)) {
    const bytes cut(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(n));
    for (const bool strict : {true, false}) {
      decode_options options;
      options.strict = strict;
      with_type_of(f, [&](auto t) {
        using Record = typename decltype(t)::type;
        const result<decoded<Record>> got = decode<Record>(cut, f.wire(), options);
        // Lenient decoding reads an NDR64 record whose trailing pad alone is
        // missing (Impacket writes that), with the warning; nothing else.
        if (strict || !got) {
          EXPECT_FALSE(got) << "a cut at " << n << " decoded";
        } else {
          ASSERT_EQ(got->warnings.size(), 1u) << "cut at " << n;
          EXPECT_EQ(got->warnings[0].code, error_code::missing_trailing_pad) << "cut at " << n;
        }
      });
      expect_same_verdict(f, cut, options, "cut at " + std::to_string(n) + (strict ? " strict" : " lenient"));
    }
  }
}

TEST_P(FamilyVector, BitFlipsFailOrDecodeAlikeInDecodeAndValidate) {
  const family_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  // Every bit of the first 160 bytes (the headers, the first record and its
  // first pointees), then every bit of every 97th byte.
  for (std::size_t at = 0; at < input.size(); at += at < 160 ? 1 : 97) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes flipped = input;
      flipped[at] ^= static_cast<std::uint8_t>(1u << bit);
      for (const bool strict : {true, false}) {
        decode_options options;
        options.strict = strict;
        expect_same_verdict(f, flipped, options,
                            "bit " + std::to_string(bit) + " of byte " + std::to_string(at) +
                                (strict ? " strict" : " lenient"));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Family, FamilyVector, ::testing::ValuesIn(family_files()), file_test_name);
INSTANTIATE_TEST_SUITE_P(Family, FamilyValue, ::testing::ValuesIn(family_values()), value_test_name);

TEST(FamilyVectors, EveryRecordAndArrayTypeHasItsFilesInEveryNdrLayout) {
  std::map<std::string, std::size_t> files_per_type;
  for (const family_file& f : family_files()) ++files_per_type[f.type];
  // records: minimal, typical, unicode, extremes; arrays: 3, empty, null, random-50, with-null.
  for (const std::string type : {"DHCP_CLIENT_INFO", "DHCP_CLIENT_INFO_V4", "DHCP_CLIENT_INFO_V5", "DHCP_CLIENT_INFO_VQ",
                                 "DHCP_CLIENT_FILTER_STATUS_INFO", "DHCP_CLIENT_INFO_PB"}) {
    EXPECT_EQ(files_per_type[type], 12u) << type;
  }
  for (const std::string type :
       {"DHCP_CLIENT_INFO_ARRAY", "DHCP_CLIENT_INFO_ARRAY_V4", "DHCP_CLIENT_INFO_ARRAY_V5", "DHCP_CLIENT_INFO_ARRAY_VQ",
        "DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY", "DHCP_CLIENT_INFO_PB_ARRAY"}) {
    EXPECT_EQ(files_per_type[type], 15u) << type;
  }
}

// The schemas' native sizes and the family's shared prefix: each record is
// the one before it plus its own members.
TEST(FamilySchema, EachRecordExtendsTheOneBefore) {
  EXPECT_EQ(field_table<dhcp_client_info>.size(), 10u);  // 7 members, OwnerHost's 3 inside
  EXPECT_EQ(field_table<dhcp_client_info_v4>.size(), 11u);
  EXPECT_EQ(field_table<dhcp_client_info_v5>.size(), 12u);
  EXPECT_EQ(field_table<dhcp_client_info_vq>.size(), 15u);
  EXPECT_EQ(field_table<dhcp_client_filter_status_info>.size(), 16u);
  EXPECT_EQ(field_table<dhcp_client_info_pb>.size(), 17u);
  EXPECT_EQ(field_table<dhcp_client_info_pb>.back().name(), "PolicyName");
  EXPECT_EQ(record_schema<dhcp_client_info_pb_array>::idl_name, "DHCP_CLIENT_INFO_PB_ARRAY");
  for (std::size_t i = 0; i < field_table<dhcp_client_info_vq>.size(); ++i) {
    EXPECT_EQ(field_table<dhcp_client_info_pb>[i].path, field_table<dhcp_client_info_vq>[i].path);
    EXPECT_EQ(field_table<dhcp_client_info_pb>[i].x64, field_table<dhcp_client_info_vq>[i].x64);
  }
}

// The opnum 98 response carries the failover record alone.
TEST(FamilyFormats, OnlyTheFailoverRecordHasTheResponseFraming) {
  const std::optional<error> refused = check_format(value_type::DHCP_CLIENT_INFO_PB,
                                                    wire_format{.wire = layout::ndr20, .frame = framing::response},
                                                    false);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, error_code::unsupported);
  EXPECT_EQ(refused->message, "the opnum 98 response carries one DHCPV4_FAILOVER_CLIENT_INFO, not a DHCP_CLIENT_INFO_PB");
}

}  // namespace
}  // namespace dhcpm::test
