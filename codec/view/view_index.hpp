// The index behind array_view: where each record's parts lie in the input,
// built by a sink of the same walkers that decode, so a view accepts exactly
// what the owning decoder accepts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "dhcpm/view.hpp"
#include "layout/flat_values.hpp"
#include "layout/record_layout.hpp"
#include "layout/walk_sink.hpp"

namespace dhcpm::detail {

inline constexpr std::size_t location_words = sizeof(record_location) / sizeof(std::uint32_t);
static_assert(sizeof(record_location) == location_words * sizeof(std::uint32_t));

// The public accessors number strings in member order and give Data presence
// bit 0: the order of string_fields and record_pointer_fields.
static_assert(string_fields.size() == view_string_count);
static_assert(record_pointer_fields[0] == data_field);

[[nodiscard]] constexpr view_format make_view_format(const record_layout& l, const layout_rules& rules,
                                                     bool big_endian) noexcept {
  return view_format{&l, big_endian, rules.enum_size, place_record<client_info>(rules).field_offsets};
}
inline constexpr view_format ndr20_le_view = make_view_format(ndr20_record_layout, ndr20_rules, false);
inline constexpr view_format ndr20_be_view = make_view_format(ndr20_record_layout, ndr20_rules, true);
inline constexpr view_format x64_view = make_view_format(x64_record_layout, x64_rules, false);  // NDR64 too
inline constexpr view_format x86_view = make_view_format(x86_record_layout, x86_rules, false);

[[nodiscard]] constexpr std::size_t string_slot(record_field f) noexcept {
  for (std::size_t i = 0; i < string_fields.size(); ++i) {
    if (string_fields[i] == f) return i;
  }
  return 0;
}
// Bit 0: Data; bit 1 + s: string slot s (the bits record_location::present uses).
[[nodiscard]] constexpr std::uint32_t presence_bit(record_field f) noexcept {
  for (std::size_t i = 0; i < record_pointer_fields.size(); ++i) {
    if (record_pointer_fields[i] == f) return 1u << i;
  }
  return 0;
}

// Fills an array_view's index: one slot word per element, then one
// record_location per non-NULL record, in one allocation sized by the walker
// from counts it has already proved to fit in the input.
class index_builder : public walk_sink_base {
 public:
  static constexpr bool wants_flat_values = false;  // record_flat() reads only the pointers

  index_builder(const std::uint8_t* input, large_array<std::uint32_t>& index, block_cache* cache) noexcept
      : input_(input), index_(index), cache_(cache) {}

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
    current_ = reinterpret_cast<record_location*>(index_.get() + slots_ + location_words * next_location_++);
    current_->flat = static_cast<std::uint32_t>(offset);
    current_->present = 0;
  }
  void record_flat(const flat_values& v) noexcept {
    for (const record_field f : record_pointer_fields) {
      if (field(v, f) != 0) current_->present |= presence_bit(f);
    }
  }
  template <class Schema>
  void data_bytes(const std::uint8_t* p, std::size_t n) noexcept {
    current_->data = static_cast<std::uint32_t>(p - input_);
    current_->data_size = static_cast<std::uint32_t>(n);
  }
  template <class Schema>
  void string_units(record_field which, const std::uint8_t* p, std::size_t n) noexcept {
    const std::size_t slot = string_slot(which);
    current_->string_units[slot] = static_cast<std::uint32_t>(p - input_);
    current_->string_size[slot] = static_cast<std::uint32_t>(n);
  }

  [[nodiscard]] std::uint32_t num_elements() const noexcept { return num_elements_; }
  [[nodiscard]] bool clients_present() const noexcept { return clients_present_; }
  [[nodiscard]] std::size_t slots() const noexcept { return slots_; }
  [[nodiscard]] std::size_t records() const noexcept { return records_; }

 private:
  const std::uint8_t* input_;
  large_array<std::uint32_t>& index_;
  block_cache* cache_;
  record_location* current_ = nullptr;
  std::uint32_t num_elements_ = 0;
  bool clients_present_ = false;
  std::size_t slots_ = 0;
  std::size_t records_ = 0;
  std::size_t next_record_ = 0;
  std::size_t next_location_ = 0;
};

}  // namespace dhcpm::detail
