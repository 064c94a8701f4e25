// Zero-copy views: the input is validated once, by the same walk and with the
// same checks, errors and offsets as the owning decoder, and then each client
// is reached in constant time and each field is read from the input bytes on
// access. Strings stay UTF-16 on the wire until asked for. A view allocates
// one index (proportional to the number of records), never per element.
//
// A view refers to the caller's buffer: it must not outlive it. Passing a
// temporary vector is refused at compile time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/large_block.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/record_view.hpp"

namespace dhcpm {

namespace detail {
using record_location = record_location_of<client_info>;
using view_format = record_format<client_info>;

// An element slot of the view index that holds a NULL element pointer.
inline constexpr std::uint32_t no_record = UINT32_MAX;
}  // namespace detail

// One client record in the input (record_view.hpp).
using client_view = record_view<client_info>;

// An _ARRAY in the input.
class array_view {
 public:
  array_view(array_view&&) noexcept;
  array_view& operator=(array_view&&) noexcept;
  array_view(const array_view&) = delete;
  array_view& operator=(const array_view&) = delete;
  ~array_view();

  [[nodiscard]] std::uint32_t num_elements() const noexcept { return num_elements_; }
  [[nodiscard]] bool clients_is_null() const noexcept { return !clients_present_; }
  // Element slots (max_count; NumElements in strict mode).
  [[nodiscard]] std::size_t size() const noexcept { return slots_; }
  // Non-NULL elements.
  [[nodiscard]] std::size_t record_count() const noexcept { return records_; }
  [[nodiscard]] bool is_null(std::size_t i) const noexcept { return slots_index_[i] == detail::no_record; }  // i < size()
  // The element at i; std::nullopt for a NULL element pointer. i < size().
  [[nodiscard]] std::optional<client_view> operator[](std::size_t i) const noexcept {
    if (is_null(i)) return std::nullopt;
    return record(slots_index_[i]);
  }
  // The k-th non-NULL element, k < record_count().
  [[nodiscard]] client_view record(std::size_t k) const noexcept {
    return client_view(input_, locations_ + k, format_);
  }

  // Iteration visits every slot in order, as operator[] does, and asks the
  // memory system for the input a little ahead of the record it is on: the
  // hardware's prefetcher stops at each 4 KiB page, and reading every client
  // of a view larger than the caches would otherwise wait on memory there.
  class iterator;
  [[nodiscard]] iterator begin() const noexcept;
  [[nodiscard]] iterator end() const noexcept;

  [[nodiscard]] const std::vector<error>& warnings() const noexcept { return warnings_; }
  // An owning copy of the whole array.
  [[nodiscard]] client_info_array to_value() const;

 private:
  friend struct view_access;
  array_view() noexcept;

  const std::uint8_t* input_ = nullptr;
  std::size_t input_size_ = 0;
  const detail::view_format* format_ = nullptr;
  std::uint32_t num_elements_ = 0;
  bool clients_present_ = false;
  std::size_t slots_ = 0;
  std::size_t records_ = 0;
  // The one allocation: a record number per slot (or detail::no_record), then one
  // location per record. Left uninitialised until the walk writes it.
  detail::large_array<std::uint32_t> index_;
  const std::uint32_t* slots_index_ = nullptr;
  const detail::record_location* locations_ = nullptr;
  std::vector<error> warnings_;
};

class array_view::iterator {
 public:
  using value_type = std::optional<client_view>;
  using difference_type = std::ptrdiff_t;
  using iterator_concept = std::forward_iterator_tag;
  using iterator_category = std::input_iterator_tag;  // yields values, not references

  iterator() = default;
  [[nodiscard]] value_type operator*() const noexcept { return (*view_)[slot_]; }
  iterator& operator++() noexcept {
    ++slot_;
    prefetch();
    return *this;
  }
  iterator operator++(int) noexcept {
    iterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.slot_ == b.slot_; }

 private:
  friend class array_view;
  iterator(const array_view* view, std::size_t slot) noexcept : view_(view), slot_(slot) { prefetch(); }

  static constexpr std::size_t line = 64;
  static constexpr std::size_t input_distance = 2048;  // bytes of input ahead of the record
  static constexpr std::size_t index_distance = 16;    // records (and slots) ahead in the index

  void prefetch() noexcept {
    if (slot_ >= view_->slots_) return;
    if (slot_ + index_distance < view_->slots_) __builtin_prefetch(view_->slots_index_ + slot_ + index_distance);
    const std::uint32_t k = view_->slots_index_[slot_];
    if (k == detail::no_record) return;
    if (k + index_distance < view_->records_) __builtin_prefetch(view_->locations_ + k + index_distance);
    const std::size_t at = view_->locations_[k].flat;
    const std::size_t until = at + input_distance < view_->input_size_ ? at + input_distance : view_->input_size_;
    if (prefetched_ < at) prefetched_ = at;
    for (; prefetched_ < until; prefetched_ += line) __builtin_prefetch(view_->input_ + prefetched_);
  }

  const array_view* view_ = nullptr;
  std::size_t slot_ = 0;
  std::size_t prefetched_ = 0;  // the input has been asked for up to here
};

inline array_view::iterator array_view::begin() const noexcept { return {this, 0}; }
inline array_view::iterator array_view::end() const noexcept { return {this, slots_}; }

// Validates an _ARRAY in any layout (bare framing; x64/x86 images based at
// default_image_base) and returns a view of it.
[[nodiscard]] result<array_view> view_array(byte_span input DHCPM_LIFETIMEBOUND, layout wire,
                                            const decode_options& options = {});
// A view of a temporary buffer would dangle at once.
result<array_view> view_array(std::vector<std::uint8_t>&& input, layout wire,
                              const decode_options& options = {}) = delete;
result<array_view> view_array(const std::vector<std::uint8_t>&& input, layout wire,
                              const decode_options& options = {}) = delete;

}  // namespace dhcpm
