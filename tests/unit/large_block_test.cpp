// block_cache: what is kept, what is reused, the limit, and that nothing is
// kept unless a decode names a cache.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/large_block.hpp"
#include "dhcpm/view.hpp"

namespace dhcpm {
namespace {

constexpr std::size_t mib = std::size_t{1} << 20;

TEST(BlockCache, AFreedLargeBlockIsReusedBySameSizedRequest) {
  block_cache cache(64 * mib);
  void* first = detail::allocate_large_block(9 * mib, &cache);
  std::memset(first, 0x5A, 9 * mib);
  detail::free_large_block(first, 9 * mib, &cache);
  EXPECT_EQ(cache.bytes(), 10 * mib);  // rounded up to 2 MiB
  void* second = detail::allocate_large_block(9 * mib + 100, &cache);
  EXPECT_EQ(second, first);
  EXPECT_EQ(cache.bytes(), 0u);
  detail::free_large_block(second, 9 * mib + 100, &cache);
}

TEST(BlockCache, ADifferentSizeGetsFreshMemory) {
  block_cache cache(64 * mib);
  void* first = detail::allocate_large_block(8 * mib, &cache);
  detail::free_large_block(first, 8 * mib, &cache);
  void* other = detail::allocate_large_block(12 * mib, &cache);
  EXPECT_EQ(cache.bytes(), 8 * mib);
  detail::free_large_block(other, 12 * mib, &cache);
  EXPECT_EQ(cache.bytes(), 20 * mib);
}

TEST(BlockCache, SmallBlocksAreNeverKept) {
  block_cache cache(64 * mib);
  void* p = detail::allocate_large_block(4 * mib - 1, &cache);
  detail::free_large_block(p, 4 * mib - 1, &cache);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(BlockCache, TheLimitEvictsTheOldestAndRefusesWhatCannotFit) {
  block_cache cache(20 * mib);
  EXPECT_EQ(cache.limit(), 20 * mib);
  void* a = detail::allocate_large_block(8 * mib, &cache);
  void* b = detail::allocate_large_block(10 * mib, &cache);
  void* c = detail::allocate_large_block(22 * mib, &cache);
  detail::free_large_block(a, 8 * mib, &cache);
  detail::free_large_block(b, 10 * mib, &cache);
  EXPECT_EQ(cache.bytes(), 18 * mib);
  detail::free_large_block(c, 22 * mib, &cache);  // bigger than the limit: freed at once
  EXPECT_EQ(cache.bytes(), 18 * mib);
  void* d = detail::allocate_large_block(6 * mib, &cache);
  detail::free_large_block(d, 6 * mib, &cache);  // 18 + 6 > 20: the oldest (8 MiB) goes
  EXPECT_EQ(cache.bytes(), 16 * mib);
  cache.set_limit(7 * mib);  // lowering the limit frees what no longer fits
  EXPECT_EQ(cache.bytes(), 6 * mib);
  cache.set_limit(0);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(BlockCache, ReleaseGivesEverythingBack) {
  block_cache cache(64 * mib);
  void* p = detail::allocate_large_block(6 * mib, &cache);
  detail::free_large_block(p, 6 * mib, &cache);
  EXPECT_EQ(cache.bytes(), 6 * mib);
  cache.release();
  EXPECT_EQ(cache.bytes(), 0u);
}

client_info_array large_array_value() {
  generate_options options;
  options.elements = 30'000;  // 30,000 records of 200 bytes: a large block
  return realistic_generator(7, options).array();
}

// Decoding and viewing input after input of one size with a cache reuses the
// blocks of the previous value, and the values are right every time.
TEST(BlockCache, RepeatedDecodesReuseTheirBlocks) {
  block_cache cache(256 * mib);
  const client_info_array value = large_array_value();
  const auto encoded = encode<client_info_array>(value, layout::ndr20);
  ASSERT_TRUE(encoded);
  const decode_options options{.cache = &cache};
  std::size_t kept_after_first = 0;
  for (int round = 0; round < 3; ++round) {
    {
      auto decoded = decode<client_info_array>(*encoded, layout::ndr20, options);
      ASSERT_TRUE(decoded);
      EXPECT_EQ(decoded->value, value);
      auto view = view_array(*encoded, layout::ndr20, options);
      ASSERT_TRUE(view);
      EXPECT_EQ(view->record_count(), decoded->value.clients->record_count());
      if (round > 0) {
        EXPECT_EQ(cache.bytes(), 0u) << "round " << round << " did not reuse every block";
      }
    }
    if (round == 0) kept_after_first = cache.bytes();
    EXPECT_GT(cache.bytes(), 0u);
    EXPECT_EQ(cache.bytes(), kept_after_first);
  }
}

// Without a cache nothing is kept anywhere: a cache that exists but was not
// named stays empty. A copy of a value decoded with a cache, and a moved-to
// list, keep working after the original is gone; the copy's blocks do not go
// to the cache.
TEST(BlockCache, OnlyTheNamedCacheIsUsedAndCopiesUseNone) {
  block_cache unused(256 * mib);
  const client_info_array value = large_array_value();
  const auto encoded = encode<client_info_array>(value, layout::ndr20);
  ASSERT_TRUE(encoded);
  {
    auto decoded = decode<client_info_array>(*encoded, layout::ndr20);
    ASSERT_TRUE(decoded);
  }
  EXPECT_EQ(unused.bytes(), 0u);

  block_cache cache(256 * mib);
  std::optional<client_info_array> copy;
  client_info_array moved;
  {
    auto decoded = decode<client_info_array>(*encoded, layout::ndr20, decode_options{.cache = &cache});
    ASSERT_TRUE(decoded);
    copy = decoded->value;
    moved = std::move(decoded->value);
  }
  EXPECT_EQ(cache.bytes(), 0u);  // the moved list still holds the blocks
  EXPECT_EQ(*copy, value);
  EXPECT_EQ(moved, value);
  copy.reset();
  EXPECT_EQ(cache.bytes(), 0u);  // the copy's blocks were its own
  moved = client_info_array{};
  EXPECT_GT(cache.bytes(), 0u);  // the decoded blocks went back to the cache
}

}  // namespace
}  // namespace dhcpm
