// The dissecting sink: a walker sink (walk_sink.hpp) that wants regions and
// turns each into a public `region` — its path as text, its kind, and the
// value decoded from its bytes — for a region_output. It is attached to the
// same walkers as decoding, so dissect sees exactly what decode sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "dhcpm/dissect.hpp"
#include "dissect/region_output.hpp"
#include "layout/walk_sink.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// How to read the values of the layout being walked.
struct region_format {
  order byte_order = order::little;
  std::uint64_t null_mask = UINT64_MAX;  // the bits of a referent id that decide NULL
  bool native = false;                   // pointers are addresses, not referent ids
};

// "[1]", "[2]" ...: what the paths of the second and later pickled values start with ("" for the first).
[[nodiscard]] std::string value_prefix(std::uint32_t value_index);

class region_sink : public walk_sink_base {
 public:
  static constexpr bool wants_regions = true;

  // `input` is what the walker's offsets count from; `value_index` is which
  // pickled value is walked (the second and later have paths that start "[1].").
  region_sink(std::span<const std::uint8_t> input, region_format format, region_output& out,
              std::uint32_t value_index = 0)
      : input_(input), format_(format), out_(out), value_index_(value_index),
        prefix_(value_prefix(value_index)) {}

  // The walk of pickled value `value_index` starts (its paths start "[1]." ...).
  void start_value(std::uint32_t value_index) {
    value_index_ = value_index;
    prefix_ = value_prefix(value_index);
  }

  void region(detail::region_kind kind, const field_path& path, std::size_t offset, std::size_t length);

  // Call when the walk is over: passes on a region still held back.
  void finish();

  // Set when a walker reported a region outside the input (a bug).
  [[nodiscard]] bool out_of_bounds() const noexcept { return out_of_bounds_; }

 private:
  // A region at `path` with its typed parts and its path's text filled in.
  [[nodiscard]] dhcpm::region typed(dhcpm::region_kind kind, const field_path& path, std::size_t offset,
                                    std::size_t length) const;
  [[nodiscard]] std::string path_text(const field_path& path, std::string_view leaf_text) const;
  // A scalar field. A DATE_TIME's low DWORD is held back until its high
  // DWORD arrives, and the two go out as one 8-byte FILETIME region; a walk
  // that stops between them leaves the low half as a region of its own.
  void field(const field_path& path, std::size_t offset, std::size_t length);
  void flush_low_half();

  std::span<const std::uint8_t> input_;
  region_format format_;
  region_output& out_;
  std::uint32_t value_index_;
  std::string prefix_;
  std::optional<dhcpm::region> low_half_;  // a dwLowDateTime waiting for its dwHighDateTime
  std::string date_time_path_;             // the path of the whole DATE_TIME
  std::uint8_t low_slot_ = 0;  // the wire slot of the held-back dwLowDateTime
  bool out_of_bounds_ = false;
};

}  // namespace dhcpm::detail
