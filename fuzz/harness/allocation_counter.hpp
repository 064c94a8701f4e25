// Counts the heap bytes this thread allocates, so that a fuzz target can check
// that a decode keeps its resource bound. Every block is seen, whichever
// function allocated it — operator new, or malloc and aligned_alloc, which
// the library uses for its large blocks (dhcpm/large_block.hpp) — because the
// count sits in the allocator: in the sanitizer's allocator hooks when a
// sanitizer owns the heap (ASan, MSan, TSan), in a replaced malloc family
// forwarding to glibc otherwise (allocation_counter.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace dhcpm::fuzz {

// The peak of live bytes while the scope exists, above what was live when it
// began: what the code run inside it needed at most. Scopes nest.
class allocation_scope {
 public:
  allocation_scope() noexcept;
  ~allocation_scope();
  allocation_scope(const allocation_scope&) = delete;
  allocation_scope& operator=(const allocation_scope&) = delete;

  [[nodiscard]] std::size_t peak_bytes() const noexcept;

 private:
  std::int64_t live_at_start_;
  std::int64_t outer_peak_;
};

// False when this build cannot count (an allocator that neither runs the
// sanitizer hooks nor calls the replaced malloc): bounds are then not checked.
[[nodiscard]] bool allocations_are_counted() noexcept;

}  // namespace dhcpm::fuzz
