// The NDR framings: each one chooses the format, then strings together the
// walker's (or encoder's) pieces in the order its framing puts them.
#include "ndr/ndr_codec.hpp"

#include <optional>
#include <utility>

#include "ndr/ndr_decoding.hpp"
#include "ndr/ndr_encoder.hpp"

namespace dhcpm::detail {
namespace {


template <class T, class F>
result<decoded<T>> finish(ndr_decoding<F>& d, T&& value) {
  if (!d.walker.end()) return d.walker.take_failure();
  return decoded<T>{std::forward<T>(value), std::move(d.warnings)};
}

// Runs `write` with an encoder for `wire` and returns the bytes it wrote.
template <class Write>
result<bytes> encode_with(layout wire, Write&& write) {
  return with_ndr_format(wire, [&](auto format) -> result<bytes> {
    bytes out;
    {
      ndr_encoder<decltype(format)> encoder(out);  // sizes `out` when it goes out of scope
      if (!write(encoder)) return encoder.take_failure();
    }
    return out;
  });
}

bool encode_value(auto& encoder, const client_info& value, const field_path& path) {
  return encoder.record(value, path);
}
bool encode_value(auto& encoder, const client_info_array& value, const field_path& path) {
  return encoder.array(value, path);
}

}  // namespace

template <class T>
result<decoded<T>> ndr_decode_bare(byte_span input, layout wire, const decode_options& options) {
  return with_ndr_format(wire, [&](auto format) -> result<decoded<T>> {
    ndr_decoding<decltype(format)> d(byte_reader(input), options);
    T value;
    if (!d.top_value(value, {})) return d.walker.take_failure();
    return finish(d, std::move(value));
  });
}

template <class T>
result<decoded<std::optional<T>>> ndr_decode_ptr(byte_span input, layout wire, const decode_options& options) {
  return with_ndr_format(wire, [&](auto format) -> result<decoded<std::optional<T>>> {
    ndr_decoding<decltype(format)> d(byte_reader(input), options);
    std::optional<T> value;
    bool present = false;
    if (!d.walker.top_pointer({}, present)) return d.walker.take_failure();
    if (present && !d.top_value(value.emplace(), {})) return d.walker.take_failure();
    return finish(d, std::move(value));
  });
}

result<decoded<get_client_info_response>> ndr_decode_response(byte_span input, layout wire,
                                                              const decode_options& options) {
  return with_ndr_format(wire, [&](auto format) -> result<decoded<get_client_info_response>> {
    ndr_decoding<decltype(format)> d(byte_reader(input), options);
    get_client_info_response value;
    bool present = false;
    if (!d.walker.top_pointer(response_root, present)) return d.walker.take_failure();
    if (present && !d.top_value(value.client.emplace(), response_root)) return d.walker.take_failure();
    if (!d.walker.return_value(return_value_path)) return d.walker.take_failure();
    value.return_value = d.sink.returned();
    return finish(d, std::move(value));
  });
}

template <class T>
result<bytes> ndr_encode_bare(const T& value, layout wire) {
  return encode_with(wire, [&](auto& e) { return encode_value(e, value, {}); });
}

template <class T>
result<bytes> ndr_encode_ptr(const std::optional<T>& value, layout wire) {
  return encode_with(wire, [&](auto& e) {
    e.top_pointer(value.has_value());
    return !value || encode_value(e, *value, {});
  });
}

result<bytes> ndr_encode_response(const get_client_info_response& value, layout wire) {
  return encode_with(wire, [&](auto& e) {
    e.top_pointer(value.client.has_value());
    if (value.client && !e.record(*value.client, response_root)) return false;
    e.return_value(value.return_value);
    return true;
  });
}

template result<decoded<client_info>> ndr_decode_bare(byte_span, layout, const decode_options&);
template result<decoded<client_info_array>> ndr_decode_bare(byte_span, layout, const decode_options&);
template result<decoded<std::optional<client_info>>> ndr_decode_ptr(byte_span, layout, const decode_options&);
template result<decoded<std::optional<client_info_array>>> ndr_decode_ptr(byte_span, layout,
                                                                         const decode_options&);
template result<bytes> ndr_encode_bare(const client_info&, layout);
template result<bytes> ndr_encode_bare(const client_info_array&, layout);
template result<bytes> ndr_encode_ptr(const std::optional<client_info>&, layout);
template result<bytes> ndr_encode_ptr(const std::optional<client_info_array>&, layout);

}  // namespace dhcpm::detail
