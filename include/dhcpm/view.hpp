// Zero-copy views: the input is validated once, by the same walk and with the
// same checks, errors and offsets as the owning decoder, and then each client
// is reached in constant time and each field is read from the input bytes on
// access. Strings stay UTF-16 on the wire until asked for. A view allocates
// one index (proportional to the number of records), never per element.
//
// A view refers to the caller's buffer: it must not outlive it. Passing a
// temporary vector is refused at compile time.
#pragma once

#include <boost/endian/conversion.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/large_block.hpp"
#include "dhcpm/options.hpp"

#if defined(__clang__)
#define DHCPM_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define DHCPM_LIFETIMEBOUND
#endif

namespace dhcpm {

namespace detail {
struct record_layout;  // the full layout table (codec/layout/record_layout.hpp)

// Where one record's parts are in the input (inputs are < 4 GiB). Filled by
// the validating walk; fields of an absent pointee are never read.
struct record_location {
  std::uint32_t flat;             // the flat part
  std::uint32_t present;          // bit 0: Data, bit 1 + s: string slot s is non-NULL
  std::uint32_t data;             // the bytes of Data
  std::uint32_t data_size;
  std::uint32_t string_units[5];  // the units of ClientName, ClientComment, NetBiosName, HostName, PolicyName
  std::uint32_t string_size[5];   // units, terminator excluded
};

// An element slot of the view index that holds a NULL element pointer.
inline constexpr std::uint32_t no_record = UINT32_MAX;

// What the inline accessors need to know of a layout: where each scalar
// field sits in the flat part, how wide Status is, and the byte order. The
// values come from the one layout table (codec/view/view_index.hpp).
struct view_format {
  const record_layout* record;
  bool big_endian;
  std::uint8_t status_size;  // 2 in NDR 2.0, 4 elsewhere
  std::uint16_t client_ip_address, subnet_mask, data_length, lease_expires_low, lease_expires_high, owner_ip_address,
      client_type, address_state, status, probation_ends_low, probation_ends_high, quarantine_capable,
      sent_pot_exp_time, ack_pot_exp_time, recv_pot_exp_time, start_time, clt_last_trans_time, last_bnd_upd_time,
      bnd_msg_status, flags;
};

// Loads a wire integer of N bytes in the format's byte order.
template <class T, std::size_t N>
[[nodiscard]] inline T load_view(const std::uint8_t* p, bool big_endian) noexcept {
  return big_endian ? boost::endian::endian_load<T, N, boost::endian::order::big>(p)
                    : boost::endian::endian_load<T, N, boost::endian::order::little>(p);
}
}  // namespace detail

// A string in the input: NULL or a run of UTF-16 units (terminator excluded).
class utf16_view {
 public:
  utf16_view() = default;  // NULL

  [[nodiscard]] bool is_null() const noexcept { return !present_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] char16_t operator[](std::size_t i) const noexcept {  // i < size()
    return static_cast<char16_t>(detail::load_view<std::uint16_t, 2>(units_ + 2 * i, big_endian_));
  }

  [[nodiscard]] std::u16string units() const;
  [[nodiscard]] std::optional<std::string> to_utf8() const;  // nullopt: NULL or not valid UTF-16
  [[nodiscard]] utf16_string to_value() const;

  friend bool operator==(const utf16_view& a, const utf16_string& b) noexcept;

 private:
  friend class client_view;
  utf16_view(const std::uint8_t* units, std::size_t size, bool big_endian) noexcept
      : units_(units), size_(size), present_(true), big_endian_(big_endian) {}

