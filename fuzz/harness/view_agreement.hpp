// Checks that an array_view and an owning decode of the same bytes agree on
// everything: outcome, error, warnings, and every field of every element as
// each accessor reads it.
#pragma once

#include <string_view>

#include "dhcpm/codec.hpp"
#include "dhcpm/view.hpp"

namespace dhcpm::fuzz {

void require_view_agrees(const result<decoded<client_info_array>>& owning, const result<array_view>& view,
                         std::string_view what);

}  // namespace dhcpm::fuzz
