// decode_options::max_warnings: lenient decoding keeps the first
// max_warnings warnings and drops the rest, so an input with a problem in
// every record cannot grow an unbounded list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// array-3 with one byte after it: one trailing_bytes warning.
std::vector<std::uint8_t> array_with_a_trailing_byte_per_decode() {
  std::vector<std::uint8_t> input = read_vector_file(find_vector("array-3"), "ndr20");
  input.push_back(0xEE);  // trailing_bytes warning
  return input;
}

TEST(WarningLimit, DefaultKeepsEveryWarningOfASmallInput) {
  const decode_options lenient{.strict = false};
  EXPECT_EQ(lenient.max_warnings, 1000u);
  const std::vector<std::uint8_t> input = array_with_a_trailing_byte_per_decode();
  const auto r = decode<client_info_array>(input, layout::ndr20, lenient);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].code, error_code::trailing_bytes);
}

// A client whose five strings all lack their terminator gives five warnings;
// the limit keeps the first ones, in input order, and decoding still succeeds.
TEST(WarningLimit, KeepsOnlyTheFirstWarnings) {
  client_info value = load_client("typical");
  const std::u16string names[] = {u"name1", u"comment2", u"netbios3", u"host4", u"policy5"};
  value.client_name = utf16_string::from_units(names[0]);
  value.client_comment = utf16_string::from_units(names[1]);
  value.owner_host.net_bios_name = utf16_string::from_units(names[2]);
  value.owner_host.host_name = utf16_string::from_units(names[3]);
  value.policy_name = utf16_string::from_units(names[4]);
  const result<bytes> encoded = encode<client_info>(value, layout::ndr20);
  ASSERT_TRUE(encoded);
  // Replace each string's terminating NUL unit with 'Z' (0x005A).
  std::vector<std::uint8_t> input = *encoded;
  for (const std::u16string& name : names) {
    std::vector<std::uint8_t> units;
    for (const char16_t u : name) {
      units.push_back(static_cast<std::uint8_t>(u & 0xFF));
      units.push_back(static_cast<std::uint8_t>(u >> 8));
    }
    const auto at = std::search(input.begin(), input.end(), units.begin(), units.end());
    ASSERT_NE(at, input.end());
    const auto terminator = at + static_cast<std::ptrdiff_t>(units.size());
    ASSERT_EQ(terminator[0], 0);
    terminator[0] = 0x5A;
  }
  decode_options options{.strict = false};
  const auto all = decode<client_info>(input, layout::ndr20, options);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->warnings.size(), 5u);
  for (const error& w : all->warnings) EXPECT_EQ(w.code, error_code::missing_terminator);

  options.max_warnings = 2;
  const auto first_two = decode<client_info>(input, layout::ndr20, options);
  ASSERT_TRUE(first_two);
  ASSERT_EQ(first_two->warnings.size(), 2u);
  EXPECT_EQ(first_two->warnings[0], all->warnings[0]);
  EXPECT_EQ(first_two->warnings[1], all->warnings[1]);
  EXPECT_EQ(first_two->value, all->value);

  options.max_warnings = 0;
  const auto none = decode<client_info>(input, layout::ndr20, options);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->warnings.empty());
}

}  // namespace
}  // namespace dhcpm::test
