// byte_string, the bytes of a DHCP_BINARY_DATA: up to 24 bytes inside the
// object, more on the heap, and in both cases the behaviour of the
// std::vector<std::uint8_t> it replaced (copies, moves, growth across the
// boundary, equality). The ASan run of the suite checks its memory.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "dhcpm/byte_string.hpp"

namespace dhcpm::test {
namespace {

std::vector<std::uint8_t> counting(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  std::iota(v.begin(), v.end(), std::uint8_t{1});
  return v;
}

bool inside(const byte_string& s) {
  const auto* object = reinterpret_cast<const std::uint8_t*>(&s);
  return s.data() >= object && s.data() < object + sizeof(s);
}

TEST(ByteString, HoldsUpTo24BytesInsideItselfAndMoreOnTheHeap) {
  for (const std::size_t n : {0u, 1u, 6u, 11u, 19u, 24u, 25u, 64u, 1000u}) {
    const auto expected = counting(n);
    const byte_string s(expected.begin(), expected.end());
    EXPECT_EQ(s.size(), n);
    EXPECT_EQ(s.empty(), n == 0);
    EXPECT_TRUE(s == expected);
    EXPECT_EQ(s.to_vector(), expected);
    EXPECT_EQ(inside(s), n <= byte_string::inline_capacity) << n;
    const std::span<const std::uint8_t> view(s);
    EXPECT_TRUE(std::equal(view.begin(), view.end(), expected.begin(), expected.end()));
  }
}

TEST(ByteString, CopiesAndMovesKeepTheBytes) {
  for (const std::size_t n : {3u, 24u, 40u}) {
    const auto expected = counting(n);
    byte_string original(expected);
    byte_string copy(original);
    EXPECT_EQ(copy, original);
    EXPECT_NE(copy.data(), original.data());
    byte_string moved(std::move(copy));
    EXPECT_EQ(moved, original);
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from byte_string is empty
    byte_string assigned;
    assigned = original;
    EXPECT_EQ(assigned, original);
    byte_string target{9, 9, 9};
    target = std::move(assigned);
    EXPECT_EQ(target, original);
    const byte_string& same = target;
    target = same;  // self-assignment keeps it
    EXPECT_EQ(target, original);
    copy = original;  // a moved-from one can be assigned again
    EXPECT_EQ(copy, original);
  }
}

TEST(ByteString, GrowsAcrossTheInlineBoundary) {
  byte_string s;
  std::vector<std::uint8_t> expected;
  for (unsigned i = 0; i < 100; ++i) {
    s.push_back(static_cast<std::uint8_t>(i));
    expected.push_back(static_cast<std::uint8_t>(i));
    ASSERT_TRUE(s == expected) << i;
  }
  s.resize(10);
  expected.resize(10);
  EXPECT_TRUE(s == expected);
  s.resize(30, 0xEE);
  expected.resize(30, 0xEE);
  EXPECT_TRUE(s == expected);
  EXPECT_EQ(s.front(), 0);
  EXPECT_EQ(s.back(), 0xEE);
  s[0] = 0x42;
  EXPECT_EQ(s[0], 0x42);
  s.clear();
  EXPECT_TRUE(s.empty());
  EXPECT_GE(s.capacity(), 30u);
}

TEST(ByteString, EqualityIsByContent) {
  EXPECT_EQ(byte_string{}, byte_string(std::vector<std::uint8_t>{}));
  EXPECT_NE((byte_string{1, 2}), (byte_string{1, 3}));
  EXPECT_NE((byte_string{1, 2}), (byte_string{1, 2, 0}));
  const auto long_bytes = counting(50);
  byte_string a(long_bytes);
  byte_string b(long_bytes.begin(), long_bytes.end());
  EXPECT_EQ(a, b);
  b.back() ^= 1;
  EXPECT_NE(a, b);
  EXPECT_EQ(byte_string(4, 0xAB), (std::vector<std::uint8_t>{0xAB, 0xAB, 0xAB, 0xAB}));
}

}  // namespace
}  // namespace dhcpm::test
