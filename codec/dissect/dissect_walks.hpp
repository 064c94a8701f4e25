// The three walks dissection runs, one per layout family. Each attaches a
// region_sink to the family's walker, sends the regions to `out` in offset
// order, and fills `summary` (warnings, and `stopped` when the walk failed).
// dissect.cpp has already checked that the request's framing and type suit
// the layout.
#pragma once

#include <cstdint>
#include <span>

#include "dhcpm/dissect.hpp"
#include "dissect/region_output.hpp"
#include "dissect/region_sink.hpp"
#include "layout/field_path.hpp"

namespace dhcpm::detail {

void dissect_ndr(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                 dissect_summary& summary, region_stream& out);
// wire is layout::pickle (any kind) or one pickle_* layout; summary.wire
// becomes the kind the header names.
void dissect_pickled(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                     dissect_summary& summary, region_stream& out);
void dissect_native(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                    dissect_summary& summary, region_stream& out);

// The value as a top-level parameter: a record or an _ARRAY.
template <class Walker>
[[nodiscard]] bool walk_top_value(Walker& walker, value_type type, const field_path& path) {
  return type == value_type::client ? walker.top_record(path) : walker.top_array(path);
}

// A walker reported a region outside the input: a bug, never bad input.
[[nodiscard]] inline error region_out_of_bounds() {
  return error{error_code::internal_error, 0, "", "a walker reported a region outside the input"};
}

}  // namespace dhcpm::detail
