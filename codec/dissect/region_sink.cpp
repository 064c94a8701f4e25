#include "dissect/region_sink.hpp"

#include <optional>
#include <utility>

#include "dissect/region_text.hpp"

namespace dhcpm::detail {
namespace {

// Every layout keeps a DATE_TIME's two DWORDs side by side, so they can be
// shown as one 8-byte FILETIME.
constexpr bool date_times_are_adjacent(const record_layout& l) {
  for (std::size_t i = 0; i + 1 < record_field_count; ++i) {
    const auto f = static_cast<record_field>(i);
    if (slot_of(f).part == slot_part::low && l.fields[i + 1].offset != l.fields[i].offset + 4) return false;
  }
  return true;
}
static_assert(date_times_are_adjacent(ndr20_record_layout) && date_times_are_adjacent(x64_record_layout) &&
              date_times_are_adjacent(x86_record_layout));

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

// The name of the whole DATE_TIME for the slot of its low DWORD.
std::optional<std::string_view> date_time_of(record_field f) noexcept {
  if (slot_of(f).part == slot_part::low) return field_of(f).path;
  return std::nullopt;
}

}  // namespace

std::string region_sink::path_text(const field_path& path) const {
  std::string text = path.str();
  if (prefix_.empty()) return text;
  return text.empty() ? prefix_ : prefix_ + "." + text;
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
  dhcpm::region r{offset, length, public_kind(kind, format_.native), path_text(path), {}};
  switch (kind) {
    case detail::region_kind::referent_id:
      r.value = pointer_text(load_in(format_.byte_order, p, length), length,
                             format_.native ? UINT64_MAX : format_.null_mask);
      break;
    case detail::region_kind::max_count:
    case detail::region_kind::string_offset:
    case detail::region_kind::actual_count:
    case detail::region_kind::return_value:
      r.value = std::to_string(load_in(format_.byte_order, p, length));
      break;
    case detail::region_kind::string_units: r.value = string_text(bytes, format_.byte_order); break;
    case detail::region_kind::data_bytes: r.value = hex_text(bytes); break;
    case detail::region_kind::field:
    case detail::region_kind::padding: break;
  }
  out_.put(std::move(r));
}

void region_sink::field(const field_path& path, std::size_t offset, std::size_t length) {
  const std::optional<record_field> f = record_field_named(path.leaf);
  const std::uint64_t value = load_in(format_.byte_order, input_.data() + offset, length);
  if (low_half_ && f && static_cast<std::size_t>(*f) == static_cast<std::size_t>(low_field_) + 1 &&
      offset == low_half_->offset + 4) {
    const std::uint64_t low = load_in(format_.byte_order, input_.data() + low_half_->offset, 4);
    out_.put(dhcpm::region{low_half_->offset, 8, dhcpm::region_kind::field, std::move(date_time_path_),
                           field_text(low_field_, value << 32 | low)});
    low_half_.reset();
    return;
  }
  flush_low_half();
  if (f) {
    if (const std::optional<std::string_view> whole = date_time_of(*f)) {
      low_half_ = dhcpm::region{offset, length, dhcpm::region_kind::field, path_text(path), std::to_string(value)};
      date_time_path_ = path_text(path.at(*whole));
      low_field_ = *f;
      return;
    }
  }
  out_.put(dhcpm::region{offset, length, dhcpm::region_kind::field, path_text(path),
                         f ? field_text(*f, value) : std::to_string(value)});
}

void region_sink::flush_low_half() {
  if (!low_half_) return;
  out_.put(std::move(*low_half_));
  low_half_.reset();
}

void region_sink::finish() { flush_low_half(); }

}  // namespace dhcpm::detail
