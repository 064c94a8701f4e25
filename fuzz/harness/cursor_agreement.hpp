// The one-pass cursor and the view (view_of) against the owning decoder, on
// any input: for an _ARRAY type in an NDR layout (bare, or the single value
// of a pickled buffer) the cursor opens or stops with decode's error (code,
// offset, path), or completes with decode's warnings, handing out decode's
// records in order, and the view accepts and refuses as decode does;
// and the same for the cursor over a call's stub data against decode_call.
#pragma once

#include <string_view>

#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::fuzz {

// Does nothing for a type that is not an _ARRAY or a native layout.
void require_cursor_agrees(value_type type, byte_span input, layout wire, const decode_options& options,
                           std::string_view what);

// The cursor over a call's stub data (an enumeration response's array)
// against decode_call's result for the same input: the same error, or the
// same records, warnings and DWORD parameters. Nothing for other stubs.
void require_call_cursor_agrees(call_stub_type type, byte_span input, layout wire, const decode_options& options,
                                const result<decoded<call_stub>>& decoded, std::string_view what);

}  // namespace dhcpm::fuzz
