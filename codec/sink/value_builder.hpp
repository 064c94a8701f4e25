// The decoding sink: turns what any walker (NDR, native image) reports into
// an owning value. It makes no checks of its own (the walker has made them all).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "dhcpm/client_info.hpp"
#include "layout/flat_values.hpp"
#include "layout/union_arm.hpp"
#include "layout/walk_sink.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// The record type whose flat parts a walk of a T reports: T, or an _ARRAY's element.
template <class T>
struct walked_record {
  using type = T;
};
template <class Record>
struct walked_record<record_array<Record>> {
  using type = Record;
};

// Builds values of record type Top (a record, or an _ARRAY of records).
template <order O, class Top>
class value_builder : public walk_sink_base {
  static constexpr bool is_array = is_record_array<Top>;
  using record = typename walked_record<Top>::type;  // what record_flat() fills

 public:
  // Where the next value goes (a pickled buffer's values, one after another).
  // A parallel decode gives each thread's builder the array and the rank of
  // the first record it fills, and a window of the list's string storage.
  void target(Top* top, std::size_t first_record = 0) noexcept {
    top_ = top;
    next_record_ = first_record;
  }
  void string_window(std::span<char16_t> window) noexcept {
    window_ = window;
    windowed_ = true;
  }
  // An upper bound of the string units an array's records can hold (half the
  // input's bytes for NDR): the size of the list's one block of string
  // storage. Units beyond it (native images that share strings) are owned.
  void string_storage_hint(std::size_t units) noexcept { storage_hint_ = units; }
  // Where a decoded list's large blocks go back to (decode_options::cache).
  void use_cache(block_cache* cache) noexcept { cache_ = cache; }

  void record_begin(std::size_t /*offset*/) {
    if constexpr (is_array) {
      current_ = &top_->clients->record(next_record_++);
    } else {
      current_ = top_;
    }
  }

  // The flat part of the record (or struct), or of the arm of it on the wire (union_arm.hpp).
  template <class Schema>
  void record_flat(const flat_values_of<Schema>& v) {
    assign_scalars(v, target<Schema>());
  }

  template <class Schema>
  void data_bytes(const std::uint8_t* p, std::size_t n) {
    binary_of(target<Schema>()).data.emplace(p, p + n);
  }

  // A string of the slot the walker knows at compile time (NDR), or at run time (images).
  template <class Schema, record_field Which>
  void string_units(std::integral_constant<record_field, Which>, const std::uint8_t* p, std::size_t n) {
    take_units(string_at<Which>(target<Schema>()), p, n);
  }
  template <class Schema>
  void string_units(record_field which, const std::uint8_t* p, std::size_t n) {
    with_string(target<Schema>(), which, [&](utf16_string& s) { take_units(s, p, n); });
  }

  // The structs of a struct_array: the list, then which one the next events fill.
  template <class Owner>
  void inline_elements_begin(std::uint64_t count) {
    auto& list = member_of_kind<field_kind::struct_array>(target<Owner>()).emplace(count);
    inline_structs_ = list.data();
  }
  template <class Element>
  void inline_element(std::uint64_t index) {
    inline_struct_ = static_cast<Element*>(inline_structs_) + index;
  }
  void inline_elements_end() { inline_struct_ = nullptr; }

  // The struct a struct_pointer points to (a DHCP_CLIENT_INFO_EX's Properties).
  template <class Owner>
  void pointee_begin() {
    pointee_ = &member_of_kind<field_kind::struct_pointer>(target<Owner>()).emplace();
  }
  void pointee_end() { pointee_ = nullptr; }

  void array_begin(std::uint32_t num_elements, bool clients_present) {
    top_->num_elements = num_elements;
    if (clients_present) top_->clients.emplace(cache_);
  }
  void elements_begin(std::uint64_t count, std::uint64_t records) {
    top_->clients->reserve(count, records);
    top_->clients->reserve_string_storage(storage_hint_);
  }
  void element(std::uint64_t /*index*/, bool present) {
    if (present) {
      top_->clients->emplace_back();
    } else {
      top_->clients->push_back_null();
    }
  }

  void return_value(std::uint32_t value) { return_value_ = value; }
  [[nodiscard]] std::uint32_t returned() const noexcept { return return_value_; }

 private:
  // What the events of Schema's flat part and pointees fill: the record, or
  // the inline struct being walked (a type of its own: DHCP_PROPERTY).
  template <class Schema>
  auto& target() noexcept {
    using whole = whole_record_t<Schema>;
    if constexpr (std::is_same_v<whole, record>) {
      return *current_;
    } else if constexpr (is_pointee<whole>) {
      return *static_cast<whole*>(pointee_);
    } else {
      return *static_cast<whole*>(inline_struct_);  // a struct of the record's, or its pointee's, struct_array
    }
  }
  template <class T>
  static constexpr bool is_pointee = [] {
    if constexpr (requires { typename record_schema<record>::pointee; }) {
      return std::is_same_v<T, typename record_schema<record>::pointee>;
    } else {
      return false;
    }
  }();

  // The units go into the list's string storage when it has room, else the string owns them.
  void take_units(utf16_string& s, const std::uint8_t* p, std::size_t n) {
    char16_t* storage = nullptr;
    if (windowed_) {  // never the list's allocator: other threads fill the same list
      if (n <= window_.size()) {
        storage = window_.data();
        window_ = window_.subspan(n);
      }
    } else if constexpr (is_array) {
      storage = top_->clients->allocate_string_units(n);
    }
    if (storage != nullptr) {
      copy_units(p, n, storage);
      s.borrow({storage, n});
      return;
    }
    std::u16string units(n, u'\0');
    copy_units(p, n, units.data());
    s = utf16_string::from_units(units);
  }

  static void copy_units(const std::uint8_t* p, std::size_t n, char16_t* out) noexcept {
    if constexpr (O == order::native) {
      std::memcpy(out, p, 2 * n);  // the wire order is the machine's: a plain copy
    } else {
      for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char16_t>(load<std::uint16_t, 2, O>(p + 2 * i));
    }
  }

  Top* top_ = nullptr;
  record* current_ = nullptr;
  void* inline_structs_ = nullptr;  // the record's struct_array, as its element type
  void* inline_struct_ = nullptr;   // the one being walked
  void* pointee_ = nullptr;         // the record's struct_pointer's pointee, as its type
  std::size_t next_record_ = 0;
  std::span<char16_t> window_;  // a parallel decode's share of the string storage
  bool windowed_ = false;
  std::uint32_t return_value_ = 0;
  std::size_t storage_hint_ = 0;
  block_cache* cache_ = nullptr;
};

}  // namespace dhcpm::detail
