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

// An _ARRAY in the input: basic_array_view<Array> for each _ARRAY type of
// record_types.hpp; array_view is the failover array's.
template <class Array>
class basic_array_view {
 public:
  using element_type = typename Array::element;
  using record_type = record_view<element_type>;

  basic_array_view(basic_array_view&&) noexcept = default;
  basic_array_view& operator=(basic_array_view&&) noexcept = default;
  basic_array_view(const basic_array_view&) = delete;
  basic_array_view& operator=(const basic_array_view&) = delete;
  ~basic_array_view() = default;

  [[nodiscard]] std::uint32_t num_elements() const noexcept { return num_elements_; }
  [[nodiscard]] bool clients_is_null() const noexcept { return !clients_present_; }
  // Element slots (max_count; NumElements in strict mode).
  [[nodiscard]] std::size_t size() const noexcept { return slots_; }
  // Non-NULL elements.
  [[nodiscard]] std::size_t record_count() const noexcept { return records_; }
  [[nodiscard]] bool is_null(std::size_t i) const noexcept { return slots_index_[i] == detail::no_record; }  // i < size()
  // The element at i; std::nullopt for a NULL element pointer. i < size().
  [[nodiscard]] std::optional<record_type> operator[](std::size_t i) const noexcept {
    if (is_null(i)) return std::nullopt;
    return record(slots_index_[i]);
  }
  // The k-th non-NULL element, k < record_count().
  [[nodiscard]] record_type record(std::size_t k) const noexcept {
    return record_type(input_, locations_ + k, format_);
  }

  // Iteration visits every slot in order, as operator[] does, and asks the
  // memory system for the input a little ahead of the record it is on: the
  // hardware's prefetcher stops at each 4 KiB page, and reading every client
  // of a view larger than the caches would otherwise wait on memory there.
  class iterator {
   public:
    using value_type = std::optional<record_type>;
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
    friend class basic_array_view;
    iterator(const basic_array_view* view, std::size_t slot) noexcept : view_(view), slot_(slot) { prefetch(); }

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

    const basic_array_view* view_ = nullptr;
    std::size_t slot_ = 0;
    std::size_t prefetched_ = 0;  // the input has been asked for up to here
  };
  [[nodiscard]] iterator begin() const noexcept { return {this, 0}; }
  [[nodiscard]] iterator end() const noexcept { return {this, slots_}; }

  [[nodiscard]] const std::vector<error>& warnings() const noexcept { return warnings_; }
  // An owning copy of the whole array.
  [[nodiscard]] Array to_value() const;

 private:
  friend struct view_access;
  basic_array_view() noexcept = default;

  const std::uint8_t* input_ = nullptr;
  std::size_t input_size_ = 0;
  const detail::record_format<element_type>* format_ = nullptr;
  std::uint32_t num_elements_ = 0;
  bool clients_present_ = false;
  std::size_t slots_ = 0;
  std::size_t records_ = 0;
  // The one allocation: a record number per slot (or detail::no_record), then one
  // location per record. Left uninitialised until the walk writes it.
  detail::large_array<std::uint32_t> index_;
  const std::uint32_t* slots_index_ = nullptr;
  const detail::record_location_of<element_type>* locations_ = nullptr;
  std::vector<error> warnings_;
};

using array_view = basic_array_view<client_info_array>;

// Validates an _ARRAY of any type in the format given (bare framing; NDR,
// a pickled buffer's one value, or a memory image) and returns a view of it.
// Refused with error_code::unsupported: other framings, every value of a
// pickled buffer, inputs of 4 GiB and more, and (for now) the memory images
// of DHCP_CLIENT_INFO_EX_ARRAY (decode those).
template <class Array>
[[nodiscard]] result<basic_array_view<Array>> view_of(byte_span input DHCPM_LIFETIMEBOUND, const wire_format& format,
                                                     const decode_options& options = {});
template <class Array>
result<basic_array_view<Array>> view_of(std::vector<std::uint8_t>&& input, const wire_format& format,
                                        const decode_options& options = {}) = delete;

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
