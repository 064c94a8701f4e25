// The type serialization encoder behind encode<Value> (drive/encode.cpp).
#pragma once

#include <span>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"

namespace dhcpm::detail {

// A common header, then each value as a private header and its padded NDR body.
// Written into `into` (emptied first, its capacity kept).
template <class Record>
[[nodiscard]] result<bytes> encode_pickled_values(std::span<const Record> values, pickle_kind kind, bytes into = {});

}  // namespace dhcpm::detail
