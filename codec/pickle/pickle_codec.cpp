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
#include "ndr/ndr_walker.hpp"
#include "ndr/value_builder.hpp"
#include "ndr/ndr_encoder.hpp"
#include "pickle/pickle_codec.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"

namespace dhcpm {
namespace {

using detail::field_path;
using detail::pickle_stream;

template <class Walker>
bool walk_value(Walker& walker, client_info&) {
  return walker.top_record(field_path{});
}
template <class Walker>
bool walk_value(Walker& walker, client_info_array&) {
  return walker.top_array(field_path{});
}

// With `single`, the buffer must hold exactly one value.
template <class T>
result<decoded_values<T>> decode_all(byte_span input, std::optional<pickle_kind> expect,
                                     const decode_options& options, bool single = false) {
  decoded_values<T> out;
  error failure;
  const auto decode_body = [&](auto format, detail::byte_reader body, std::size_t, detail::body_walk& state) {
    using builder = detail::value_builder<decltype(format)::byte_order>;
    builder sink;
    sink.string_storage_hint(body.remaining() / 2);
    sink.use_cache(options.cache);
    detail::ndr_walker<decltype(format), builder> walker(body, options, sink, out.warnings);
    walker.checks().start_budget_at(state.budget);
    sink.target(&out.values.emplace_back());
    if (!walk_value(walker, out.values.back())) {
      failure = walker.take_failure();
      return false;
    }
    state.budget = walker.checks().decoded_bytes();
    state.value_end = walker.position();
    return true;
  };
  if (!detail::walk_pickled(input, expect, options, single, out.warnings, failure, out.kind, decode_body)) {
    return failure;
  }
  return out;
}

template <class T>
result<bytes> encode_all(std::span<const T> values, pickle_kind kind) {
  if (values.empty()) {  // a common header alone is a buffer that decoding refuses: no value follows it
    return error{error_code::unsupported, 0, "", "type serialization needs at least one value to encode"};
  }
  const pickle_stream stream = detail::stream_of(kind);
  bytes out;
  detail::write_common_header(out, stream);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::size_t header = detail::begin_private_header(out, stream);
    const std::size_t body = out.size();
    const std::optional<error> failure = detail::with_body_format(kind, [&](auto format) -> std::optional<error> {
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
      return error{error_code::value_out_of_range, header, std::string(detail::object_length_path),
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
