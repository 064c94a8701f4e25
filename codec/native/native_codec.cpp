// The public entry points for native memory images (x64 and x86).
#include "dhcpm/native.hpp"

#include <string>

#include "native/native_encoder.hpp"
#include "native/native_walker.hpp"
#include "ndr/value_builder.hpp"

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

template <class T>
result<decoded<T>> decode_image(native_image image, std::uint64_t at, layout wire, const decode_options& options) {
  if (!is_native(wire)) return not_native(wire);
  return with_native_format(wire, [&](auto format) -> result<decoded<T>> {
    using sink_type = detail::value_builder<decltype(format)::byte_order>;
    sink_type sink;
    sink.string_storage_hint(image.bytes.size() / 2);  // strings read more than once get their own storage
    sink.use_cache(options.cache);
    decoded<T> out;
    detail::native_walker<decltype(format), sink_type> walker(image.bytes, image.base, options, sink, out.warnings);
    sink.target(&out.value);
    bool ok = false;
    if constexpr (std::is_same_v<T, client_info>) {
      ok = walker.top_record(at, {});
    } else {
      ok = walker.top_array(at, {});
    }
    if (!ok) return walker.take_failure();
    return out;
  });
}

template <class T>
result<bytes> encode_image(const T& value, layout wire, std::uint64_t base) {
  if (!is_native(wire)) return not_native(wire);
  if (base % 16 != 0) {
    return error{error_code::value_out_of_range, 0, "", "the image base must be a multiple of 16"};
  }
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

}  // namespace

result<decoded<client_info>> decode_native_client(native_image image, std::uint64_t at, layout wire,
                                                  const decode_options& options) {
  return decode_image<client_info>(image, at, wire, options);
}

result<decoded<client_info_array>> decode_native_array(native_image image, std::uint64_t at, layout wire,
                                                       const decode_options& options) {
  return decode_image<client_info_array>(image, at, wire, options);
}

result<bytes> encode_native(const client_info& value, layout wire, std::uint64_t base) {
  return encode_image(value, wire, base);
}

result<bytes> encode_native(const client_info_array& value, layout wire, std::uint64_t base) {
  return encode_image(value, wire, base);
}

}  // namespace dhcpm
