// One record in the input bytes, read field by field without a copy: what an
// array_view (view.hpp) and an array_cursor (cursor.hpp) hand out. A walk of
// the same walkers that decode has already checked the record and noted where
// its parts are (record_location_of); each field is then read from the input
// on access, strings stay UTF-16 until asked for.
#pragma once

#include <boost/endian/conversion.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "dhcpm/options.hpp"
#include "dhcpm/schema.hpp"
#include "dhcpm/utf16_string.hpp"

// Marks a parameter whose argument a returned view or cursor refers to.
#if defined(__clang__)
#define DHCPM_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define DHCPM_LIFETIMEBOUND
#endif

namespace dhcpm {

namespace detail {
template <class Record>
struct record_layout_of;  // the slot table of a layout (codec/layout/record_layout.hpp)

template <class Record>
inline constexpr std::size_t string_count_of = count_of_kind<Record>(field_kind::lpwstr);
template <class Record>
inline constexpr bool has_pointee_struct = count_of_kind<Record>(field_kind::struct_pointer) != 0;

struct no_end {};

// Where one record's parts are in the input (inputs are < 4 GiB). Filled by
// a validating walk; fields of an absent pointee are never read.
template <class Record>
struct record_location_of {
  std::uint32_t flat;     // the flat part
  std::uint32_t present;  // bit 0: Data, bit 1 + s: string s (in member order) is non-NULL
  std::uint32_t data;     // the bytes of Data
  std::uint32_t data_size;
  std::array<std::uint32_t, string_count_of<Record>> string_units;  // the units of each string, in member order
  std::array<std::uint32_t, string_count_of<Record>> string_size;   // units, terminator excluded
  // A record with a struct pointer (DHCP_CLIENT_INFO_EX's Properties): where
  // its last pointee ends, so that to_value() can read it again.
  [[no_unique_address]] std::conditional_t<has_pointee_struct<Record>, std::uint32_t, no_end> end;
};

// What the inline accessors need to know of a layout: where each field
// starts in the flat part, how wide an enum is, the byte order. The values
// come from the schema's placement in that layout (codec/view/view_index.hpp).
template <class Record>
struct record_format {
  const record_layout_of<Record>* slots;
  layout wire;  // ndr20, ndr20be, ndr64, x64 or x86
  bool big_endian;
  std::uint8_t enum_size;  // 2 in NDR 2.0, 4 elsewhere
  std::array<std::uint16_t, field_table<Record>.size()> field_offsets;
};

// Loads a wire integer of N bytes in the format's byte order.
template <class T, std::size_t N>
[[nodiscard]] inline T load_view(const std::uint8_t* p, bool big_endian) noexcept {
  return big_endian ? boost::endian::endian_load<T, N, boost::endian::order::big>(p)
                    : boost::endian::endian_load<T, N, boost::endian::order::little>(p);
}

// The index in Record's field table of the field whose value member is
// Member (&client_info::status, &host_info::ip_address).
template <class Record, auto Member>
inline constexpr std::size_t field_index_of = [] {
  std::size_t found = field_table<Record>.size();
  schema::for_each_field(record_schema<Record>::fields, [&found](const auto& f, auto index) {
    using entry = std::remove_cvref_t<decltype(f)>;
    if constexpr (std::is_same_v<std::remove_cv_t<decltype(entry::member)>, decltype(Member)>) {
      if (entry::member == Member) found = index;
    }
  });
  return found;
}();

// Its rank among Record's strings, for a string field.
template <class Record>
[[nodiscard]] constexpr std::size_t string_slot_of(std::size_t field) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < field; ++i) n += field_table<Record>[i].kind == field_kind::lpwstr ? 1 : 0;
  return n;
}

template <class Record>
inline constexpr std::size_t binary_data_index = [] {
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (field_table<Record>[i].kind == field_kind::binary_data) return i;
  }
  return field_table<Record>.size();
}();

}  // namespace detail

// A string in the input: NULL or a run of UTF-16 units (terminator excluded).
class utf16_view {
 public:
  utf16_view() = default;  // NULL
  utf16_view(const std::uint8_t* units, std::size_t size, bool big_endian) noexcept
      : units_(units), size_(size), present_(true), big_endian_(big_endian) {}

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
  const std::uint8_t* units_ = nullptr;
  std::size_t size_ = 0;
  bool present_ = false;
  bool big_endian_ = false;
};

// One record of type Record in the input.
template <class Record>
class record_view {
 public:
  using record_type = Record;

  // The field held by the value member Member, read from the input: a number
  // for number fields (v.get<&client_info::status>(), v.get<&host_info::ip_address>()),
  // a utf16_view for strings (v.get<&client_info::client_name>()). Inline, so that
  // reading every field of every client costs loads, not calls.
  template <auto Member>
  [[nodiscard]] auto get() const noexcept {
    constexpr std::size_t index = detail::field_index_of<Record, Member>;
    static_assert(index < field_table<Record>.size(), "not a member of the record's schema");
    constexpr field_kind kind = field_table<Record>[index].kind;
    static_assert(kind != field_kind::structure && kind != field_kind::binary_data,
                  "read a structure's members, and Data with data() and data_length()");
    static_assert(holds_number(kind) || kind == field_kind::lpwstr,
                  "a pointee struct is read with to_value()");
    const std::uint16_t at = format_->field_offsets[index];
    if constexpr (kind == field_kind::lpwstr) {
      return string(detail::string_slot_of<Record>(index));
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
  // The DHCP_BINARY_DATA (ClientHardwareAddress): DataLength, and Data (std::nullopt for NULL).
  [[nodiscard]] std::uint32_t data_length() const noexcept {
    static_assert(detail::binary_data_index<Record> < field_table<Record>.size(), "the record has no DHCP_BINARY_DATA");
    return u32(format_->field_offsets[detail::binary_data_index<Record>]);
  }
  [[nodiscard]] std::optional<std::span<const std::uint8_t>> data() const noexcept {
    if ((where_->present & 1u) == 0) return std::nullopt;
    return std::span<const std::uint8_t>(input_ + where_->data, where_->data_size);
  }

  // Byte offset of the record's flat part in the input.
  [[nodiscard]] std::size_t offset() const noexcept { return where_->flat; }
  // What a view is made of. A cursor's record is valid only until its next
  // step; a program that keeps records longer (the Python module's lazy
  // iteration) copies the location and makes the view again from the three.
  [[nodiscard]] const std::uint8_t* input() const noexcept { return input_; }
  [[nodiscard]] const detail::record_location_of<Record>& location() const noexcept { return *where_; }
  [[nodiscard]] const detail::record_format<Record>* format() const noexcept { return format_; }
  // An owning copy of every field (and of the pointee of a struct pointer).
  [[nodiscard]] Record to_value() const;

  record_view(const std::uint8_t* input, const detail::record_location_of<Record>* where,
              const detail::record_format<Record>* format) noexcept
      : input_(input), where_(where), format_(format) {}

 private:
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
  const detail::record_location_of<Record>* where_;
  const detail::record_format<Record>* format_;
};

}  // namespace dhcpm
