// Type serialization as a layout of the public decode/encode entry points:
// exactly one pickled value, framing bare (codec/codec.cpp routes here).
#pragma once

#include <optional>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"

namespace dhcpm::detail {

// T is client_info or client_info_array.
template <class T>
[[nodiscard]] result<decoded<T>> decode_one_pickled(byte_span input, layout wire, const decode_options& options);
template <class T>
[[nodiscard]] result<bytes> encode_one_pickled(const T& value, layout wire);

}  // namespace dhcpm::detail
