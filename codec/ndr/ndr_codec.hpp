// The NDR encoders of each framing (bare value, unique pointer, opnum 98
// response) for the three NDR layouts, behind encode<Value> (drive/encode.cpp).
#pragma once

#include <optional>

#include "dhcpm/codec.hpp"

namespace dhcpm::detail {

// T is a record type of record_types.hpp (a record or an _ARRAY); `wire` is
// ndr20, ndr20be or ndr64. The bytes are written into `into` (emptied first,
// its capacity kept: encode_into) and returned.
template <class T>
[[nodiscard]] result<bytes> ndr_encode_bare(const T& value, layout wire, bytes into = {});
template <class T>
[[nodiscard]] result<bytes> ndr_encode_ptr(const std::optional<T>& value, layout wire, bytes into = {});
// The same for a call's record parameter: its referent ids count on from
// `referents` (the ids the parameters before it used), which is advanced.
template <class T>
[[nodiscard]] result<bytes> ndr_encode_bare(const T& value, layout wire, std::uint64_t& referents);
[[nodiscard]] result<bytes> ndr_encode_response(const get_client_info_response& value, layout wire, bytes into = {});

}  // namespace dhcpm::detail
