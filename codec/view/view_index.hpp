// The index behind array_view: where each record's parts lie in the input,
// built by a sink of the same walkers that decode, so a view accepts exactly
// what the owning decoder accepts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>

#include "dhcpm/view.hpp"
#include "layout/flat_values.hpp"
#include "layout/record_layout.hpp"
#include "layout/walk_sink.hpp"

namespace dhcpm::detail {

// A record's location in 32-bit words of the view's one allocation.
template <class Record>
inline constexpr std::size_t location_words_of = sizeof(record_location_of<Record>) / sizeof(std::uint32_t);
static_assert(sizeof(record_location) == location_words_of<client_info> * sizeof(std::uint32_t));

// The public accessors number strings in member order: the order of the slots of string_fields_of.
template <class Record>
inline constexpr bool strings_in_member_order = [] {
  std::size_t s = 0;
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (field_table<Record>[i].kind != field_kind::lpwstr) continue;
    if (s >= string_fields_of<Record>.size() || wire_slots<Record>[static_cast<std::size_t>(string_fields_of<Record>[s])].field != i) {
      return false;
    }
    ++s;
  }
  return s == string_fields_of<Record>.size();
}();

// The record_format of Record in walker format F (NDR64 records have the x64 offsets).
template <class Record, class F>
inline constexpr record_format<Record> record_format_in{
    &layout_in<F, Record>, F::wire, F::byte_order == order::big, F::rules.enum_size,
    place_record<Record>(F::rules).field_offsets};

template <class Record>
[[nodiscard]] constexpr std::size_t string_slot(record_field f) noexcept {
  for (std::size_t i = 0; i < string_fields_of<Record>.size(); ++i) {
    if (string_fields_of<Record>[i] == f) return i;
  }
  return 0;
}

// Notes where a record's parts are, from the events of a walk of it: what an
// array_view's index and an array_cursor keep of each record. Events of the
// structs a record points to (Schema is not Record) are not its own.
template <class Record>
struct location_filler {
  static_assert(strings_in_member_order<Record>);
  const std::uint8_t* input = nullptr;
  record_location_of<Record>* current = nullptr;

  void begin(std::size_t offset) noexcept {
    current->flat = static_cast<std::uint32_t>(offset);
    current->present = 0;
  }
  // The whole record at once (walk_sink_base::takes_locations): Data (NULL:
  // nullptr) and each string's units (NULL: nullptr) and length.
  template <std::size_t N>
  [[gnu::always_inline]] void located(std::size_t offset, const std::uint8_t* data, std::size_t data_size,
               const std::array<const std::uint8_t*, N>& units, const std::array<std::size_t, N>& lengths) noexcept {
    static_assert(N == string_count_of<Record>);
    record_location_of<Record>& w = *current;
    std::uint32_t present = data != nullptr ? 1u : 0u;
    w.flat = static_cast<std::uint32_t>(offset);
    w.data = data != nullptr ? static_cast<std::uint32_t>(data - input) : 0;
    w.data_size = static_cast<std::uint32_t>(data_size);
    for (std::size_t s = 0; s < N; ++s) {
      present |= units[s] != nullptr ? 2u << s : 0u;
      w.string_units[s] = units[s] != nullptr ? static_cast<std::uint32_t>(units[s] - input) : 0;
      w.string_size[s] = static_cast<std::uint32_t>(lengths[s]);
    }
    w.present = present;
  }
  template <class Schema>
  void data_bytes(const std::uint8_t* p, std::size_t n) noexcept {
    if constexpr (std::is_same_v<Schema, Record>) {
      current->present |= 1u;
      current->data = static_cast<std::uint32_t>(p - input);
      current->data_size = static_cast<std::uint32_t>(n);
    }
  }
  template <class Schema>
  void string_units(record_field which, const std::uint8_t* p, std::size_t n) noexcept {
    if constexpr (std::is_same_v<Schema, Record>) {
      const std::size_t slot = string_slot<Record>(which);
      current->present |= 2u << slot;
      current->string_units[slot] = static_cast<std::uint32_t>(p - input);
      current->string_size[slot] = static_cast<std::uint32_t>(n);
    }
  }
};

