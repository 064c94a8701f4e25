// The public dissect entry points: choose the layout (detecting a pickled
// input when none is given), refuse framings the layout cannot carry, and run
// the family's walk with a stream that guarantees the regions' tiling.
#include "dhcpm/dissect.hpp"

#include <string>
#include <utility>

#include "dissect/dissect_walks.hpp"
#include "dissect/region_output.hpp"

namespace dhcpm {
namespace {

error unsupported(std::string message) { return error{error_code::unsupported, 0, "", std::move(message)}; }

// A request the layout cannot carry, or std::nullopt.
std::optional<error> refuse(const dissect_request& request, layout wire) {
  if (!is_ndr(wire) && request.frame != framing::bare) {
    return unsupported("layout " + std::string(to_string(wire)) + " carries bare values, not framing " +
                       std::string(to_string(request.frame)));
  }
  if (request.type == value_type::array && request.frame == framing::response) {
    return unsupported("the opnum 98 response carries one client record, not an array");
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(region_kind kind) noexcept {
  switch (kind) {
    case region_kind::header: return "header";
    case region_kind::field: return "field";
    case region_kind::padding: return "padding";
    case region_kind::referent_id: return "referent-id";
    case region_kind::pointer: return "pointer";
    case region_kind::max_count: return "max-count";
    case region_kind::string_offset: return "string-offset";
    case region_kind::actual_count: return "actual-count";
    case region_kind::string_units: return "string-units";
    case region_kind::data_bytes: return "data-bytes";
    case region_kind::return_value: return "return-value";
    case region_kind::unreferenced: return "unreferenced";
    case region_kind::trailing: return "trailing";
  }
  return "unknown";
}

dissect_summary dissect(byte_span input, const dissect_request& request, const region_callback& on_region) {
  dissect_summary summary;
  const std::optional<layout> wire = request.wire ? request.wire : detect_layout(input);
  if (!wire) {
    summary.stopped = unsupported("the input has no type serialization header; name its layout");
    return summary;
  }
  summary.wire = *wire;
  if (std::optional<error> refused = refuse(request, *wire)) {
    summary.stopped = std::move(refused);
    return summary;
  }
  detail::region_stream out(on_region);
  if (is_native(*wire)) {
    detail::dissect_native(input, request, *wire, summary, out);
  } else if (is_pickle(*wire)) {
    detail::dissect_pickled(input, request, *wire, summary, out);
  } else {
    detail::dissect_ndr(input, request, *wire, summary, out);
  }
  summary.consumed = out.end();
  if (!out.fault().empty()) summary.stopped = error{error_code::internal_error, out.fault_offset(), "", out.fault()};
  return summary;
}

dissection dissect(byte_span input, const dissect_request& request) {
  dissection out;
  static_cast<dissect_summary&>(out) = dissect(input, request, [&out](const region& r) { out.regions.push_back(r); });
  return out;
}

}  // namespace dhcpm
