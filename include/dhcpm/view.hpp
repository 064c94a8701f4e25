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

#if defined(__clang__)
#define DHCPM_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define DHCPM_LIFETIMEBOUND
#endif

namespace dhcpm {

namespace detail {
template <class Record>
struct record_layout_of;  // the full layout table (codec/layout/record_layout.hpp)
using record_layout = record_layout_of<client_info>;

// The failover record's fields, as the view accessors number them.
inline constexpr const auto& view_fields = field_table<client_info>;
inline constexpr std::size_t view_string_count = count_of_kind<client_info>(field_kind::lpwstr);

// Where one record's parts are in the input (inputs are < 4 GiB). Filled by
// the validating walk; fields of an absent pointee are never read.
struct record_location {
  std::uint32_t flat;             // the flat part
  std::uint32_t present;          // bit 0: Data, bit 1 + s: string s (in member order) is non-NULL
  std::uint32_t data;             // the bytes of Data
  std::uint32_t data_size;
  std::uint32_t string_units[view_string_count];  // the units of each string, in member order
  std::uint32_t string_size[view_string_count];   // units, terminator excluded
};

// An element slot of the view index that holds a NULL element pointer.
inline constexpr std::uint32_t no_record = UINT32_MAX;

// What the inline accessors need to know of a layout: where each field starts
// in the flat part, how wide an enum is, and the byte order. The values come
// from the schema's placement in that layout (codec/view/view_index.hpp).
struct view_format {
  const record_layout* record;
  bool big_endian;
  std::uint8_t enum_size;  // 2 in NDR 2.0, 4 elsewhere
  std::array<std::uint16_t, view_fields.size()> field_offsets;
};

// Loads a wire integer of N bytes in the format's byte order.
template <class T, std::size_t N>
[[nodiscard]] inline T load_view(const std::uint8_t* p, bool big_endian) noexcept {
  return big_endian ? boost::endian::endian_load<T, N, boost::endian::order::big>(p)
                    : boost::endian::endian_load<T, N, boost::endian::order::little>(p);
}

// The index in view_fields of the field whose value member is Member
// (&client_info::status, &host_info::host_name).
template <auto Member>
inline constexpr std::size_t view_field_of = [] {
  std::size_t found = view_fields.size();
  schema::for_each_field(record_schema<client_info>::fields, [&found](const auto& f, auto index) {
    using entry = std::remove_cvref_t<decltype(f)>;
    if constexpr (std::is_same_v<std::remove_cv_t<decltype(entry::member)>, decltype(Member)>) {
      if (entry::member == Member) found = index;
    }
  });
  return found;
}();

// Its rank among the strings, for a string field.
[[nodiscard]] constexpr std::size_t view_string_slot(std::size_t field) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < field; ++i) n += view_fields[i].kind == field_kind::lpwstr ? 1 : 0;
  return n;
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
  // The field held by the value member Member, read from the input: a number
  // for number fields (v.get<&client_info::status>(), v.get<&host_info::ip_address>()),
  // a utf16_view for strings (v.get<&client_info::client_name>()). Inline, so that
  // reading every field of every client costs loads, not calls.
  template <auto Member>
  [[nodiscard]] auto get() const noexcept {
    constexpr std::size_t index = detail::view_field_of<Member>;
    static_assert(index < detail::view_fields.size(), "not a member of the record's schema");
    constexpr field_kind kind = detail::view_fields[index].kind;
    static_assert(kind != field_kind::structure && kind != field_kind::binary_data,
                  "read a structure's members, and Data with data() and data_length()");
    const std::uint16_t at = format_->field_offsets[index];
    if constexpr (kind == field_kind::lpwstr) {
      return string(detail::view_string_slot(index));
    } else if constexpr (kind == field_kind::u8) {
      return flat()[at];
    } else if constexpr (kind == field_kind::u16) {
      return detail::load_view<std::uint16_t, 2>(flat() + at, format_->big_endian);
    } else if constexpr (kind == field_kind::filetime) {  // dwLowDateTime, then dwHighDateTime
      return std::uint64_t{u32(at + 4)} << 32 | u32(at);
    } else if constexpr (kind == field_kind::enum16) {
      return format_->enum_size == 2 ? detail::load_view<std::uint16_t, 2>(flat() + at, format_->big_endian)
                                     : u32(at);
    } else {
      return u32(at);
    }
  }
  // ClientHardwareAddress: DataLength, and Data (std::nullopt for NULL).
  [[nodiscard]] std::uint32_t data_length() const noexcept { return u32(format_->field_offsets[data_index]); }
  [[nodiscard]] std::optional<std::span<const std::uint8_t>> data() const noexcept {
    if ((where_->present & 1u) == 0) return std::nullopt;
    return std::span<const std::uint8_t>(input_ + where_->data, where_->data_size);
  }

  // Byte offset of the record's flat part in the input.
  [[nodiscard]] std::size_t offset() const noexcept;
  // An owning copy of every field.
  [[nodiscard]] client_info to_value() const;

 private:
  friend class array_view;
  friend struct view_access;
  client_view(const std::uint8_t* input, const detail::record_location* where, const detail::view_format* format) noexcept
      : input_(input), where_(where), format_(format) {}

  static constexpr std::size_t data_index = [] {
    for (std::size_t i = 0; i < detail::view_fields.size(); ++i) {
      if (detail::view_fields[i].kind == field_kind::binary_data) return i;
    }
    return std::size_t{0};
  }();

  [[nodiscard]] const std::uint8_t* flat() const noexcept { return input_ + where_->flat; }
  [[nodiscard]] std::uint32_t u32(std::size_t offset) const noexcept {
    return detail::load_view<std::uint32_t, 4>(flat() + offset, format_->big_endian);
  }
  // Strings in member order (string s is presence bit 1 + s).
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