// Fills an array view's index: one slot word per element, then one
// record_location_of<Element> per non-NULL record, in one allocation sized by
// the walker from counts it has already proved to fit in the input.
template <class Element>
class index_builder : public walk_sink_base {
  using location = record_location_of<Element>;
  static constexpr std::size_t location_words = location_words_of<Element>;
  static_assert(sizeof(location) == location_words * sizeof(std::uint32_t));

 public:
  static constexpr bool wants_flat_values = false;  // record_flat() reads only the pointers

  index_builder(byte_span input, large_array<std::uint32_t>& index, block_cache* cache) noexcept
      : index_(index), cache_(cache), input_size_(static_cast<std::uint32_t>(input.size())) {
    where_.input = input.data();
  }

  void array_begin(std::uint32_t num_elements, bool clients_present) noexcept {
    num_elements_ = num_elements;
    clients_present_ = clients_present;
  }
  void elements_begin(std::uint64_t count, std::uint64_t records) {
    slots_ = count;
    records_ = records;
    // Not zeroed: every slot and each record's flat and present are written
    // by the walk, and the other parts are read only when present says so.
    index_ = make_large_array<std::uint32_t>(count + records * location_words, cache_);
  }
  void element(std::uint64_t i, bool present) noexcept {
    index_[i] = present ? static_cast<std::uint32_t>(next_record_++) : no_record;
  }
  void record_begin(std::size_t offset) noexcept {
    where_.current = reinterpret_cast<location*>(index_.get() + slots_ + location_words * next_location_++);
    where_.begin(offset);
    // A record with a struct pointer is read again by to_value(): the walk
    // that located it has checked it, so the whole input may bound that read.
    if constexpr (has_pointee_struct<Element>) where_.current->end = input_size_;
  }
  static constexpr bool takes_locations = true;
  template <class Record, class... Parts>
  void record_located(std::size_t offset, const Parts&... parts) noexcept {
    static_assert(std::is_same_v<Record, Element>);
    where_.current = reinterpret_cast<location*>(index_.get() + slots_ + location_words * next_location_++);
    where_.located(offset, parts...);
    if constexpr (has_pointee_struct<Element>) where_.current->end = input_size_;
  }
  template <class Schema>
  void data_bytes(const std::uint8_t* p, std::size_t n) noexcept {
    where_.template data_bytes<Schema>(p, n);
  }
  template <class Schema>
  void string_units(record_field which, const std::uint8_t* p, std::size_t n) noexcept {
    where_.template string_units<Schema>(which, p, n);
  }

  // A parallel view (view_array.cpp): this builder fills, into the index
  // `slots` slot words long that another builder made, the locations of the
  // records from rank `first_record` on.
  void fill_records_of(std::size_t slots, std::size_t first_record) noexcept {
    slots_ = slots;
    next_location_ = first_record;
  }

  [[nodiscard]] std::uint32_t num_elements() const noexcept { return num_elements_; }
  [[nodiscard]] bool clients_present() const noexcept { return clients_present_; }
  [[nodiscard]] std::size_t slots() const noexcept { return slots_; }
  [[nodiscard]] std::size_t records() const noexcept { return records_; }

 private:
  location_filler<Element> where_;
  large_array<std::uint32_t>& index_;
  block_cache* cache_;
  std::uint32_t input_size_;
  std::uint32_t num_elements_ = 0;
  bool clients_present_ = false;
  std::size_t slots_ = 0;
  std::size_t records_ = 0;
  std::size_t next_record_ = 0;
  std::size_t next_location_ = 0;
};

}  // namespace dhcpm::detail
