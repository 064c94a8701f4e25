// Decode and encode entry points for the NDR layouts.
//
// Decoding takes bytes the caller owns and returns an owning value (plus the
// warnings of lenient mode); encoding gives canonical bytes: zero padding and
// referent ids 0x00020000 + 4k, exactly as Windows and Samba write them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm {

using byte_span = std::span<const std::uint8_t>;
using bytes = std::vector<std::uint8_t>;

template <class T>
struct decoded {
  T value;
  std::vector<error> warnings;  // lenient mode only; always empty in strict mode
};

// framing::bare
[[nodiscard]] result<decoded<client_info>> decode_client(byte_span input, layout wire,
                                                         const decode_options& options = {});
[[nodiscard]] result<decoded<client_info_array>> decode_array(byte_span input, layout wire,
                                                              const decode_options& options = {});
// framing::ptr (std::nullopt = a NULL pointer)
[[nodiscard]] result<decoded<std::optional<client_info>>> decode_client_ptr(byte_span input, layout wire,
                                                                            const decode_options& options = {});
[[nodiscard]] result<decoded<std::optional<client_info_array>>> decode_array_ptr(
    byte_span input, layout wire, const decode_options& options = {});
// framing::response
[[nodiscard]] result<decoded<get_client_info_response>> decode_response(byte_span input, layout wire,
                                                                        const decode_options& options = {});

// Checks that `input` holds a valid value of `type` where `format` says —
// every check of decoding, with the same errors, offsets and paths — without
// building it. Returns the warnings of lenient mode (empty when strict).
[[nodiscard]] result<std::vector<error>> validate(byte_span input, value_type type, const wire_format& format,
                                                  const decode_options& options = {});

[[nodiscard]] result<bytes> encode_client(const client_info& value, layout wire);
[[nodiscard]] result<bytes> encode_array(const client_info_array& value, layout wire);
[[nodiscard]] result<bytes> encode_client_ptr(const std::optional<client_info>& value, layout wire);
[[nodiscard]] result<bytes> encode_array_ptr(const std::optional<client_info_array>& value, layout wire);
[[nodiscard]] result<bytes> encode_response(const get_client_info_response& value, layout wire);

}  // namespace dhcpm
