// decode<Value> with what a pickled buffer's common header said (for
// decode_pickled_*, whose result names the kind).
#pragma once

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"

namespace dhcpm::detail {

// decode<Value>; for pickled input, also stores the header's kind in *kind (when not nullptr).
template <class Value>
[[nodiscard]] result<decoded<Value>> decode_walk(byte_span input, const wire_format& format,
                                                 const decode_options& options, pickle_kind* kind);

}  // namespace dhcpm::detail
