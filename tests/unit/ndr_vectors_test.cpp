// Every NDR 2.0 golden vector in both directions (issue 2, point 4): decoding
// each canonical and foreign file gives exactly the value of NAME.json, and
// encoding that value reproduces each canonical file byte for byte. One test
// case per file, so a failure names the file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "support/ndr_builder.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

const std::vector<std::string> decodable_kinds = {"ndr20", "ndr20be", "ptr.ndr20", "response.ndr20", "foreign.ndr20"};
const std::vector<std::string> canonical_kinds = {"ndr20", "ndr20be", "ptr.ndr20", "response.ndr20"};

std::string file_param_name(const testing::TestParamInfo<vector_file>& info) {
  return test_name(info.param.vector + "_" + info.param.kind);
}

// The index must list what the tests below rely on; a vector set without
// files would make the parameterised tests vacuous.
TEST(NdrVectorIndex, ListsEveryNdr20File) {
  ASSERT_GE(all_vectors().size(), 10u);
  std::size_t clients = 0;
  for (const vector_info& v : all_vectors()) {
    SCOPED_TRACE(v.name);
    EXPECT_TRUE(v.has("ndr20"));
    EXPECT_TRUE(v.has("ndr20be"));
    if (v.type == value_kind::client) {
      ++clients;
      EXPECT_TRUE(v.has("ptr.ndr20"));
      EXPECT_TRUE(v.has("response.ndr20"));
      EXPECT_TRUE(v.has("foreign.ndr20"));
    } else {
      EXPECT_FALSE(v.has("response.ndr20"));
    }
  }
  EXPECT_GE(clients, 5u);
  EXPECT_GE(vector_files(decodable_kinds).size(), 40u);
}

class NdrVectorDecode : public testing::TestWithParam<vector_file> {};

TEST_P(NdrVectorDecode, GivesTheJsonValue) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> input = read_vector_file(f);
  const file_format format = format_of(f.kind);
  const any_value expected = expected_value(f);

  const decode_outcome strict = decode_as(f.type, format.frame, format.wire, input);
  ASSERT_TRUE(strict.ok()) << f.file_name() << ": " << describe(strict.failure);
  EXPECT_TRUE(strict.warnings.empty()) << describe(strict.warnings);
  EXPECT_EQ(*strict.value, expected) << "decoded:\n" << describe(*strict.value) << "\nexpected:\n" << describe(expected);

  // Lenient decoding of valid bytes is the same value, with nothing to warn about.
  const decode_outcome lenient = decode_as(f.type, format.frame, format.wire, input, decode_options{.strict = false});
  ASSERT_TRUE(lenient.ok()) << f.file_name() << ": " << describe(lenient.failure);
  EXPECT_TRUE(lenient.warnings.empty()) << describe(lenient.warnings);
  EXPECT_EQ(*lenient.value, expected);
}

INSTANTIATE_TEST_SUITE_P(Files, NdrVectorDecode, testing::ValuesIn(vector_files(decodable_kinds)), file_param_name);

class NdrVectorResponse : public testing::TestWithParam<vector_file> {};

TEST_P(NdrVectorResponse, ReportsReturnValueZero) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> input = read_vector_file(f);
  auto r = decode<get_client_info_response>(input, format_of(f.kind).wire);
  ASSERT_TRUE(r) << describe(r.error_value());
  EXPECT_EQ(r->value.return_value, 0u);
  ASSERT_TRUE(r->value.client.has_value());
  EXPECT_EQ(*r->value.client, load_client(f.vector));
}

INSTANTIATE_TEST_SUITE_P(Files, NdrVectorResponse, testing::ValuesIn(vector_files({"response.ndr20"})), file_param_name);

class NdrVectorEncode : public testing::TestWithParam<vector_file> {};

TEST_P(NdrVectorEncode, ReproducesTheFile) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> expected = read_vector_file(f);
  const file_format format = format_of(f.kind);
  const result<bytes> encoded = encode_any(expected_value(f), format.wire);
  ASSERT_TRUE(encoded) << describe(encoded.error_value());
  EXPECT_EQ(byte_diff(expected, *encoded), "") << f.file_name();
}

// The test suite's own reference encoder (support/ndr_builder.hpp) must agree
// with the vectors too; the property tests compare the library against it.
TEST_P(NdrVectorEncode, ReferenceBuilderReproducesTheFile) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> expected = read_vector_file(f);
  const file_format format = format_of(f.kind);
  ndr_builder b(format.wire == layout::ndr20be ? byte_order::big : byte_order::little);
  const any_value value = expected_value(f);
  if (const auto* c = std::get_if<client_info>(&value)) b.client(*c);
  if (const auto* a = std::get_if<client_info_array>(&value)) b.array(*a);
  if (const auto* pc = std::get_if<std::optional<client_info>>(&value)) b.client_ptr(*pc);
  if (const auto* pa = std::get_if<std::optional<client_info_array>>(&value)) b.array_ptr(*pa);
  if (const auto* r = std::get_if<get_client_info_response>(&value)) b.response(*r);
  EXPECT_EQ(byte_diff(expected, b.bytes()), "") << f.file_name();
}

INSTANTIATE_TEST_SUITE_P(Files, NdrVectorEncode, testing::ValuesIn(vector_files(canonical_kinds)), file_param_name);

}  // namespace
}  // namespace dhcpm::test
