// The one-pass cursor against the owning decoder, on any input: for an _ARRAY
// type in an NDR layout (bare, or the single value of a pickled buffer) the
// cursor opens or stops with decode's error (code, offset, path), or
// completes with decode's warnings, handing out decode's records in order.
#pragma once

#include <string_view>

#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::fuzz {

// Does nothing for a type that is not an _ARRAY or a native layout.
void require_cursor_agrees(value_type type, byte_span input, layout wire, const decode_options& options,
                           std::string_view what);

}  // namespace dhcpm::fuzz
