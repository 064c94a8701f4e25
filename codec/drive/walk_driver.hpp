// The one driver of a walk over input bytes. From the value type and the
// wire_format it picks the walker (NDR or native image) and its format,
// strings together the framing's pieces (the top pointer, the value, the
// return value), runs the loop over the values of a pickled buffer under one
// decode budget, and makes the end-of-input checks. What is done with what the
// walker finds is the consumer's business:
//
//   struct consumer {
//     template <class F> Sink& sink(F format);    // the sink of a walk in walker format F
//     // A value's walk starts at input offset `at` with `bytes` bytes for it
//     // (pickled: one per body, the body's offset and size).
//     void value_begin(std::size_t index, std::size_t at, std::size_t bytes);
//     void pointer(bool present);                 // ptr / response framing: the top pointer
//     // NDR and pickled: the value's bytes end at `end`, of `limit` (the end
//     // of its body or of the input), before the checks of what follows.
//     void value_end(std::size_t end, std::size_t limit);
//   };
//
// Decoding, validation, views and dissection are the consumers of this driver.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "dhcpm/error.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/pickle.hpp"
#include "native/native_format.hpp"
#include "native/native_walker.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"
#include "pickle/pickle_walk.hpp"

namespace dhcpm::detail {

// What a walk left behind: the warnings of lenient mode, and on failure the error.
struct walk_result {
  std::vector<error> warnings;
  // Set when the walk fails. Optional, so that a walk that passes (most
  // calls, and a stub's every call) neither builds nor destroys an error.
  std::optional<error> failure;
  pickle_kind kind{};  // pickled input: what its header said
  // A prefix walk (bare or ptr NDR: a call's parameter, which later ones
  // follow) ends at the value's last byte: no trailing-bytes check, and `end`
  // says where the value ended.
  bool prefix = false;
  std::size_t end = 0;
};

// The NDR walker's top value of type Record (a record or an _ARRAY).
template <class Record, class Walker>
[[nodiscard]] bool walk_top_value(Walker& walker, const field_path& path) {
  if constexpr (is_record_array<Record>) {
    return walker.template top_array<typename Record::element>(path);
  } else {
    return walker.template top_record<Record>(path);
  }
}

// One NDR value in the framing asked for, then the end-of-input check.
template <class Record, class F, class Consumer>
[[nodiscard]] bool walk_ndr(byte_reader input, framing frame, const decode_options& options, walk_result& out,
                            Consumer& consumer) {
  auto& sink = consumer.sink(F{});
  ndr_walker<F, std::remove_reference_t<decltype(sink)>> walker(input, options, sink, out.warnings);
  consumer.value_begin(0, input.position(), input.remaining());
  const field_path& root = frame == framing::response ? response_root : root_path_of<Record>;
  bool present = true;
  bool ok = true;
  if (frame != framing::bare) {
    ok = walker.top_pointer(root, present);
    if (ok) consumer.pointer(present);
  }
  ok = ok && (!present || walk_top_value<Record>(walker, root));
  if (ok && frame == framing::response) ok = walker.return_value(return_value_path);
  if (ok) {
    out.end = walker.position();
    consumer.value_end(out.end, out.prefix ? out.end : input.size());
    if (!out.prefix) ok = walker.end();
  }
  if (!ok) out.failure = walker.take_failure();
  return ok;
}

// A memory image holding a Record at format.at.
template <class Record, class Consumer>
[[nodiscard]] bool drive_native_walk(byte_span input, const wire_format& format, const decode_options& options,
                                     walk_result& out, Consumer& consumer) {
  const auto walk = [&](auto native) {
    auto& sink = consumer.sink(native);
    native_walker<decltype(native), std::remove_reference_t<decltype(sink)>> walker(input, format.base, options, sink,
                                                                                   out.warnings);
    consumer.value_begin(0, 0, input.size());
    const std::uint64_t at = format.at.value_or(format.base);
    bool ok = false;
    if constexpr (is_record_array<Record>) {
      ok = walker.template top_array<typename Record::element>(at, root_path_of<Record>);
    } else {
      ok = walker.template top_record<Record>(at, root_path_of<Record>);
    }
    if (!ok) out.failure = walker.take_failure();
    return ok;
  };
  return format.wire == layout::x86 ? walk(x86_format{}) : walk(x64_format{});
}

// NDR bytes, or a type serialization buffer of NDR bodies.
template <class Record, class Consumer>
[[nodiscard]] bool drive_ndr_walk(byte_span input, const wire_format& format, const decode_options& options,
                                  walk_result& out, Consumer& consumer) {
  const layout wire = format.wire;
  if (is_pickle(wire)) {
    const auto walk_body = [&](auto ndr, byte_reader body, std::size_t index, body_walk& state) {
      auto& sink = consumer.sink(ndr);
      ndr_walker<decltype(ndr), std::remove_reference_t<decltype(sink)>> walker(body, options, sink, out.warnings);
      walker.checks().start_budget_at(state.budget);
      consumer.value_begin(index, body.position(), body.remaining());
      if (!walk_top_value<Record>(walker, root_path_of<Record>)) {
        out.failure = walker.take_failure();
        return false;
      }
      state.budget = walker.checks().decoded_bytes();
      state.value_end = walker.position();
      consumer.value_end(state.value_end, body.size());
      return true;
    };
    error failure;
    if (walk_pickled(input, pickle_kind_of(wire), options, !format.all, out.warnings, failure, out.kind, walk_body)) {
      return true;
    }
    if (!out.failure) out.failure = std::move(failure);  // a body's walk stored its own
    return false;
  }
  return with_ndr_format(wire, [&](auto ndr) {
    return walk_ndr<Record, decltype(ndr)>(byte_reader(input), format.frame, options, out, consumer);
  });
}

// Walks the value(s) of record type Record that `format` says are in
// `input`. The (Record, format) pair must have passed check_format.
template <class Record, class Consumer>
[[nodiscard]] bool drive_walk(byte_span input, const wire_format& format, const decode_options& options,
                              walk_result& out, Consumer& consumer) {
  if (is_native(format.wire)) return drive_native_walk<Record>(input, format, options, out, consumer);
  if constexpr (record_schema<Record>::native_only) {
    out.failure = error{error_code::unsupported, 0, "", "the record exists only in x64/x86 memory images"};
    return false;  // check_format refuses this pair first
  } else {
    return drive_ndr_walk<Record>(input, format, options, out, consumer);
  }
}

}  // namespace dhcpm::detail
