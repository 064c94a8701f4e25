// The named decode/encode entry points of the first API, each one call of the
// generic decode<Value> / encode<Value> (drive/decode.cpp, drive/encode.cpp)
// in the framing its name says.
#include "dhcpm/codec.hpp"

namespace dhcpm {

result<decoded<client_info>> decode_client(byte_span input, layout wire, const decode_options& options) {
  return decode<client_info>(input, wire, options);
}

result<decoded<client_info_array>> decode_array(byte_span input, layout wire, const decode_options& options) {
  return decode<client_info_array>(input, wire, options);
}

result<decoded<std::optional<client_info>>> decode_client_ptr(byte_span input, layout wire,
                                                              const decode_options& options) {
  return decode<std::optional<client_info>>(input, wire, options);
}

result<decoded<std::optional<client_info_array>>> decode_array_ptr(byte_span input, layout wire,
                                                                   const decode_options& options) {
  return decode<std::optional<client_info_array>>(input, wire, options);
}

result<decoded<get_client_info_response>> decode_response(byte_span input, layout wire,
                                                          const decode_options& options) {
  return decode<get_client_info_response>(input, wire, options);
}

result<bytes> encode_client(const client_info& value, layout wire) { return encode(value, wire); }

result<bytes> encode_array(const client_info_array& value, layout wire) { return encode(value, wire); }

result<bytes> encode_client_ptr(const std::optional<client_info>& value, layout wire) { return encode(value, wire); }

result<bytes> encode_array_ptr(const std::optional<client_info_array>& value, layout wire) {
  return encode(value, wire);
}

result<bytes> encode_response(const get_client_info_response& value, layout wire) { return encode(value, wire); }

}  // namespace dhcpm
