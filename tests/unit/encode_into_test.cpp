// encode_into writes the bytes encode gives into the caller's buffer, keeping
// its capacity from one value to the next, in every framing and layout.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

TEST(EncodeInto, GivesEncodesBytesAndKeepsTheBuffer) {
  realistic_generator g(15);
  bytes out;
  const std::uint8_t* first_buffer = nullptr;
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle_ndr64, layout::x64}) {
    const client_info_array value = g.array();
    const auto expected = encode(value, wire);
    ASSERT_TRUE(expected);
    out.assign(expected->size() + 4096, 0xEE);  // larger than any value below, and dirty
    first_buffer = out.data();
    const auto written = encode_into(value, wire, out);
    ASSERT_TRUE(written) << describe(written.error_value());
    EXPECT_EQ(*written, expected->size());
    EXPECT_EQ(out, *expected) << to_string(wire);
    if (!is_native(wire)) {
      EXPECT_EQ(out.data(), first_buffer) << "the buffer was not reused in " << to_string(wire);
    }
  }
  const std::optional<client_info_array> pointed = g.array();
  const wire_format ptr{.wire = layout::ndr64, .frame = framing::ptr};
  ASSERT_TRUE(encode_into(pointed, ptr, out));
  EXPECT_EQ(out, *encode(pointed, ptr));
}

TEST(EncodeInto, AFailureLeavesNoBytesOfTheValue) {
  client_info_array value;
  value.num_elements = 2;  // but no Clients list: NumElements disagrees with it
  value.clients.emplace();
  bytes out(100, 0xEE);
  const auto written = encode_into(value, layout::ndr20, out);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error_value(), encode(value, layout::ndr20).error_value());
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace dhcpm::test
