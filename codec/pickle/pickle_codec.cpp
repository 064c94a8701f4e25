// Type serialization around the NDR walker and encoder: a common header, then
// per value a private header whose ObjectBufferLength covers the body and its
// padding. Every value is decoded under one shared budget.
#include <algorithm>
#include <optional>
#include <type_traits>
#include <string>
#include <utility>

#include "dhcpm/pickle.hpp"
#include "ndr/ndr_decoding.hpp"
#include "ndr/ndr_encoder.hpp"
#include "pickle/pickle_codec.hpp"
#include "pickle/pickle_header.hpp"

namespace dhcpm {
namespace {

using detail::field_path;
using detail::pickle_stream;

constexpr std::string_view object_length_path = "PrivateHeader.ObjectBufferLength";

// Calls body with a value of the NDR format type that carries `kind`'s bodies.
template <class Body>
auto with_body_format(pickle_kind kind, Body&& body) {
  switch (kind) {
    case pickle_kind::v1_ndr20be: return body(detail::ndr20_be{});
    case pickle_kind::v2_ndr64: return body(detail::ndr64_format{});
    case pickle_kind::v1_ndr20:
    case pickle_kind::v2_ndr20: break;
  }
  return body(detail::ndr20_le{});
}

error length_error(std::size_t at, std::string message) {
  return error{error_code::length_mismatch, at, std::string(object_length_path), std::move(message)};
}

// Decodes the body at [body, body + length) into value. Errors carry offsets
// in the whole buffer.
template <class T>
bool decode_body(byte_span input, const pickle_stream& stream, std::size_t body, std::size_t length,
                 const decode_options& options, T& value, std::uint64_t& budget, decoded_values<T>& out,
                 error& failure) {
  return with_body_format(stream.kind, [&](auto format) {
    detail::ndr_decoding<decltype(format)> d(detail::byte_reader(input.first(body + length), body), options);
    d.walker.checks().start_budget_at(budget);
    if (!d.top_value(value, field_path{})) {
      failure = d.walker.take_failure();
      return false;
    }
    budget = d.walker.checks().decoded_bytes();
    for (error& w : d.warnings) {
      if (out.warnings.size() < options.max_warnings) out.warnings.push_back(std::move(w));
    }
    // What is left of the body is padding: shorter than the alignment, zeros.
    const std::size_t end = d.walker.position();
    const std::size_t padding = body + length - end;
    if (padding >= stream.body_alignment) {
      failure = length_error(body - stream.private_header_size,
                             "ObjectBufferLength " + std::to_string(length) + " but the value takes " +
                                 std::to_string(end - body) + " bytes");
      return false;
    }
    const auto first_nonzero = std::find_if(input.begin() + static_cast<std::ptrdiff_t>(end),
                                            input.begin() + static_cast<std::ptrdiff_t>(body + length),
                                            [](std::uint8_t b) { return b != 0; });
    if (first_nonzero != input.begin() + static_cast<std::ptrdiff_t>(body + length)) {
      error e{error_code::nonzero_padding, static_cast<std::size_t>(first_nonzero - input.begin()), "",
              "the body's padding is not zero"};
      if (options.strict) {
        failure = std::move(e);
        return false;
      }
      if (out.warnings.size() < options.max_warnings) out.warnings.push_back(std::move(e));
    }
    return true;
  });
}

// With `single`, the buffer must hold exactly one value: more are trailing
// bytes (an error when strict, a warning when lenient).
template <class T>
result<decoded_values<T>> decode_all(byte_span input, std::optional<pickle_kind> expect,
                                     const decode_options& options, bool single = false) {
  result<pickle_stream> header = detail::read_common_header(input, expect);
  if (!header) return std::move(header).error_value();
  const pickle_stream stream = *header;
  decoded_values<T> out;
  out.kind = stream.kind;
  std::uint64_t budget = 0;
  std::size_t at = stream.common_header_size;
  do {
    if (input.size() - at < stream.private_header_size) {
      return error{error_code::truncated, at, std::string(object_length_path),
                   at == stream.common_header_size ? "no value follows the common header"
                                                   : "the private header is cut off"};
    }
    const std::uint32_t length =
        stream.byte_order == detail::order::big ? detail::load<std::uint32_t, 4, detail::order::big>(input.data() + at)
                                                : detail::load<std::uint32_t, 4, detail::order::little>(input.data() + at);
    const std::size_t body = at + stream.private_header_size;
    if (length % stream.body_alignment != 0) {
      return length_error(at, "ObjectBufferLength " + std::to_string(length) + " is not a multiple of " +
                                  std::to_string(stream.body_alignment));
    }
    if (length > input.size() - body) {
      return length_error(at, "ObjectBufferLength " + std::to_string(length) + " exceeds the " +
                                  std::to_string(input.size() - body) + " bytes that remain");
    }
    T value{};
    error failure;
    if (!decode_body(input, stream, body, length, options, value, budget, out, failure)) return failure;
    out.values.push_back(std::move(value));
    at = body + length;
    if (single && at < input.size()) {
      error extra{error_code::trailing_bytes, at, "",
                  std::to_string(input.size() - at) + " bytes (more pickled values?) after the value"};
      if (options.strict) return extra;
      if (out.warnings.size() < options.max_warnings) out.warnings.push_back(std::move(extra));
      break;
    }
  } while (at < input.size());
  return out;
}

template <class T>
result<bytes> encode_all(std::span<const T> values, pickle_kind kind) {
  const pickle_stream stream = detail::stream_of(kind);
  bytes out;
  detail::write_common_header(out, stream);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::size_t header = detail::begin_private_header(out, stream);
    const std::size_t body = out.size();
    const std::optional<error> failure = with_body_format(kind, [&](auto format) -> std::optional<error> {
      detail::ndr_encoder<decltype(format)> encoder(out);
      bool written = false;
      if constexpr (std::is_same_v<T, client_info>) {
        written = encoder.record(values[i], field_path{});
      } else {
        written = encoder.array(values[i], field_path{});
      }
      if (!written) return encoder.take_failure();
      return std::nullopt;
    });
    if (failure) return *failure;
    const std::size_t padded = (out.size() - body + stream.body_alignment - 1) / stream.body_alignment *
                               stream.body_alignment;
    if (padded > UINT32_MAX) {
      return error{error_code::value_out_of_range, header, std::string(object_length_path),
                   "the value is too large for a 32-bit ObjectBufferLength"};
    }
    out.resize(body + padded, 0);
    detail::patch_private_header(out, stream, header, static_cast<std::uint32_t>(padded));
  }
  return out;
}

}  // namespace

