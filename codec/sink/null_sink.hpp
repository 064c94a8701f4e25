// The sink that takes nothing: validation, where the walker's checks are the
// whole job. It asks for no scalar fields, so the walker reads only what
// finding the next item needs (pointers, counts, DataLength).
#pragma once

#include "layout/walk_sink.hpp"

namespace dhcpm::detail {

struct null_sink : walk_sink_base {
  static constexpr bool wants_flat_values = false;
};

}  // namespace dhcpm::detail
