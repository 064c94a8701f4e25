// Dissection of native x64/x86 memory images. The walker follows pointers,
// so regions arrive in no particular order and may share bytes; they are
// collected and tiled over the whole image before they go out.
#include "dissect/dissect_walks.hpp"
#include "native/native_format.hpp"
#include "native/native_walker.hpp"

namespace dhcpm::detail {

void dissect_native(std::span<const std::uint8_t> input, const dissect_request& request, layout wire,
                    dissect_summary& summary, region_stream& out) {
  region_collector collected;
  const auto walk = [&](auto format) {
    using N = decltype(format);
    region_sink sink(input, {N::byte_order, UINT64_MAX, true}, collected);
    native_walker<N, region_sink> walker(input, request.base, request.options, sink, summary.warnings);
    const std::uint64_t at = request.at.value_or(request.base);
    const bool walked = request.type == value_type::client ? walker.top_record(at, {}) : walker.top_array(at, {});
    sink.finish();
    if (!walked) summary.stopped = walker.take_failure();
    if (sink.out_of_bounds()) summary.stopped = region_out_of_bounds();
  };
  if (wire == layout::x86) {
    walk(x86_format{});
  } else {
    walk(x64_format{});
  }
  tile_image(collected.regions, input.size());
  for (region& r : collected.regions) out.put(std::move(r));
}

}  // namespace dhcpm::detail
