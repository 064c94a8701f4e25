// Memory for the big blocks of decoded values and views: a million-client
// array's records, string storage and view index are hundreds of MiB, touched
// once, front to back. Blocks of 4 MiB and more are aligned to 2 MiB and
// marked for transparent huge pages (Linux), so the kernel faults them in
// 2 MiB at a time instead of 4 KiB at a time: that page-fault storm was a
// third of the time of decoding a 1,000,000-client array. Smaller blocks are
// plain malloc.
//
// A freed block of 4 MiB or more is kept for the next decode, up to a limit
// (retained_block_limit): malloc keeps and reuses the memory of small
// decodes, but hands blocks this big back to the kernel, which then zeroes
// every page again when the next decode touches it — a quarter of the time of
// decoding a 1,000,000-client array, input after input. Nothing is retained
// in sanitizer builds unless a program asks for it, so that a use after free
// of a block stays visible to AddressSanitizer.
#pragma once

#include <cstddef>
#include <memory>
#include <new>

namespace dhcpm {

// The most bytes of freed large blocks kept for reuse (default 512 MiB; 0 in
// AddressSanitizer builds). Setting it releases what no longer fits.
[[nodiscard]] std::size_t retained_block_limit() noexcept;
void set_retained_block_limit(std::size_t bytes) noexcept;
// Bytes of freed large blocks held now, and a way to give them all back.
[[nodiscard]] std::size_t retained_block_bytes() noexcept;
void release_retained_blocks() noexcept;

}  // namespace dhcpm

namespace dhcpm::detail {

// Throws std::bad_alloc when the memory is not there. bytes may be 0.
[[nodiscard]] void* allocate_large_block(std::size_t bytes);
// p came from allocate_large_block(bytes) (or is nullptr).
void free_large_block(void* p, std::size_t bytes) noexcept;

struct large_block_free {
  std::size_t bytes = 0;
  void operator()(void* p) const noexcept { free_large_block(p, bytes); }
};

// An uninitialised array of n trivially constructible T.
template <class T>
using large_array = std::unique_ptr<T[], large_block_free>;
template <class T>
[[nodiscard]] large_array<T> make_large_array(std::size_t n) {
  if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
  return large_array<T>(static_cast<T*>(allocate_large_block(n * sizeof(T))), large_block_free{n * sizeof(T)});
}

// A std::allocator replacement for std::vector with the same placement policy.
template <class T>
struct large_block_allocator {
  using value_type = T;
  large_block_allocator() noexcept = default;
  template <class U>
  large_block_allocator(const large_block_allocator<U>& /*other*/) noexcept {}  // NOLINT: converting, as std::allocator
  [[nodiscard]] T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    return static_cast<T*>(allocate_large_block(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept { free_large_block(p, n * sizeof(T)); }
  template <class U>
  friend bool operator==(const large_block_allocator&, const large_block_allocator<U>&) noexcept {
    return true;
  }
};

}  // namespace dhcpm::detail
