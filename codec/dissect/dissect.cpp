// The public dissect entry points: refuse what check_format refuses, put the
// regions of a pickled buffer's common header first, and run the
// driver's walk with the dissecting consumer and a stream that guarantees the
// regions' tiling.
#include "dhcpm/dissect.hpp"

#include <string>
#include <type_traits>
#include <utility>

#include "dhcpm/pickle.hpp"
#include "dissect/dissecting.hpp"
#include "dissect/pickle_regions.hpp"
#include "dissect/region_output.hpp"
#include "drive/prefix.hpp"
#include "drive/walk_driver.hpp"

namespace dhcpm {
namespace {

// A walker reported a region outside the input: a bug, never bad input.
error region_out_of_bounds() {
  return error{error_code::internal_error, 0, "", "a walker reported a region outside the input"};
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

namespace {

// dissect and dissect_prefix (`prefix`: the value may be followed by other bytes).
dissect_summary dissect_walk(byte_span input, value_type type, const wire_format& where, const decode_options& options,
                             const region_callback& on_region, bool prefix) {
  dissect_summary summary;
  const layout wire = where.wire;
  summary.wire = wire;
  wire_format format = where;
  format.all = is_pickle(wire);  // dissect shows every value of a pickled buffer
  if (std::optional<error> refused = check_format(type, format, false)) {
    summary.stopped = std::move(refused);
    return summary;
  }
  detail::region_stream out(on_region);
  std::optional<detail::pickle_stream> stream;
  if (is_pickle(wire)) {  // the common header's regions come first
    result<detail::pickle_stream> header = detail::read_common_header(input, pickle_kind_of(wire));
    if (!header) {
      summary.stopped = std::move(header).error_value();
      return summary;
    }
    stream = *header;
    summary.wire = to_layout(stream->kind);
    detail::put_common_header_regions(input, *stream, out);
  }
  detail::dissecting consumer(input, out, stream ? &*stream : nullptr);
  detail::walk_result walked;
  walked.prefix = prefix;
  if (prefix) consumer.stop_at_value_end();
  const bool ok = with_record_type(type, [&]<class Record>(std::type_identity<Record>) {
    return detail::drive_walk<Record>(input, format, options, walked, consumer);
  });
  consumer.finish(ok);
  summary.warnings = std::move(walked.warnings);
  if (!ok) summary.stopped = std::move(*walked.failure);
  if (consumer.out_of_bounds()) summary.stopped = region_out_of_bounds();
  summary.consumed = out.end();
  if (!out.fault().empty()) summary.stopped = error{error_code::internal_error, out.fault_offset(), "", out.fault()};
  return summary;
}

}  // namespace

dissect_summary dissect(byte_span input, value_type type, const wire_format& where, const decode_options& options,
                        const region_callback& on_region) {
  return dissect_walk(input, type, where, options, on_region, false);
}

namespace detail {
dissect_summary dissect_prefix(byte_span input, value_type type, const wire_format& format,
                               const decode_options& options, const region_callback& on_region) {
  return dissect_walk(input, type, format, options, on_region, true);
}
}  // namespace detail

dissection dissect(byte_span input, value_type type, const wire_format& format, const decode_options& options) {
  dissection out;
  static_cast<dissect_summary&>(out) =
      dissect(input, type, format, options, [&out](const region& r) { out.regions.push_back(r); });
  return out;
}

}  // namespace dhcpm
