// The NDR framings (bare value, unique pointer, opnum 98 response) for the
// three NDR layouts. codec/codec.cpp routes the public entry points here.
#pragma once

#include <optional>

#include "dhcpm/codec.hpp"

namespace dhcpm::detail {

// T is client_info or client_info_array; `wire` is ndr20, ndr20be or ndr64.
template <class T>
[[nodiscard]] result<decoded<T>> ndr_decode_bare(byte_span input, layout wire, const decode_options& options);
template <class T>
[[nodiscard]] result<decoded<std::optional<T>>> ndr_decode_ptr(byte_span input, layout wire,
                                                              const decode_options& options);
[[nodiscard]] result<decoded<get_client_info_response>> ndr_decode_response(byte_span input, layout wire,
                                                                           const decode_options& options);

template <class T>
[[nodiscard]] result<bytes> ndr_encode_bare(const T& value, layout wire);
template <class T>
[[nodiscard]] result<bytes> ndr_encode_ptr(const std::optional<T>& value, layout wire);
[[nodiscard]] result<bytes> ndr_encode_response(const get_client_info_response& value, layout wire);

}  // namespace dhcpm::detail
