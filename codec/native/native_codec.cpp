// The native image encoder (x64 and x86) behind encode<Value>.
#include "native/native_codec.hpp"
#include "native/native_encoder.hpp"

#include "dhcpm/record_types.hpp"

namespace dhcpm {
namespace {

// Calls body with a value of the native format type that `wire` names.
template <class Body>
auto with_native_format(layout wire, Body&& body) {
  if (wire == layout::x86) return body(detail::x86_format{});
  return body(detail::x64_format{});
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
      if constexpr (is_record_array<T>) {
        ok = encoder.array(value, root_path_of<T>);
      } else {
        ok = encoder.record(value, root_path_of<T>);
      }
      if (!ok) return encoder.take_failure();
    }
    return out;
  });
}

#define DHCPM_INSTANTIATE(R) template result<bytes> encode_native_image(const R&, layout, std::uint64_t);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE

}  // namespace detail

}  // namespace dhcpm
