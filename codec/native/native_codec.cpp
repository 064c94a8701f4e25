// The native image encoder, and the public entry points for images (x64 and x86).
#include "dhcpm/native.hpp"

#include <string>

#include "native/native_codec.hpp"
#include "native/native_encoder.hpp"

namespace dhcpm {
namespace {

// Calls body with a value of the native format type that `wire` names.
template <class Body>
auto with_native_format(layout wire, Body&& body) {
  if (wire == layout::x86) return body(detail::x86_format{});
  return body(detail::x64_format{});
}

error not_native(layout wire) {
  return error{error_code::unsupported, 0, "", "layout " + std::string(to_string(wire)) + " is not a native image"};
}

}  // namespace

namespace detail {

template <class T>
result<bytes> encode_native_image(const T& value, layout wire, std::uint64_t base) {
  return with_native_format(wire, [&](auto format) -> result<bytes> {
    bytes out;
    {
      detail::native_encoder<decltype(format)> encoder(out, base);  // sizes `out` when it goes out of scope
      bool ok = false;
      if constexpr (std::is_same_v<T, client_info>) {
        ok = encoder.record(value, {});
      } else {
        ok = encoder.array(value, {});
      }
      if (!ok) return encoder.take_failure();
    }
    return out;
  });
}

template result<bytes> encode_native_image(const client_info&, layout, std::uint64_t);
template result<bytes> encode_native_image(const client_info_array&, layout, std::uint64_t);

}  // namespace detail

result<decoded<client_info>> decode_native_client(native_image image, std::uint64_t at, layout wire,
                                                  const decode_options& options) {
  if (!is_native(wire)) return not_native(wire);
  return decode<client_info>(image.bytes, wire_format{.wire = wire, .base = image.base, .at = at}, options);
}

result<decoded<client_info_array>> decode_native_array(native_image image, std::uint64_t at, layout wire,
                                                       const decode_options& options) {
  if (!is_native(wire)) return not_native(wire);
  return decode<client_info_array>(image.bytes, wire_format{.wire = wire, .base = image.base, .at = at}, options);
}

result<bytes> encode_native(const client_info& value, layout wire, std::uint64_t base) {
  if (!is_native(wire)) return not_native(wire);
  return encode(value, wire_format{.wire = wire, .base = base});
}

result<bytes> encode_native(const client_info_array& value, layout wire, std::uint64_t base) {
  if (!is_native(wire)) return not_native(wire);
  return encode(value, wire_format{.wire = wire, .base = base});
}

}  // namespace dhcpm
