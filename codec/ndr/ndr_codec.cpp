// The NDR encoders of each framing: the format chosen, then the encoder's
// pieces in the order the framing puts them (decoding is the driver's: drive/).
#include "ndr/ndr_codec.hpp"

#include <optional>
#include <utility>

#include "dhcpm/record_types.hpp"
#include "ndr/ndr_encoder.hpp"

namespace dhcpm::detail {
namespace {


// Runs `write` with an encoder for `wire` and returns the bytes it wrote;
// its referent ids count on from `referents`, which is advanced.
template <class Write>
result<bytes> encode_with(layout wire, std::uint64_t& referents, Write&& write, bytes into = {}) {
  return with_ndr_format(wire, [&](auto format) -> result<bytes> {
    bytes out = std::move(into);
    out.clear();
    {
      ndr_encoder<decltype(format)> encoder(out, referents);  // sizes `out` when it goes out of scope
      if (!write(encoder)) return encoder.take_failure();
      referents = encoder.referents();
    }
    return out;
  });
}
template <class Write>
result<bytes> encode_with(layout wire, Write&& write, bytes into) {
  std::uint64_t referents = 0;
  return encode_with(wire, referents, std::forward<Write>(write), std::move(into));
}

template <class T>
bool encode_value(auto& encoder, const T& value, const field_path& path) {
  if constexpr (is_record_array<T>) {
    return encoder.array(value, path);
  } else {
    return encoder.record(value, path);
  }
}

}  // namespace

template <class T>
result<bytes> ndr_encode_bare(const T& value, layout wire, std::uint64_t& referents) {
  return encode_with(wire, referents, [&](auto& e) { return encode_value(e, value, root_path_of<T>); });
}
template <class T>
result<bytes> ndr_encode_bare(const T& value, layout wire, bytes into) {
  return encode_with(wire, [&](auto& e) { return encode_value(e, value, root_path_of<T>); }, std::move(into));
}

template <class T>
result<bytes> ndr_encode_ptr(const std::optional<T>& value, layout wire, bytes into) {
  return encode_with(
      wire,
      [&](auto& e) {
        e.top_pointer(value.has_value());
        return !value || encode_value(e, *value, root_path_of<T>);
      },
      std::move(into));
}

result<bytes> ndr_encode_response(const get_client_info_response& value, layout wire, bytes into) {
  return encode_with(
      wire,
      [&](auto& e) {
        e.top_pointer(value.client.has_value());
        if (value.client && !e.record(*value.client, response_root)) return false;
        e.return_value(value.return_value);
        return true;
      },
      std::move(into));
}

#define DHCPM_INSTANTIATE(R)                                                            \
  template result<bytes> ndr_encode_bare(const R&, layout, bytes);                     \
  template result<bytes> ndr_encode_bare(const R&, layout, std::uint64_t&);            \
  template result<bytes> ndr_encode_ptr(const std::optional<R>&, layout, bytes);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE

}  // namespace dhcpm::detail
