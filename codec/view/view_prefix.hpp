// A view of an _ARRAY that other bytes follow: a call's parameter (view_call).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "dhcpm/view.hpp"

namespace dhcpm::detail {

// The _ARRAY at the start of `input`, bare or behind a pointer (std::nullopt
// when that pointer is NULL), read by the walk decode makes of a prefix: it
// stops at the array's last byte, which `end` gives. Errors and `warnings`
// are relative to the start of `input`; the view's own warnings() are empty.
template <class Array>
[[nodiscard]] result<std::optional<basic_array_view<Array>>> view_prefix(byte_span input, const wire_format& format,
                                                                         const decode_options& options, std::size_t& end,
                                                                         std::vector<error>& warnings);

}  // namespace dhcpm::detail
