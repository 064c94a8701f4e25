// A value that other bytes follow: a parameter of a call's stub data
// (call/), read by the same walks as a whole input, which stop at the value's
// last byte instead of checking that nothing follows. Each says where the
// value ended; errors and regions are relative to the start of `input`.
#pragma once

#include <cstddef>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"

namespace dhcpm::detail {

// Value: a record type (bare) or std::optional of one (ptr), in an NDR layout.
template <class Value>
[[nodiscard]] result<decoded<Value>> decode_prefix(byte_span input, const wire_format& format,
                                                   const decode_options& options, std::size_t& end);

[[nodiscard]] result<std::vector<error>> validate_prefix(byte_span input, value_type type, const wire_format& format,
                                                         const decode_options& options, std::size_t& end);

// The regions end where the value does: summary.consumed.
[[nodiscard]] dissect_summary dissect_prefix(byte_span input, value_type type, const wire_format& format,
                                             const decode_options& options, const region_callback& on_region);

}  // namespace dhcpm::detail
