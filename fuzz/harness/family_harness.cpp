#include "harness/family_harness.hpp"

#include <optional>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/record_types.hpp"
#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"

namespace dhcpm::fuzz {
namespace {

// decode and validate of one input, compared; then dissect and the round
// trip. Value is a Record, or for a pickled buffer every Record in it (as
// dissect shows them all).
template <class Value>
void check_type(value_type type, layout wire, byte_span input, bool strict) {
  const decode_options options = fuzz_decode_options(input.size(), strict);
  const wire_format format{.wire = wire, .all = wire == layout::pickle};
  const std::string what =
      "decode " + std::string(to_string(type)) + " " + std::string(to_string(wire)) + (strict ? " strict" : " lenient");
  const auto got = bounded(input.size(), what, [&] { return decode<Value>(input, format, options); });
  const std::optional<error> failure = got ? std::nullopt : std::optional<error>(got.error_value());
  if (failure) require_no_internal_error(*failure, what);
  const std::vector<error> warnings = got ? got->warnings : std::vector<error>{};
  for (const error& w : warnings) require_no_internal_error(w, what + " (warning)");
  require(strict ? warnings.empty() : warnings.size() <= options.max_warnings,
          "warnings break strict mode or max_warnings");

  require_validate_agrees(failure, warnings, validate(input, type, format, options), what);

  // NDR and pickled bytes: the regions tile what was consumed (an image's are tiled by dissect itself).
  require_dissect_agrees(failure, dissect(input, type, format, options), !is_native(wire), what);

  if (!got || !strict) return;
  // What strict decoding accepts encodes, and reads back as itself.
  const layout out = wire == layout::pickle ? got->wire : wire;  // the pickle kind its header named
  const result<bytes> again = encode(got->value, out);
  if (!again) report_bug("a value strict decoding accepted does not encode", what + "\n" + format_error(again.error_value()));
  const result<decoded<Value>> back = decode<Value>(*again, format);
  require(back.has_value() && back->value == got->value, "a re-encoded value does not decode to itself");
}

}  // namespace

int fuzz_decode_family(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const value_type type = family_fuzz_types[data[0] % family_fuzz_types.size()];
  const layout wire = family_fuzz_layouts[data[1] % family_fuzz_layouts.size()];
  const exact_copy input(data + 2, size - 2);
  with_record_type(type, [&](auto t) {
    using Record = typename decltype(t)::type;
    for (const bool strict : {true, false}) {
      if (wire == layout::pickle) {
        check_type<std::vector<Record>>(type, wire, input.bytes(), strict);
      } else {
        check_type<Record>(type, wire, input.bytes(), strict);
      }
    }
  });
  return 0;
}

}  // namespace dhcpm::fuzz
