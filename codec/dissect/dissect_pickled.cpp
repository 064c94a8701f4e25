// Dissection of type-serialized buffers: the common header, then for every
// value its private header, the NDR body (walked by the NDR walker inside
// walk_pickled, as decoding does) and the body's padding. Unlike decode, which
// wants one value unless told otherwise, dissect shows every value.
#include <optional>
#include <string>

#include "dhcpm/pickle.hpp"
#include "dissect/dissect_walks.hpp"
#include "dissect/pickle_regions.hpp"
#include "ndr/ndr_walker.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"

namespace dhcpm::detail {

void dissect_pickled(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                     dissect_summary& summary, region_stream& out) {
  const std::optional<pickle_kind> expect = pickle_kind_of(wire);
  result<pickle_stream> header = read_common_header(input, expect);
  if (!header) {
    summary.stopped = std::move(header).error_value();
    return;
  }
  const pickle_stream stream = *header;
  summary.wire = to_layout(stream.kind);
  put_common_header_regions(input, stream, out);

  bool out_of_bounds = false;
  error failure;
  const auto walk_body = [&](auto format, byte_reader body, std::size_t index, body_walk& state) {
    using F = decltype(format);
    const auto value_index = static_cast<std::uint32_t>(index);
    const std::size_t body_at = body.position();
    put_private_header_regions(input, stream, body_at - stream.private_header_size, value_index, out);
    region_sink sink(input, {F::byte_order, F::referent_mask, false}, out, value_index);
    ndr_walker<F, region_sink> walker(body, request.options, sink, summary.warnings);
    walker.checks().start_budget_at(state.budget);
    const bool walked = walk_top_value(walker, request.type, {});
    sink.finish();
    out_of_bounds = out_of_bounds || sink.out_of_bounds();
    if (!walked) {
      failure = walker.take_failure();
      return false;
    }
    state.budget = walker.checks().decoded_bytes();
    state.value_end = walker.position();
    // What follows the value in the body is its padding; walk_pickled checks it next.
    if (body.size() > state.value_end) {
      out.put(region{.offset = state.value_end,
                     .length = body.size() - state.value_end,
                     .kind = dhcpm::region_kind::padding,
                     .path = value_prefix(value_index),
                     .value_index = value_index});
    }
    return true;
  };
  pickle_kind kind{};
  if (!walk_pickled(input, expect, request.options, false, summary.warnings, failure, kind, walk_body)) {
    summary.stopped = std::move(failure);
  }
  if (out_of_bounds) summary.stopped = region_out_of_bounds();
}

}  // namespace dhcpm::detail
