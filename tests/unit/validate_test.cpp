// validate() walks like decoding with a sink that builds nothing: it must
// accept exactly what decoding accepts, with the same error (code, offset,
// path and message) and the same lenient warnings — for every golden vector
// file in its layout and framing, for truncations and bit flips of them, and
// for every limit. It must also refuse the (type, format) pairs that
// check_format refuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "support/pickled.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

value_type type_of(value_kind k) { return k == value_kind::array ? value_type::array : value_type::client; }

// format_of, and the memory images (based at the default base).
file_format any_format_of(const std::string& kind) {
  if (kind == "x64") return {layout::x64, framing::bare, true};
  if (kind == "x86") return {layout::x86, framing::bare, true};
  return format_of(kind);
}

// "" when validate and decode agree on `input`, else what differs.
std::string disagreement(const vector_file& f, byte_span input, const decode_options& options) {
  const file_format format = any_format_of(f.kind);
  const decode_outcome decoded = decode_as(f.type, format.frame, format.wire, input, options);
  const result<std::vector<error>> validated =
      validate(input, type_of(f.type), wire_format{format.wire, format.frame}, options);
  if (decoded.ok() != validated.has_value()) {
    return std::string("decode ") + (decoded.ok() ? "accepts" : "rejects: " + describe(decoded.failure)) +
           ", validate " + (validated ? "accepts" : "rejects: " + describe(validated.error_value()));
  }
  if (!decoded.ok()) {
    return decoded.failure == validated.error_value()
               ? ""
               : "errors differ: " + describe(decoded.failure) + " vs " + describe(validated.error_value());
  }
  return decoded.warnings == *validated ? "" : "warnings differ: " + describe(decoded.warnings) + " vs " +
                                                   describe(*validated);
}

const std::vector<std::string> every_kind = {
    "ndr20",        "ndr20be",      "ndr64",          "ptr.ndr20",     "ptr.ndr64",     "response.ndr20",
    "response.ndr64", "foreign.ndr20", "foreign.ndr64", "pickle.ndr20",  "pickle.ndr20be", "pickle.ndr64",
    "pickle2.ndr20", "foreign.pickle.ndr20be", "x64", "x86"};

TEST(Validate, EveryVectorFileIsValidAsDecodeSays) {
  std::size_t files = 0;
  for (const vector_file& f : vector_files(every_kind)) {
    SCOPED_TRACE(f.file_name());
    ++files;
    const std::vector<std::uint8_t> input = read_vector_file(f);
    EXPECT_EQ(disagreement(f, input, {}), "");
    EXPECT_EQ(disagreement(f, input, decode_options{.strict = false}), "");
  }
  EXPECT_GE(files, 100u);
}

// Every truncation and every bit of the first 128 bytes of one file per
// walker and byte order, strict and lenient.
TEST(Validate, BrokenInputsGiveDecodesErrors) {
  std::size_t inputs = 0;
  for (const vector_file& f :
       vector_files({"ndr20", "ndr20be", "ndr64", "response.ndr64", "pickle.ndr20", "x64", "x86"})) {
    if (f.vector != "typical" && f.vector != "array-with-null") continue;
    const std::vector<std::uint8_t> full = read_vector_file(f);
    const auto check = [&](std::size_t n, std::size_t flip_byte, unsigned bit) {
      auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
      std::copy_n(full.begin(), n, buffer.get());
      if (flip_byte < n) buffer[flip_byte] ^= static_cast<std::uint8_t>(1u << bit);
      for (const bool strict : {true, false}) {
        ++inputs;
        const std::string problem = disagreement(f, byte_span(buffer.get(), n), decode_options{.strict = strict});
        if (!problem.empty()) {
          ADD_FAILURE() << f.file_name() << " cut to " << n << ", byte " << flip_byte << " bit " << bit
                        << (strict ? " strict: " : " lenient: ") << problem;
        }
      }
    };
    for (std::size_t n = 0; n < full.size(); ++n) check(n, full.size(), 0);
    for (std::size_t i = 0; i < std::min<std::size_t>(full.size(), 128); ++i) {
      for (unsigned bit = 0; bit < 8; ++bit) check(full.size(), i, bit);
    }
  }
  EXPECT_GE(inputs, 10'000u);
}

TEST(Validate, LimitsAndBudgetAsDecode) {
  const vector_file f{"array-random-50", value_kind::array, "ndr20", 0};
  const std::vector<std::uint8_t> input = read_vector_file(f);
  for (const decode_options& options : {decode_options{.max_elements = 10}, decode_options{.max_string_units = 4},
                                         decode_options{.max_decoded_bytes = 4096}}) {
    const result<std::vector<error>> validated = validate(input, value_type::array, wire_format{}, options);
    ASSERT_FALSE(validated);
    EXPECT_EQ(disagreement(f, input, options), "");
  }
}

TEST(Validate, EveryValueOfAPickledBuffer) {
  const std::vector<client_info> values{load_client("typical"), load_client("minimal"), load_client("unicode")};
  const result<bytes> buffer = encode_pickled(std::span<const client_info>(values), pickle_kind::v2_ndr64);
  ASSERT_TRUE(buffer);
  const result<std::vector<error>> all =
      validate(*buffer, value_type::client, wire_format{.wire = layout::pickle, .all = true});
  EXPECT_TRUE(all) << describe(all.error_value());
  const result<std::vector<error>> one = validate(*buffer, value_type::client, wire_format{.wire = layout::pickle});
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error_value().code, error_code::trailing_bytes);
}

TEST(Validate, ImagesAtAnyBaseAndAddress) {
  const client_info typical = load_client("typical");
  const result<bytes> image = encode(typical, wire_format{.wire = layout::x64, .base = 0x7ff6a0000000});
  ASSERT_TRUE(image);
  EXPECT_TRUE(validate(*image, value_type::client, wire_format{.wire = layout::x64, .base = 0x7ff6a0000000}));
  const result<std::vector<error>> elsewhere = validate(*image, value_type::client, wire_format{.wire = layout::x64});
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error_value().code, error_code::pointer_out_of_image);
  const result<std::vector<error>> off = validate(
      *image, value_type::client, wire_format{.wire = layout::x64, .base = 0x7ff6a0000000, .at = 0x7ff6a0000000 + 8});
  ASSERT_FALSE(off);
}

TEST(Validate, RefusesWhatCheckFormatRefuses) {
  const std::vector<std::uint8_t> input = read_vector_file(vector_file{"typical", value_kind::client, "x64", 0});
  for (const auto& [type, format] : std::vector<std::pair<value_type, wire_format>>{
           {value_type::client, wire_format{.wire = layout::x64, .frame = framing::ptr}},
           {value_type::array, wire_format{.wire = layout::ndr20, .frame = framing::response}},
           {value_type::client, wire_format{.wire = layout::ndr64, .all = true}},
       }) {
    const result<std::vector<error>> refused = validate(input, type, format);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error_value().code, error_code::unsupported);
    EXPECT_EQ(std::optional<error>(refused.error_value()), check_format(type, format, false));
  }
  EXPECT_FALSE(check_format(value_type::client, wire_format{.wire = layout::pickle}, false));
  EXPECT_TRUE(check_format(value_type::client, wire_format{.wire = layout::pickle}, true));
  EXPECT_TRUE(check_format(value_type::client, wire_format{.wire = layout::x86, .base = 0x10008}, true));
}

}  // namespace
}  // namespace dhcpm::test
