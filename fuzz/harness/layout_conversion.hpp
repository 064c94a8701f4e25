// Checks that a value decoded from one layout survives conversion to every
// other: encoded in each layout (and, for NDR, each framing), it decodes
// strictly to the same value. A layout may refuse a value it cannot hold
// (value_out_of_range: a Status above 65535 in NDR 2.0, an embedded NUL in a
// native image), never anything else.
#pragma once

#include "dhcpm/client_info.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::fuzz {

void require_conversions_preserve(const client_info& value, layout from);
void require_conversions_preserve(const client_info_array& value, layout from);

}  // namespace dhcpm::fuzz
