#include "dissect/region_sink.hpp"

#include <optional>
#include <utility>

#include "dissect/region_text.hpp"

namespace dhcpm::detail {
namespace {

// Every layout keeps a DATE_TIME's two DWORDs side by side, so they can be
// shown as one 8-byte FILETIME.
template <class Record>
constexpr bool date_times_are_adjacent(const record_layout_of<Record>& l) {
  for (std::size_t i = 0; i + 1 < slot_count<Record>; ++i) {
    const auto f = static_cast<record_field>(i);
    if (slot_of<Record>(f).part == slot_part::low && l.fields[i + 1].offset != l.fields[i].offset + 4) return false;
  }
  return true;
}
static_assert(date_times_are_adjacent(ndr20_record_layout) && date_times_are_adjacent(x64_record_layout) &&
              date_times_are_adjacent(x86_record_layout) &&
              date_times_are_adjacent(placed_layout<client_info_ex, x64_rules>) &&
              date_times_are_adjacent(placed_layout<client_info_ex, x86_rules>));

dhcpm::region_kind public_kind(detail::region_kind kind, bool native) noexcept {
  switch (kind) {
    case detail::region_kind::field: return dhcpm::region_kind::field;
    case detail::region_kind::padding: return dhcpm::region_kind::padding;
    case detail::region_kind::referent_id:
      return native ? dhcpm::region_kind::pointer : dhcpm::region_kind::referent_id;
    case detail::region_kind::max_count: return dhcpm::region_kind::max_count;
    case detail::region_kind::string_offset: return dhcpm::region_kind::string_offset;
    case detail::region_kind::actual_count: return dhcpm::region_kind::actual_count;
    case detail::region_kind::string_units: return dhcpm::region_kind::string_units;
    case detail::region_kind::data_bytes: return dhcpm::region_kind::data_bytes;
    case detail::region_kind::return_value: return dhcpm::region_kind::return_value;
  }
  return dhcpm::region_kind::field;
}

}  // namespace

std::string value_prefix(std::uint32_t value_index) {
  if (value_index == 0) return {};
  std::string out = "[";
  out += std::to_string(value_index);
  out += ']';
  return out;
}

std::string region_sink::path_text(const field_path& path, std::string_view leaf_text) const {
  std::string text = path.str(leaf_text);
  if (prefix_.empty()) return text;
  return text.empty() ? prefix_ : prefix_ + "." + text;
}

dhcpm::region region_sink::typed(dhcpm::region_kind kind, const field_path& path, std::size_t offset,
                                 std::size_t length) const {
  return dhcpm::region{.offset = offset,
                       .length = length,
                       .kind = kind,
                       .path = path_text(path, path.leaf_text()),
                       .table = path.leaf_table(),
                       .field = static_cast<std::int16_t>(path.field_index()),
                       .element = path.element,
                       .value_index = value_index_,
                       .parameter = path.root};
}

void region_sink::region(detail::region_kind kind, const field_path& path, std::size_t offset, std::size_t length) {
  if (length == 0) return;  // an empty string or Data: its counts say so
  if (offset > input_.size() || length > input_.size() - offset) {
    out_of_bounds_ = true;
    return;
  }
  if (kind == detail::region_kind::field) {
    field(path, offset, length);
    return;
  }
  flush_low_half();
  const std::uint8_t* p = input_.data() + offset;
  const std::span<const std::uint8_t> bytes(p, length);
  dhcpm::region r = typed(public_kind(kind, format_.native), path, offset, length);
  switch (kind) {
    case detail::region_kind::referent_id:
      r.number = load_in(format_.byte_order, p, length);
      r.value = pointer_text(r.number, length, format_.native ? UINT64_MAX : format_.null_mask);
      break;
    case detail::region_kind::max_count:
    case detail::region_kind::string_offset:
    case detail::region_kind::actual_count:
    case detail::region_kind::return_value:
      r.number = load_in(format_.byte_order, p, length);
      r.value = std::to_string(r.number);
      break;
    case detail::region_kind::string_units: r.value = string_text(bytes, format_.byte_order); break;
    case detail::region_kind::data_bytes: r.value = hex_text(bytes); break;
    case detail::region_kind::field:
    case detail::region_kind::padding: break;
  }
  out_.put(std::move(r));
}

void region_sink::field(const field_path& path, std::size_t offset, std::size_t length) {
  const std::uint64_t value = load_in(format_.byte_order, input_.data() + offset, length);
  dhcpm::region r = typed(dhcpm::region_kind::field, path, offset, length);
  r.number = value;
  if (path.leaf.of != path_leaf::owner::record) {  // NumElements
    flush_low_half();
    r.value = std::to_string(value);
    out_.put(std::move(r));
    return;
  }
  const wire_slot& slot = path.leaf_slot();
  const field_info& info = path.leaf_value_field();
  if (low_half_ && slot.part == slot_part::high && path.leaf.slot == low_slot_ + 1 &&
      offset == low_half_->offset + 4) {
    low_half_->length = 8;
    low_half_->number = value << 32 | low_half_->number;
    low_half_->path = std::move(date_time_path_);
    low_half_->value = field_text(slot, info, low_half_->number);
    out_.put(std::move(*low_half_));
    low_half_.reset();
    return;
  }
  flush_low_half();
  if (slot.part == slot_part::low) {  // held back until its dwHighDateTime
    r.value = std::to_string(value);
    low_half_ = std::move(r);
    date_time_path_ = path_text(path, info.path);
    low_slot_ = path.leaf.slot;
    return;
  }
  r.value = field_text(slot, info, value);
  out_.put(std::move(r));
}

void region_sink::flush_low_half() {
  if (!low_half_) return;
  out_.put(std::move(*low_half_));
  low_half_.reset();
}

void region_sink::finish() { flush_low_half(); }

}  // namespace dhcpm::detail
