// decode<Value>: the walk of the driver with the value-building sink. The
// consumer says where each value the walk finds goes — the Value itself, the
// pointee of its top pointer, the response's ClientInfo, or the next element
// of a pickled buffer's vector — and the driver does the rest (format choice,
// framing, the pickled loop, the budget, the end-of-input checks).
//
// The definitions, for the decode_*.cpp files that instantiate them: each
// takes one part of the record type list (record_types.hpp), because every
// type in every framing is the heaviest code of the library to compile.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "drive/parallel_decode.hpp"
#include "drive/value_format.hpp"
#include "drive/walk_driver.hpp"
#include "sink/value_builder.hpp"

namespace dhcpm {
namespace detail {

template <class Value>
class value_building {
 public:
  using traits = framed_value<Value>;
  using record = typename traits::record;

  value_building(Value& value, const decode_options& options) noexcept : value_(value), cache_(options.cache) {}

  template <class F>
  auto& sink(F /*format*/) noexcept {
    big_ = F::byte_order == detail::order::big;
    if constexpr (F::byte_order == detail::order::big) {
      return big_builder_;
    } else {
      return little_builder_;
    }
  }

  void value_begin(std::size_t /*index*/, std::size_t /*at*/, std::size_t bytes) {
    with_builder([&](auto& b) {
      b.string_storage_hint(bytes / 2);  // every unit takes two input bytes
      b.use_cache(cache_);
    });
    if constexpr (traits::several) {
      target(value_.emplace_back());
    } else if constexpr (traits::frame == framing::bare) {
      target(value_);
    }
  }

  void pointer(bool present) {
    if (!present) return;
    if constexpr (traits::frame == framing::ptr) {
      target(value_.emplace());
    } else if constexpr (traits::frame == framing::response) {
      target(value_.client.emplace());
    }
  }

  void value_end(std::size_t /*end*/, std::size_t /*limit*/) noexcept {}

  // After a complete walk: what the sink kept aside (the return value).
  void finish() {
    if constexpr (traits::frame == framing::response) {
      with_builder([&](auto& b) { value_.return_value = b.returned(); });
    }
  }

 private:
  template <class Use>
  void with_builder(Use&& use) {
    if (big_) {
      use(big_builder_);
    } else {
      use(little_builder_);
    }
  }
  void target(record& r) {
    with_builder([&](auto& b) { b.target(&r); });
  }

  Value& value_;
  block_cache* cache_;
  bool big_ = false;
  detail::value_builder<detail::order::little, record> little_builder_;
  detail::value_builder<detail::order::big, record> big_builder_;
};

}  // namespace detail

namespace detail {

// decode and decode_prefix: `walked` says whether the value may be followed
// by other bytes, and tells where it ended.
template <class Value>
result<decoded<Value>> decode_walk(byte_span input, const wire_format& format, const decode_options& options,
                                   walk_result& walked) {
  using record = typename framed_value<Value>::record;
  if (std::optional<error> refused = check_value_format<Value>(format, false)) return std::move(*refused);
  decoded<Value> out;
  // A clean pass on several threads is the whole answer; anything else is
  // walked on one, which says exactly what is wrong.
  if (!walked.prefix && decoded_in_parallel(input, format, options, out.value)) {
    out.wire = format.wire;
    return out;
  }
  value_building<Value> consumer(out.value, options);
  if (!drive_walk<record>(input, format, options, walked, consumer)) return std::move(*walked.failure);
  consumer.finish();
  out.warnings = std::move(walked.warnings);
  out.wire = format.wire == layout::pickle ? to_layout(walked.kind) : format.wire;
  return out;
}

template <class Value>
result<decoded<Value>> decode_prefix(byte_span input, const wire_format& format, const decode_options& options,
                                     std::size_t& end) {
  walk_result walked;
  walked.prefix = true;
  result<decoded<Value>> out = decode_walk<Value>(input, format, options, walked);
  end = walked.end;
  return out;
}

}  // namespace detail

template <class Value>
result<decoded<Value>> decode(byte_span input, const wire_format& format, const decode_options& options) {
  detail::walk_result walked;
  return detail::decode_walk<Value>(input, format, options, walked);
}

}  // namespace dhcpm

// Every record type bare, behind a pointer and as the values of a pickled buffer.
#define DHCPM_INSTANTIATE_DECODE(R)                                                                              \
  template ::dhcpm::result<::dhcpm::decoded<R>> dhcpm::decode(::dhcpm::byte_span, const ::dhcpm::wire_format&,      \
                                                              const ::dhcpm::decode_options&);                    \
  template ::dhcpm::result<::dhcpm::decoded<R>> dhcpm::detail::decode_prefix(                                     \
      ::dhcpm::byte_span, const ::dhcpm::wire_format&, const ::dhcpm::decode_options&, std::size_t&);              \
  template ::dhcpm::result<::dhcpm::decoded<std::optional<R>>> dhcpm::detail::decode_prefix(                      \
      ::dhcpm::byte_span, const ::dhcpm::wire_format&, const ::dhcpm::decode_options&, std::size_t&);              \
  template ::dhcpm::result<::dhcpm::decoded<std::optional<R>>> dhcpm::decode(                                     \
      ::dhcpm::byte_span, const ::dhcpm::wire_format&, const ::dhcpm::decode_options&);                          \
  template ::dhcpm::result<::dhcpm::decoded<std::vector<R>>> dhcpm::decode(                                       \
      ::dhcpm::byte_span, const ::dhcpm::wire_format&, const ::dhcpm::decode_options&);
