#include "dhcpm/large_block.hpp"

#include <array>
#include <cstdlib>
#include <mutex>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace dhcpm {
namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t large_threshold = std::size_t{4} << 20;

[[nodiscard]] bool is_large(std::size_t bytes) noexcept {
  return bytes >= large_threshold && bytes <= static_cast<std::size_t>(-1) - huge_page;
}
[[nodiscard]] std::size_t rounded_size(std::size_t bytes) noexcept {
  return (bytes + huge_page - 1) / huge_page * huge_page;
}

}  // namespace

// Freed large blocks kept for reuse, oldest first. A block is reused only by
// a request of the same rounded size (decoding input after input of one size
// is the case that pays), and a fixed number of slots keeps free() from
// allocating.
struct block_cache::state {
  explicit state(std::size_t limit) noexcept : limit_(limit) {}

  // A kept block of exactly `size` bytes, or nullptr.
  void* take(std::size_t size) noexcept {
    const std::lock_guard lock(mutex_);
    for (std::size_t i = count_; i-- > 0;) {  // the newest first: its pages are the likeliest to be hot
      if (slots_[i].size == size) {
        void* p = slots_[i].p;
        remove(i);
        return p;
      }
    }
    return nullptr;
  }

  // Keeps p when it fits under the limit, evicting the oldest blocks to make
  // room; frees it otherwise.
  void give(void* p, std::size_t size) noexcept {
    std::array<void*, slot_count + 1> to_free{};
    std::size_t freeing = 0;
    {
      const std::lock_guard lock(mutex_);
      if (size > limit_) {
        to_free[freeing++] = p;
      } else {
        while (count_ != 0 && (bytes_ + size > limit_ || count_ == slot_count)) {
          to_free[freeing++] = slots_[0].p;
          remove(0);
        }
        slots_[count_++] = {p, size};
        bytes_ += size;
      }
    }
    for (std::size_t i = 0; i < freeing; ++i) std::free(to_free[i]);  // outside the lock
  }

  void set_limit(std::size_t bytes) noexcept {
    {
      const std::lock_guard lock(mutex_);
      limit_ = bytes;
    }
    trim();
  }
  [[nodiscard]] std::size_t limit() noexcept {
    const std::lock_guard lock(mutex_);
    return limit_;
  }
  [[nodiscard]] std::size_t bytes() noexcept {
    const std::lock_guard lock(mutex_);
    return bytes_;
  }
  // Frees the oldest blocks until what is kept fits the limit.
  void trim() noexcept {
    evict_oldest_while([this] { return bytes_ > limit_; });
  }
  void release() noexcept {
    evict_oldest_while([] { return true; });
  }

 private:
  static constexpr std::size_t slot_count = 16;
  struct block {
    void* p;
    std::size_t size;
  };

  // Frees blocks, oldest first, while more() says so (asked under the lock;
  // each free happens outside it).
  template <class More>
  void evict_oldest_while(More more) noexcept {
    for (;;) {
      void* p = nullptr;
      {
        const std::lock_guard lock(mutex_);
        if (count_ == 0 || !more()) return;
        p = slots_[0].p;
        remove(0);
      }
      std::free(p);
    }
  }

  void remove(std::size_t i) noexcept {
    bytes_ -= slots_[i].size;
    for (std::size_t j = i + 1; j < count_; ++j) slots_[j - 1] = slots_[j];
    --count_;
  }

  std::mutex mutex_;
  std::array<block, slot_count> slots_{};
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
  std::size_t limit_;
};


block_cache::block_cache(std::size_t limit_bytes) : state_(std::make_unique<state>(limit_bytes)) {}
block_cache::~block_cache() { state_->release(); }
std::size_t block_cache::limit() const noexcept { return state_->limit(); }
void block_cache::set_limit(std::size_t bytes) noexcept { state_->set_limit(bytes); }
std::size_t block_cache::bytes() const noexcept { return state_->bytes(); }
void block_cache::release() noexcept { state_->release(); }
void* block_cache::take(std::size_t size) noexcept { return state_->take(size); }
void block_cache::give(void* p, std::size_t size) noexcept { state_->give(p, size); }

namespace detail {

void* allocate_large_block(std::size_t bytes, block_cache* cache) {
  void* p = nullptr;
  if (is_large(bytes)) {
    const std::size_t rounded = rounded_size(bytes);
    p = cache != nullptr ? cache->take(rounded) : nullptr;
    if (p != nullptr) return p;
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

void free_large_block(void* p, std::size_t bytes, block_cache* cache) noexcept {
  if (p != nullptr && cache != nullptr && is_large(bytes)) {
    cache->give(p, rounded_size(bytes));
  } else {
    std::free(p);
  }
}

}  // namespace detail
}  // namespace dhcpm
