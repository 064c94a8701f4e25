// The call stubs of the family's golden vectors (tests/vectors/family, made
// by Samba's NDR engine from the spec IDL): every request and response file
// decodes to its JSON and encodes back byte for byte in NDR 2.0 (both byte
// orders) and NDR64; validate and dissect agree with decode and dissect tiles
// every byte; every truncation and a sweep of bit flips fail the same way in
// decode and validate, never with an internal error.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/call.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

std::string file_test_name(const ::testing::TestParamInfo<call_file>& info) {
  return test_name(info.param.vector + "_" + info.param.layout);
}

class CallVector : public ::testing::TestWithParam<call_file> {};

TEST_P(CallVector, DecodesToItsJsonAndEncodesBackByteForByte) {
  const call_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  const nlohmann::json expected = nlohmann::json::parse(read_text(f.json()));
  const result<decoded<call_stub>> got = decode_call(input, f.type, f.wire());
  ASSERT_TRUE(got) << describe(got.error_value());
  EXPECT_TRUE(got->warnings.empty());
  const result<std::string> text = call_to_json(got->value);
  ASSERT_TRUE(text) << describe(text.error_value());
  EXPECT_EQ(nlohmann::json::parse(*text), expected);

  const result<call_stub> from_text = call_from_json(f.type, read_text(f.json()));
  ASSERT_TRUE(from_text) << describe(from_text.error_value());
  EXPECT_TRUE(*from_text == got->value);
  const result<bytes> encoded = encode_call(*from_text, f.wire());
  ASSERT_TRUE(encoded) << describe(encoded.error_value());
  EXPECT_EQ(byte_diff(input, *encoded), "");
}

TEST_P(CallVector, ValidateAndDissectAgreeWithDecode) {
  const call_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  const result<std::vector<error>> valid = validate_call(input, f.type, f.wire());
  ASSERT_TRUE(valid) << describe(valid.error_value());
  EXPECT_TRUE(valid->empty());

  const dissection d = dissect_call(input, f.type, f.wire());
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  EXPECT_EQ(d.consumed, input.size());
  std::size_t end = 0;
  for (const region& r : d.regions) {
    ASSERT_EQ(r.offset, end) << "the regions leave a gap or overlap at " << end;
    EXPECT_FALSE(r.parameter.empty()) << "the region at " << r.offset << " names no parameter";
    end = r.offset + r.length;
  }
  EXPECT_EQ(end, input.size());
}

// Decode and validate give the same verdict (the same error, or the same
// warnings), never an internal error; dissection stops where they do.
void expect_same_verdict(const call_file& f, byte_span input, const decode_options& options, const std::string& what) {
  const result<decoded<call_stub>> got = decode_call(input, f.type, f.wire(), options);
  const result<std::vector<error>> valid = validate_call(input, f.type, f.wire(), options);
  ASSERT_EQ(bool(got), bool(valid)) << what;
  const dissection d = dissect_call(input, f.type, f.wire(), options);
  if (!got) {
    const error& e = got.error_value();
    const error& v = valid.error_value();
    EXPECT_NE(e.code, error_code::internal_error) << what << ": " << describe(e);
    EXPECT_EQ(e.code, v.code) << what;
    EXPECT_EQ(e.offset, v.offset) << what;
    EXPECT_EQ(e.path, v.path) << what;
    EXPECT_LE(e.offset, input.size()) << what;
    ASSERT_TRUE(d.stopped) << what;
    EXPECT_EQ(d.stopped->code, e.code) << what;
    EXPECT_EQ(d.stopped->path, e.path) << what;
    return;
  }
  EXPECT_EQ(describe(got->warnings), describe(*valid)) << what;
  EXPECT_FALSE(d.stopped) << what;
  EXPECT_EQ(d.consumed, input.size()) << what;
  if (options.strict) {  // what strict decoding accepts encodes and reads back
    const result<bytes> again = encode_call(got->value, f.wire());
    ASSERT_TRUE(again) << what << ": " << describe(again.error_value());
    const result<decoded<call_stub>> back = decode_call(*again, f.type, f.wire());
    ASSERT_TRUE(back) << what;
    EXPECT_TRUE(back->value == got->value) << what;
  }
}

TEST_P(CallVector, EveryTruncationFailsAlikeInDecodeAndValidate) {
  const call_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  const std::size_t step = input.size() <= 1024 ? 1 : 13;
  for (std::size_t n = 0; n < input.size(); n += (n + 8 >= input.size() ? 1 : step)) {
    const bytes cut(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(n));
    for (const bool strict : {true, false}) {
      decode_options options;
      options.strict = strict;
      const std::string what = "cut to " + std::to_string(n) + (strict ? " strict" : " lenient");
      expect_same_verdict(f, cut, options, what);
      // A cut stub does not decode; lenient mode reads an NDR64 struct that
      // ends the stub without its trailing pad (Impacket's habit) with a warning.
      const result<decoded<call_stub>> got = decode_call(cut, f.type, f.wire(), options);
      if (got) {
        EXPECT_FALSE(strict) << what << ": a cut stub must not decode";
        ASSERT_EQ(got->warnings.size(), 1u) << what;
        EXPECT_EQ(got->warnings[0].code, error_code::missing_trailing_pad) << what;
      }
    }
  }
}

TEST_P(CallVector, BitFlipsFailAlikeInDecodeAndValidate) {
  const call_file& f = GetParam();
  const bytes input = read_bytes(f.bin());
  // Every bit of small files; every 7th byte's bits of large ones.
  const std::size_t step = input.size() <= 512 ? 1 : 7;
  for (std::size_t at = 0; at < input.size(); at += step) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes flipped = input;
      flipped[at] = static_cast<std::uint8_t>(flipped[at] ^ (1u << bit));
      for (const bool strict : {true, false}) {
        decode_options options;
        options.strict = strict;
        expect_same_verdict(f, flipped, options,
                            "bit " + std::to_string(bit) + " of byte " + std::to_string(at) + (strict ? " strict" : " lenient"));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, CallVector, ::testing::ValuesIn(call_files()), file_test_name);

}  // namespace
}  // namespace dhcpm::test
