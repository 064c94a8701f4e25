// encode<Value>: the one place that picks the encoder of a format — the NDR
// encoder in the Value's framing, type serialization around it, or the native
// image encoder — after the same check of the (Value, format) pair as decoding.
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "dhcpm/codec.hpp"

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/pickle.hpp"
#include "drive/value_format.hpp"
#include "native/native_codec.hpp"
#include "ndr/ndr_codec.hpp"
#include "pickle/pickle_codec.hpp"

namespace dhcpm {

namespace {

// encode and encode_into: the bytes go into `into` (emptied, its capacity kept).
template <class Value>
result<bytes> encode_reusing(const Value& value, const wire_format& format, bytes into) {
  using traits = framed_value<Value>;
  using record = typename traits::record;
  if (std::optional<error> refused = detail::check_value_format<Value>(format, true)) return std::move(*refused);
  const layout wire = format.wire;
  if constexpr (record_schema<record>::native_only) {
    if constexpr (std::is_same_v<Value, record>) {
      return detail::encode_native_image(value, wire, format.base);  // check_format let only images through
    } else {
      return error{error_code::unsupported, 0, "", "a memory image holds one bare record"};  // refused above
    }
  } else if constexpr (traits::several) {
    return detail::encode_pickled_values(std::span<const record>(value), *pickle_kind_of(wire), std::move(into));
  } else if constexpr (traits::frame == framing::bare) {
    if (is_native(wire)) return detail::encode_native_image(value, wire, format.base);
    if (is_pickle(wire)) {
      return detail::encode_pickled_values(std::span<const record>(&value, 1), *pickle_kind_of(wire), std::move(into));
    }
    return detail::ndr_encode_bare(value, wire, std::move(into));
  } else if constexpr (traits::frame == framing::ptr) {
    return detail::ndr_encode_ptr(value, wire, std::move(into));
  } else {
    return detail::ndr_encode_response(value, wire, std::move(into));
  }
}

}  // namespace

template <class Value>
result<bytes> encode(const Value& value, const wire_format& format) {
  return encode_reusing(value, format, bytes{});
}

template <class Value>
result<std::size_t> encode_into(const Value& value, const wire_format& format, bytes& out) {
  result<bytes> written = encode_reusing(value, format, std::move(out));
  if (!written) return std::move(written).error_value();
  out = std::move(*written);
  return out.size();
}

#define DHCPM_INSTANTIATE(R)                                                                           \
  template result<bytes> encode(const R&, const wire_format&);                                         \
  template result<bytes> encode(const std::optional<R>&, const wire_format&);                          \
  template result<bytes> encode(const std::vector<R>&, const wire_format&);                            \
  template result<std::size_t> encode_into(const R&, const wire_format&, bytes&);                      \
  template result<std::size_t> encode_into(const std::optional<R>&, const wire_format&, bytes&);       \
  template result<std::size_t> encode_into(const std::vector<R>&, const wire_format&, bytes&);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE
template result<bytes> encode(const get_client_info_response&, const wire_format&);
template result<std::size_t> encode_into(const get_client_info_response&, const wire_format&, bytes&);

}  // namespace dhcpm