namespace detail {

template <class T>
result<decoded<T>> decode_one_pickled(byte_span input, layout wire, const decode_options& options) {
  result<decoded_values<T>> all = decode_all<T>(input, pickle_kind_of(wire), options, true);
  if (!all) return std::move(all).error_value();
  return decoded<T>{std::move(all->values.front()), std::move(all->warnings)};
}

template <class T>
result<bytes> encode_one_pickled(const T& value, layout wire) {
  const std::optional<pickle_kind> kind = pickle_kind_of(wire);
  if (!kind) {
    return error{error_code::unsupported, 0, "",
                 "encoding needs an explicit pickle layout (pickle-ndr20, pickle-ndr20be, pickle-ndr64, pickle2-ndr20)"};
  }
  return encode_all(std::span<const T>(&value, 1), *kind);
}

template result<decoded<client_info>> decode_one_pickled(byte_span, layout, const decode_options&);
template result<decoded<client_info_array>> decode_one_pickled(byte_span, layout, const decode_options&);
template result<bytes> encode_one_pickled(const client_info&, layout);
template result<bytes> encode_one_pickled(const client_info_array&, layout);

}  // namespace detail

std::optional<pickle_kind> pickle_kind_of(layout wire) noexcept {
  switch (wire) {
    case layout::pickle_ndr20: return pickle_kind::v1_ndr20;
    case layout::pickle_ndr20be: return pickle_kind::v1_ndr20be;
    case layout::pickle_ndr64: return pickle_kind::v2_ndr64;
    case layout::pickle2_ndr20: return pickle_kind::v2_ndr20;
    default: return std::nullopt;
  }
}

std::string_view to_string(pickle_kind kind) noexcept {
  switch (kind) {
    case pickle_kind::v1_ndr20: return "pickle-ndr20";
    case pickle_kind::v1_ndr20be: return "pickle-ndr20be";
    case pickle_kind::v2_ndr64: return "pickle-ndr64";
    case pickle_kind::v2_ndr20: return "pickle2-ndr20";
  }
  return "unknown";
}

result<decoded_values<client_info>> decode_pickled_clients(byte_span input, std::optional<pickle_kind> expect,
                                                           const decode_options& options) {
  return decode_all<client_info>(input, expect, options);
}

result<decoded_values<client_info_array>> decode_pickled_arrays(byte_span input, std::optional<pickle_kind> expect,
                                                                const decode_options& options) {
  return decode_all<client_info_array>(input, expect, options);
}

result<bytes> encode_pickled(std::span<const client_info> values, pickle_kind kind) {
  return encode_all(values, kind);
}

result<bytes> encode_pickled(std::span<const client_info_array> values, pickle_kind kind) {
  return encode_all(values, kind);
}

}  // namespace dhcpm
