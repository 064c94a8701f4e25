// Memory for the big blocks of decoded values and views: a million-client
// array's records, string storage and view index are hundreds of MiB, touched
// once, front to back. Blocks of 4 MiB and more are aligned to 2 MiB and
// marked for transparent huge pages (Linux), so the kernel faults them in
// 2 MiB at a time instead of 4 KiB at a time: that page-fault storm was a
// third of the time of decoding a 1,000,000-client array. Smaller blocks are
// plain malloc.
//
// Freed blocks of 4 MiB and more can be kept for the next decode of the same
// size, in a block_cache the program owns and names in decode_options::cache
// (off by default): malloc keeps and reuses the memory of small decodes, but
// hands blocks this big back to the kernel, which then zeroes every page again
// when the next decode touches it — a quarter of the time of decoding a
// 1,000,000-client array, input after input. Without a cache nothing is kept
// and no state outside the value is touched.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

namespace dhcpm {

// Freed large blocks of the values and views decoded with it, kept for reuse
// up to a limit. It must outlive every value and view decoded with it (a copy
// of such a value does not use it). Thread-safe.
class block_cache {
 public:
  static constexpr std::size_t default_limit = std::size_t{512} << 20;  // 512 MiB

  explicit block_cache(std::size_t limit_bytes = default_limit);
  ~block_cache();  // frees every block it holds
  block_cache(const block_cache&) = delete;
  block_cache& operator=(const block_cache&) = delete;

  [[nodiscard]] std::size_t limit() const noexcept;
  void set_limit(std::size_t bytes) noexcept;  // frees what no longer fits
  [[nodiscard]] std::size_t bytes() const noexcept;  // held now
  void release() noexcept;  // frees everything it holds

  // For dhcpm's allocations: a kept block of exactly `size` bytes, or nullptr;
  // and a freed block to keep (or free, when it does not fit).
  [[nodiscard]] void* take(std::size_t size) noexcept;
  void give(void* p, std::size_t size) noexcept;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace dhcpm

namespace dhcpm::detail {

// Throws std::bad_alloc when the memory is not there. bytes may be 0. With a
// cache, large blocks come from and go back to it.
[[nodiscard]] void* allocate_large_block(std::size_t bytes, block_cache* cache = nullptr);
// p came from allocate_large_block(bytes, cache) (or is nullptr).
void free_large_block(void* p, std::size_t bytes, block_cache* cache = nullptr) noexcept;

struct large_block_free {
  std::size_t bytes = 0;
  block_cache* cache = nullptr;
  void operator()(void* p) const noexcept { free_large_block(p, bytes, cache); }
};

// An uninitialised array of n trivially constructible T.
template <class T>
using large_array = std::unique_ptr<T[], large_block_free>;
template <class T>
[[nodiscard]] large_array<T> make_large_array(std::size_t n, block_cache* cache = nullptr) {
  if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
  return large_array<T>(static_cast<T*>(allocate_large_block(n * sizeof(T), cache)),
                        large_block_free{n * sizeof(T), cache});
}

// A std::allocator replacement for std::vector with the same placement
// policy. It moves with the container; a copied container gets memory of its
// own (no cache), so a copy never depends on the decode's cache.
template <class T>
struct large_block_allocator {
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using propagate_on_container_copy_assignment = std::false_type;

  block_cache* cache = nullptr;

  large_block_allocator() noexcept = default;
  explicit large_block_allocator(block_cache* c) noexcept : cache(c) {}
  template <class U>
  large_block_allocator(const large_block_allocator<U>& other) noexcept : cache(other.cache) {}  // NOLINT: converting
  [[nodiscard]] T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    return static_cast<T*>(allocate_large_block(n * sizeof(T), cache));
  }
  void deallocate(T* p, std::size_t n) noexcept { free_large_block(p, n * sizeof(T), cache); }
  [[nodiscard]] large_block_allocator select_on_container_copy_construction() const noexcept { return {}; }
  template <class U>
  friend bool operator==(const large_block_allocator& a, const large_block_allocator<U>& b) noexcept {
    return a.cache == b.cache;
  }
};

}  // namespace dhcpm::detail
