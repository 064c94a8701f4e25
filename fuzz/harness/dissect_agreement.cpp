#include "harness/dissect_agreement.hpp"

#include <string>
#include <type_traits>

#include "dhcpm/dissect.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/value_shapes.hpp"

namespace dhcpm::fuzz {
namespace {

// What a decoder said about the input, in the form dissect says it.
struct decode_verdict {
  std::optional<error> failure;
  std::vector<error> warnings;
};

template <class R>
decode_verdict verdict_of(const R& r) {
  if (!r) return {r.error_value(), {}};
  return {std::nullopt, r->warnings};
}

decode_verdict decode_verdict_of(byte_span input, layout wire, value_kind type, framing frame,
                                 const decode_options& options) {
  if (is_pickle(wire)) {
    const std::optional<pickle_kind> kind = pickle_kind_of(wire);
    if (type == value_kind::client) return verdict_of(decode_pickled<client_info>(input, kind, options));
    return verdict_of(decode_pickled<client_info_array>(input, kind, options));
  }
  test::decode_outcome outcome = test::decode_as(type, frame, wire, input, options);
  if (!outcome.ok()) return {outcome.failure, {}};
  return {std::nullopt, std::move(outcome.warnings)};
}

bool same_error(const error& a, const error& b) { return a.code == b.code && a.offset == b.offset && a.path == b.path; }

std::string describe_errors(const std::optional<error>& failure, const std::vector<error>& warnings) {
  return (failure ? test::describe(*failure) : std::string("(accepted)")) + "; warnings:" + test::describe(warnings);
}

void require_tiling(const dissection& d, std::size_t input_size, const std::string& what) {
  std::size_t end = 0;
  for (const region& r : d.regions) {
    if (r.offset != end || r.length == 0) {
      report_bug("dissect regions do not tile the input", what + ": a region at " + std::to_string(r.offset) +
                                                              " of length " + std::to_string(r.length) +
                                                              " follows the end " + std::to_string(end));
    }
    end = r.offset + r.length;
  }
  require(end == d.consumed && d.consumed <= input_size, "dissect's regions do not end where it says it stopped");
  require(d.stopped || d.consumed == input_size, "a complete dissection leaves bytes out");
}

void require_agreement(byte_span input, layout wire, value_kind type, framing frame, const decode_options& options) {
  const std::string what = describe(value_shape{wire, type, frame}) + (options.strict ? " strict" : " lenient");
  const dissection d = dissect(input, type == value_kind::client ? value_type::client : value_type::array,
                               wire_format{.wire = wire, .frame = frame}, options);
  if (d.stopped) require_no_internal_error(*d.stopped, "dissect " + what);
  const decode_verdict decoded = decode_verdict_of(input, wire, type, frame, options);
  const bool same_outcome = d.stopped.has_value() == decoded.failure.has_value() &&
                            (!d.stopped || same_error(*d.stopped, *decoded.failure));
  // A failed decode returns its error alone; dissect also keeps the warnings before it.
  const bool same_warnings = d.stopped || std::equal(d.warnings.begin(), d.warnings.end(), decoded.warnings.begin(),
                                                     decoded.warnings.end(), same_error);
  if (!same_outcome || !same_warnings) {
    report_bug("dissect and decoding disagree", what + "\ndissect: " + describe_errors(d.stopped, d.warnings) +
                                                    "\ndecode:  " + describe_errors(decoded.failure, decoded.warnings));
  }
  require_tiling(d, input.size(), what);
}

}  // namespace

void require_dissect_agrees(byte_span input, const decode_options& options) {
  for (layout wire : all_layouts) {
    for (value_kind type : {value_kind::client, value_kind::array}) {
      for (const value_shape& shape : decode_shapes(wire, type)) {
        require_agreement(input, shape.wire, shape.type, shape.frame, options);
      }
    }
  }
}

}  // namespace dhcpm::fuzz