  const std::uint8_t* units_ = nullptr;
  std::size_t size_ = 0;
  bool present_ = false;
  bool big_endian_ = false;
};

// One client record in the input.
class client_view {
 public:
  // Inline, so that reading every field of every client costs loads, not calls.
  [[nodiscard]] std::uint32_t client_ip_address() const noexcept { return u32(format_->client_ip_address); }
  [[nodiscard]] std::uint32_t subnet_mask() const noexcept { return u32(format_->subnet_mask); }
  [[nodiscard]] std::uint32_t data_length() const noexcept { return u32(format_->data_length); }
  // ClientHardwareAddress.Data: std::nullopt for NULL.
  [[nodiscard]] std::optional<std::span<const std::uint8_t>> data() const noexcept {
    if ((where_->present & 1u) == 0) return std::nullopt;
    return std::span<const std::uint8_t>(input_ + where_->data, where_->data_size);
  }
  [[nodiscard]] utf16_view client_name() const noexcept { return string(0); }
  [[nodiscard]] utf16_view client_comment() const noexcept { return string(1); }
  [[nodiscard]] std::uint64_t client_lease_expires() const noexcept {
    return std::uint64_t{u32(format_->lease_expires_high)} << 32 | u32(format_->lease_expires_low);
  }
  [[nodiscard]] std::uint32_t owner_ip_address() const noexcept { return u32(format_->owner_ip_address); }
  [[nodiscard]] utf16_view owner_net_bios_name() const noexcept { return string(2); }
  [[nodiscard]] utf16_view owner_host_name() const noexcept { return string(3); }
  [[nodiscard]] std::uint8_t client_type() const noexcept { return flat()[format_->client_type]; }
  [[nodiscard]] std::uint8_t address_state() const noexcept { return flat()[format_->address_state]; }
  [[nodiscard]] std::uint32_t status() const noexcept {
    return format_->status_size == 2
               ? detail::load_view<std::uint16_t, 2>(flat() + format_->status, format_->big_endian)
               : u32(format_->status);
  }
  [[nodiscard]] std::uint64_t probation_ends() const noexcept {
    return std::uint64_t{u32(format_->probation_ends_high)} << 32 | u32(format_->probation_ends_low);
  }
  [[nodiscard]] std::uint32_t quarantine_capable() const noexcept { return u32(format_->quarantine_capable); }
  [[nodiscard]] std::uint32_t sent_pot_exp_time() const noexcept { return u32(format_->sent_pot_exp_time); }
  [[nodiscard]] std::uint32_t ack_pot_exp_time() const noexcept { return u32(format_->ack_pot_exp_time); }
  [[nodiscard]] std::uint32_t recv_pot_exp_time() const noexcept { return u32(format_->recv_pot_exp_time); }
  [[nodiscard]] std::uint32_t start_time() const noexcept { return u32(format_->start_time); }
  [[nodiscard]] std::uint32_t clt_last_trans_time() const noexcept { return u32(format_->clt_last_trans_time); }
  [[nodiscard]] std::uint32_t last_bnd_upd_time() const noexcept { return u32(format_->last_bnd_upd_time); }
  [[nodiscard]] std::uint32_t bnd_msg_status() const noexcept { return u32(format_->bnd_msg_status); }
  [[nodiscard]] utf16_view policy_name() const noexcept { return string(4); }
  [[nodiscard]] std::uint8_t flags() const noexcept { return flat()[format_->flags]; }

  // Byte offset of the record's flat part in the input.
  [[nodiscard]] std::size_t offset() const noexcept;
  // An owning copy of every field.
  [[nodiscard]] client_info to_value() const;

 private:
  friend class array_view;
  friend struct view_access;
  client_view(const std::uint8_t* input, const detail::record_location* where, const detail::view_format* format) noexcept
      : input_(input), where_(where), format_(format) {}

  [[nodiscard]] const std::uint8_t* flat() const noexcept { return input_ + where_->flat; }
  [[nodiscard]] std::uint32_t u32(std::uint16_t offset) const noexcept {
    return detail::load_view<std::uint32_t, 4>(flat() + offset, format_->big_endian);
  }
  // String slots in member order: ClientName, ClientComment, NetBiosName, HostName, PolicyName.
  [[nodiscard]] utf16_view string(std::size_t slot) const noexcept {
    if ((where_->present & (2u << slot)) == 0) return {};
    return {input_ + where_->string_units[slot], where_->string_size[slot], format_->big_endian};
  }

  const std::uint8_t* input_;
  const detail::record_location* where_;
  const detail::view_format* format_;
};

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
