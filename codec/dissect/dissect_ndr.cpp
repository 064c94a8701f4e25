// Dissection of bare NDR 2.0 / NDR64 in every framing: the framings string
// together the walker's pieces exactly as ndr_codec.cpp does for decoding.
#include <string>

#include "dissect/dissect_walks.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"

namespace dhcpm::detail {
namespace {

template <class Walker>
bool walk_framed(Walker& walker, const dissect_request& request) {
  bool present = false;
  switch (request.frame) {
    case framing::bare:
      return walk_top_value(walker, request.type, {});
    case framing::ptr:
      return walker.top_pointer({}, present) && (!present || walk_top_value(walker, request.type, {}));
    case framing::response:
      return walker.top_pointer(response_root, present) && (!present || walker.top_record(response_root)) &&
             walker.return_value(return_value_path);
  }
  return false;
}

}  // namespace

void dissect_ndr(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                 dissect_summary& summary, region_stream& out) {
  with_ndr_format(wire, [&](auto format) {
    using F = decltype(format);
    region_sink sink(input, {F::byte_order, F::referent_mask, false}, out);
    ndr_walker<F, region_sink> walker(byte_reader(input), request.options, sink, summary.warnings);
    const bool walked = walk_framed(walker, request) && walker.end();
    sink.finish();
    if (!walked) {
      summary.stopped = walker.take_failure();
    } else if (walker.position() < input.size()) {  // lenient: the trailing bytes were a warning
      out.put(region{.offset = walker.position(), .length = input.size() - walker.position(), .kind = dhcpm::region_kind::trailing});
    }
    if (sink.out_of_bounds()) summary.stopped = region_out_of_bounds();
  });
}

}  // namespace dhcpm::detail
