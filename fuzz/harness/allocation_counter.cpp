// Where allocation_scope's numbers come from. A sanitizer that owns the heap
// intercepts malloc, so under one the count runs in its malloc/free hooks;
// without one, this file replaces the malloc family (as glibc allows) with
// functions that count and forward to glibc's own. Either way nothing sits
// between the code and the sanitizer's redzones, and operator new, malloc and
// aligned_alloc are all seen.
#include "harness/allocation_counter.hpp"

#include <malloc.h>

#include <cstdlib>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(hwaddress_sanitizer)
#define DHCPM_FUZZ_SANITIZER_HEAP 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(__SANITIZE_HWADDRESS__)
#define DHCPM_FUZZ_SANITIZER_HEAP 1
#endif

namespace dhcpm::fuzz {
namespace {

// Per thread: libFuzzer's own threads do not disturb a measurement on the
// fuzzing thread. Signed, since a block may be freed by another thread.
thread_local std::int64_t live = 0;
thread_local std::int64_t peak = 0;

void count_allocation(std::size_t bytes) noexcept {
  live += static_cast<std::int64_t>(bytes);
  if (live > peak) peak = live;
}

void count_release(std::size_t bytes) noexcept { live -= static_cast<std::int64_t>(bytes); }

}  // namespace
}  // namespace dhcpm::fuzz

#if defined(DHCPM_FUZZ_SANITIZER_HEAP)

// <sanitizer/allocator_interface.h>, which GCC does not ship.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, std::size_t),
                                                         void (*free_hook)(const volatile void*));
extern "C" std::size_t __sanitizer_get_allocated_size(const volatile void* p);

namespace dhcpm::fuzz {
namespace {

void on_malloc(const volatile void* /*p*/, std::size_t size) { count_allocation(size); }
// Runs before the block is released, so its size can still be asked for.
void on_free(const volatile void* p) { count_release(__sanitizer_get_allocated_size(p)); }

[[maybe_unused]] const int hooks_installed = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);

}  // namespace
}  // namespace dhcpm::fuzz

#else

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);

namespace {
void* counted(void* p) noexcept {
  if (p != nullptr) dhcpm::fuzz::count_allocation(malloc_usable_size(p));
  return p;
}
}  // namespace

void* malloc(std::size_t size) { return counted(__libc_malloc(size)); }
void* calloc(std::size_t count, std::size_t size) { return counted(__libc_calloc(count, size)); }
void free(void* p) {
  if (p != nullptr) dhcpm::fuzz::count_release(malloc_usable_size(p));
  __libc_free(p);
}
void* realloc(void* p, std::size_t size) {
  const std::size_t old_size = p != nullptr ? malloc_usable_size(p) : 0;
  void* q = __libc_realloc(p, size);
  if (q == nullptr) return nullptr;  // p, if any, is untouched (or freed by realloc(p, 0))
  if (p != nullptr) dhcpm::fuzz::count_release(old_size);
  return counted(q);
}
void* memalign(std::size_t alignment, std::size_t size) { return counted(__libc_memalign(alignment, size)); }
void* aligned_alloc(std::size_t alignment, std::size_t size) { return memalign(alignment, size); }
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return 22;  // EINVAL
  void* p = memalign(alignment, size);
  if (p == nullptr) return 12;  // ENOMEM
  *out = p;
  return 0;
}
}  // extern "C"

#endif

namespace dhcpm::fuzz {

allocation_scope::allocation_scope() noexcept : live_at_start_(live), outer_peak_(peak) { peak = live; }

allocation_scope::~allocation_scope() {
  if (outer_peak_ > peak) peak = outer_peak_;
}

std::size_t allocation_scope::peak_bytes() const noexcept {
  return peak > live_at_start_ ? static_cast<std::size_t>(peak - live_at_start_) : 0;
}

bool allocations_are_counted() noexcept {
  static const bool counted = [] {
    // Compilers know malloc touches no program memory, so `live` is read
    // through volatile, ordered after the volatile store of the probe.
    const volatile std::int64_t& live_now = live;
    const std::int64_t before = live_now;
    void* volatile probe = std::malloc(64);
    const bool seen = live_now - before >= 64;
    std::free(probe);
    return seen;
  }();
  return counted;
}

}  // namespace dhcpm::fuzz
