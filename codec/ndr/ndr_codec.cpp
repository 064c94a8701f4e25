// The public decode/encode entry points for the NDR layouts: each one chooses
// the format, then strings together the walker's (or encoder's) pieces in the
// order its framing puts them.
#include <optional>
#include <utility>

#include "dhcpm/codec.hpp"
#include "ndr/ndr_encoder.hpp"
#include "ndr/ndr_decoding.hpp"

namespace dhcpm {
namespace {

using detail::field_path;

// Calls body with a value of the format type that `wire` names.
template <class Body>
auto with_format(layout wire, Body&& body) {
  switch (wire) {
    case layout::ndr20be: return body(detail::ndr20_be{});
    case layout::ndr64: return body(detail::ndr64_format{});
    case layout::ndr20: break;
  }
  return body(detail::ndr20_le{});
}

// The root of every path in a response is the [out] parameter's name.
constexpr field_path response_root{"ClientInfo", -1, {}};
constexpr field_path return_value_path{{}, -1, "ReturnValue"};

template <class F>
struct decoding : detail::ndr_decoding<F> {
  decoding(byte_span input, const decode_options& options)
      : detail::ndr_decoding<F>(detail::byte_reader(input), options) {}
};

template <class T, class F>
result<decoded<T>> finish(decoding<F>& d, T&& value) {
  if (!d.walker.end()) return d.walker.take_failure();
  return decoded<T>{std::forward<T>(value), std::move(d.warnings)};
}

}  // namespace

result<decoded<client_info>> decode_client(byte_span input, layout wire, const decode_options& options) {
  return with_format(wire, [&](auto format) -> result<decoded<client_info>> {
    decoding<decltype(format)> d(input, options);
    client_info value;
    d.sink.target(&value);
    if (!d.walker.top_record({})) return d.walker.take_failure();
    return finish(d, std::move(value));
  });
}

result<decoded<client_info_array>> decode_array(byte_span input, layout wire, const decode_options& options) {
  return with_format(wire, [&](auto format) -> result<decoded<client_info_array>> {
    decoding<decltype(format)> d(input, options);
    client_info_array value;
    d.sink.target(&value);
    if (!d.walker.top_array({})) return d.walker.take_failure();
    return finish(d, std::move(value));
  });
}

result<decoded<std::optional<client_info>>> decode_client_ptr(byte_span input, layout wire,
                                                              const decode_options& options) {
  return with_format(wire, [&](auto format) -> result<decoded<std::optional<client_info>>> {
    decoding<decltype(format)> d(input, options);
    std::optional<client_info> value;
    bool present = false;
    if (!d.walker.top_pointer({}, present)) return d.walker.take_failure();
    if (present) {
      d.sink.target(&value.emplace());
      if (!d.walker.top_record({})) return d.walker.take_failure();
    }
    return finish(d, std::move(value));
  });
}

result<decoded<std::optional<client_info_array>>> decode_array_ptr(byte_span input, layout wire,
                                                                   const decode_options& options) {
  return with_format(wire, [&](auto format) -> result<decoded<std::optional<client_info_array>>> {
    decoding<decltype(format)> d(input, options);
    std::optional<client_info_array> value;
    bool present = false;
    if (!d.walker.top_pointer({}, present)) return d.walker.take_failure();
    if (present) {
      d.sink.target(&value.emplace());
      if (!d.walker.top_array({})) return d.walker.take_failure();
    }
    return finish(d, std::move(value));
  });
}

result<decoded<get_client_info_response>> decode_response(byte_span input, layout wire,
                                                          const decode_options& options) {
  return with_format(wire, [&](auto format) -> result<decoded<get_client_info_response>> {
    decoding<decltype(format)> d(input, options);
    get_client_info_response value;
    bool present = false;
    if (!d.walker.top_pointer(response_root, present)) return d.walker.take_failure();
    if (present) {
      d.sink.target(&value.client.emplace());
      if (!d.walker.top_record(response_root)) return d.walker.take_failure();
    }
    if (!d.walker.return_value(return_value_path)) return d.walker.take_failure();
    value.return_value = d.sink.returned();
    return finish(d, std::move(value));
  });
}

namespace {

// Runs `write` with an encoder for `wire` and returns the bytes it wrote.
template <class Write>
result<bytes> encode_with(layout wire, Write&& write) {
  return with_format(wire, [&](auto format) -> result<bytes> {
    bytes out;
    detail::ndr_encoder<decltype(format)> encoder(out);
    if (!write(encoder)) return encoder.take_failure();
    return out;
  });
}

}  // namespace

result<bytes> encode_client(const client_info& value, layout wire) {
  return encode_with(wire, [&](auto& e) { return e.record(value, {}); });
}

result<bytes> encode_array(const client_info_array& value, layout wire) {
  return encode_with(wire, [&](auto& e) { return e.array(value, {}); });
}

result<bytes> encode_client_ptr(const std::optional<client_info>& value, layout wire) {
  return encode_with(wire, [&](auto& e) {
    e.top_pointer(value.has_value());
    return !value || e.record(*value, {});
  });
}

result<bytes> encode_array_ptr(const std::optional<client_info_array>& value, layout wire) {
  return encode_with(wire, [&](auto& e) {
    e.top_pointer(value.has_value());
    return !value || e.array(*value, {});
  });
}

result<bytes> encode_response(const get_client_info_response& value, layout wire) {
  return encode_with(wire, [&](auto& e) {
    e.top_pointer(value.client.has_value());
    if (value.client && !e.record(*value.client, response_root)) return false;
    e.return_value(value.return_value);
    return true;
  });
}

}  // namespace dhcpm
