// Checks that dissect and decoding agree on an input: dissect stops exactly
// when decoding fails, with the same error (code, offset, field path) and the
// same warnings, and its regions tile the bytes it consumed exactly once —
// all of them when the value is complete (STYLE.md habit 10).
#pragma once

#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::fuzz {

// Every layout (the pickled ones against the list decoders, since dissect
// shows every value of a pickled buffer), both types, every framing.
void require_dissect_agrees(byte_span input, const decode_options& options);

}  // namespace dhcpm::fuzz
