// The native image encoder behind encode<Value> (drive/encode.cpp).
#pragma once

#include <cstdint>

#include "dhcpm/codec.hpp"

namespace dhcpm::detail {

// The image of `value` for a first byte at virtual address `base` (a multiple of 16).
template <class Record>
[[nodiscard]] result<bytes> encode_native_image(const Record& value, layout wire, std::uint64_t base);

}  // namespace dhcpm::detail
