#include "dhcpm/large_block.hpp"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace dhcpm::detail {

namespace {
constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t large_threshold = std::size_t{4} << 20;
}  // namespace

void* allocate_large_block(std::size_t bytes) {
  void* p = nullptr;
  if (bytes >= large_threshold && bytes <= static_cast<std::size_t>(-1) - huge_page) {
    const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
    p = std::aligned_alloc(huge_page, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Advice only: without transparent huge pages the block works the same.
    if (p != nullptr) (void)madvise(p, rounded, MADV_HUGEPAGE);
#endif
  } else {
    p = std::malloc(bytes != 0 ? bytes : 1);
  }
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void free_large_block(void* p) noexcept { std::free(p); }

}  // namespace dhcpm::detail
