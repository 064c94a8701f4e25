// The retained large blocks: what is kept, what is reused, and the limit.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/large_block.hpp"
#include "dhcpm/view.hpp"

namespace dhcpm {
namespace {

constexpr std::size_t mib = std::size_t{1} << 20;

// Each test starts from nothing kept and restores the default limit.
class LargeBlockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    default_limit_ = retained_block_limit();
    release_retained_blocks();
  }
  void TearDown() override {
    set_retained_block_limit(default_limit_);
    release_retained_blocks();
  }
  std::size_t default_limit_ = 0;
};

TEST_F(LargeBlockTest, AFreedLargeBlockIsReusedBySameSizedRequest) {
  set_retained_block_limit(64 * mib);
  void* first = detail::allocate_large_block(9 * mib);
  std::memset(first, 0x5A, 9 * mib);
  detail::free_large_block(first, 9 * mib);
  EXPECT_EQ(retained_block_bytes(), 10 * mib);  // rounded up to 2 MiB
  void* second = detail::allocate_large_block(9 * mib + 100);
  EXPECT_EQ(second, first);
  EXPECT_EQ(retained_block_bytes(), 0u);
  detail::free_large_block(second, 9 * mib + 100);
}

TEST_F(LargeBlockTest, ADifferentSizeGetsFreshMemory) {
  set_retained_block_limit(64 * mib);
  void* first = detail::allocate_large_block(8 * mib);
  detail::free_large_block(first, 8 * mib);
  void* other = detail::allocate_large_block(12 * mib);
  EXPECT_EQ(retained_block_bytes(), 8 * mib);
  detail::free_large_block(other, 12 * mib);
  EXPECT_EQ(retained_block_bytes(), 20 * mib);
}

TEST_F(LargeBlockTest, SmallBlocksAreNeverKept) {
  set_retained_block_limit(64 * mib);
  void* p = detail::allocate_large_block(4 * mib - 1);
  detail::free_large_block(p, 4 * mib - 1);
  EXPECT_EQ(retained_block_bytes(), 0u);
}

TEST_F(LargeBlockTest, TheLimitEvictsTheOldestAndRefusesWhatCannotFit) {
  set_retained_block_limit(20 * mib);
  void* a = detail::allocate_large_block(8 * mib);
  void* b = detail::allocate_large_block(10 * mib);
  void* c = detail::allocate_large_block(22 * mib);
  detail::free_large_block(a, 8 * mib);
  detail::free_large_block(b, 10 * mib);
  EXPECT_EQ(retained_block_bytes(), 18 * mib);
  detail::free_large_block(c, 22 * mib);  // bigger than the limit: freed at once
  EXPECT_EQ(retained_block_bytes(), 18 * mib);
  void* d = detail::allocate_large_block(6 * mib);
  detail::free_large_block(d, 6 * mib);  // 18 + 6 > 20: the oldest (8 MiB) goes
  EXPECT_EQ(retained_block_bytes(), 16 * mib);
  set_retained_block_limit(7 * mib);  // lowering the limit frees what no longer fits
  EXPECT_EQ(retained_block_bytes(), 6 * mib);
  set_retained_block_limit(0);
  EXPECT_EQ(retained_block_bytes(), 0u);
}

TEST_F(LargeBlockTest, ReleaseGivesEverythingBack) {
  set_retained_block_limit(64 * mib);
  void* p = detail::allocate_large_block(6 * mib);
  detail::free_large_block(p, 6 * mib);
  EXPECT_EQ(retained_block_bytes(), 6 * mib);
  release_retained_blocks();
  EXPECT_EQ(retained_block_bytes(), 0u);
}

// Decoding and viewing input after input of one size reuses the blocks of
// the previous value, and the values are right every time.
TEST_F(LargeBlockTest, RepeatedDecodesReuseTheirBlocks) {
  set_retained_block_limit(256 * mib);
  generate_options options;
  options.elements = 30'000;  // 30,000 records of 200 bytes: a large block
  client_info_array value = realistic_generator(7, options).array();
  const auto encoded = encode_array(value, layout::ndr20);
  ASSERT_TRUE(encoded);
  std::size_t kept_after_first = 0;
  for (int round = 0; round < 3; ++round) {
    {
      auto decoded = decode_array(*encoded, layout::ndr20);
      ASSERT_TRUE(decoded);
      EXPECT_EQ(decoded->value, value);
      auto view = view_array(*encoded, layout::ndr20);
      ASSERT_TRUE(view);
      EXPECT_EQ(view->record_count(), decoded->value.clients->record_count());
      if (round > 0) {
        EXPECT_EQ(retained_block_bytes(), 0u) << "round " << round << " did not reuse every block";
      }
    }
    if (round == 0) kept_after_first = retained_block_bytes();
    EXPECT_GT(retained_block_bytes(), 0u);
    EXPECT_EQ(retained_block_bytes(), kept_after_first);
  }
}

}  // namespace
}  // namespace dhcpm
