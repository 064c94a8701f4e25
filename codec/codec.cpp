// The public decode/encode entry points: each routes to the family of its
// layout. The NDR layouts carry every framing; type serialization and native
// images carry bare values only (a pickled body is a top-level value; an
// image holds the value at its base).
#include "dhcpm/codec.hpp"

#include <string>

#include "dhcpm/native.hpp"
#include "ndr/ndr_codec.hpp"
#include "pickle/pickle_codec.hpp"

namespace dhcpm {
namespace {

error unsupported(layout wire, framing frame) {
  return error{error_code::unsupported, 0, "",
               "layout " + std::string(to_string(wire)) + " carries bare values, not framing " +
                   std::string(to_string(frame))};
}

}  // namespace

result<decoded<client_info>> decode_client(byte_span input, layout wire, const decode_options& options) {
  if (is_native(wire)) return decode_native_client({input, default_image_base}, default_image_base, wire, options);
  if (is_pickle(wire)) return detail::decode_one_pickled<client_info>(input, wire, options);
  return detail::ndr_decode_bare<client_info>(input, wire, options);
}

result<decoded<client_info_array>> decode_array(byte_span input, layout wire, const decode_options& options) {
  if (is_native(wire)) return decode_native_array({input, default_image_base}, default_image_base, wire, options);
  if (is_pickle(wire)) return detail::decode_one_pickled<client_info_array>(input, wire, options);
  return detail::ndr_decode_bare<client_info_array>(input, wire, options);
}

result<decoded<std::optional<client_info>>> decode_client_ptr(byte_span input, layout wire,
                                                              const decode_options& options) {
  if (!is_ndr(wire)) return unsupported(wire, framing::ptr);
  return detail::ndr_decode_ptr<client_info>(input, wire, options);
}

result<decoded<std::optional<client_info_array>>> decode_array_ptr(byte_span input, layout wire,
                                                                   const decode_options& options) {
  if (!is_ndr(wire)) return unsupported(wire, framing::ptr);
  return detail::ndr_decode_ptr<client_info_array>(input, wire, options);
}

result<decoded<get_client_info_response>> decode_response(byte_span input, layout wire,
                                                          const decode_options& options) {
  if (!is_ndr(wire)) return unsupported(wire, framing::response);
  return detail::ndr_decode_response(input, wire, options);
}

result<bytes> encode_client(const client_info& value, layout wire) {
  if (is_native(wire)) return encode_native(value, wire);
  if (is_pickle(wire)) return detail::encode_one_pickled(value, wire);
  return detail::ndr_encode_bare(value, wire);
}

result<bytes> encode_array(const client_info_array& value, layout wire) {
  if (is_native(wire)) return encode_native(value, wire);
  if (is_pickle(wire)) return detail::encode_one_pickled(value, wire);
  return detail::ndr_encode_bare(value, wire);
}

result<bytes> encode_client_ptr(const std::optional<client_info>& value, layout wire) {
  if (!is_ndr(wire)) return unsupported(wire, framing::ptr);
  return detail::ndr_encode_ptr(value, wire);
}

result<bytes> encode_array_ptr(const std::optional<client_info_array>& value, layout wire) {
  if (!is_ndr(wire)) return unsupported(wire, framing::ptr);
  return detail::ndr_encode_ptr(value, wire);
}

result<bytes> encode_response(const get_client_info_response& value, layout wire) {
  if (!is_ndr(wire)) return unsupported(wire, framing::response);
  return detail::ndr_encode_response(value, wire);
}

}  // namespace dhcpm
