#include "harness/family_harness.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/record_types.hpp"
#include "harness/cursor_agreement.hpp"
#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/record_mutator.hpp"
#include "harness/resource_bound.hpp"
#include "harness/structure_aware.hpp"

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
  // On three threads, with pieces small enough that every input with records is split.
  decode_options threaded = options;
  threaded.threads = 3;
  threaded.bytes_per_thread = 16;
  require_validate_agrees(failure, warnings, validate(input, type, format, threaded), what + " (3 threads)");
  if constexpr (is_record_array<Value>) {  // decode on three threads: the same error, or the same value
    const auto split = bounded(input.size(), what, [&] { return decode<Value>(input, format, threaded); });
    require(split.has_value() == got.has_value(), "decode on three threads accepts differently");
    if (split) {
      require(split->value == got->value && split->warnings == got->warnings, "decode on three threads differs");
    } else {
      require(split.error_value() == got.error_value(), "decode on three threads fails differently");
    }
  }
  require_cursor_agrees(type, input, wire, options, what);

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

// The kinds of type serialization a mutant is written as.
constexpr std::array pickle_kinds{layout::pickle_ndr20, layout::pickle_ndr20be, layout::pickle_ndr64,
                                  layout::pickle2_ndr20};

// The values of an input read leniently (several for a pickled buffer), and
// the layout they were in (for a pickled buffer, the kind its header names).
template <class Record>
std::vector<any_record> values_of(byte_span input, layout wire, layout& kind) {
  const decode_options lenient = fuzz_decode_options(input.size(), false);
  std::vector<any_record> out;
  if (wire == layout::pickle) {
    result<decoded<std::vector<Record>>> got = decode<std::vector<Record>>(input, {.wire = wire, .all = true}, lenient);
    if (!got) return out;
    for (Record& r : got->value) out.emplace_back(std::move(r));
    kind = got->wire;
  } else if (result<decoded<Record>> got = decode<Record>(input, {.wire = wire}, lenient)) {
    out.emplace_back(std::move(got->value));
  }
  return out;
}

template <class Record>
result<bytes> encode_values(const std::vector<any_record>& values, layout kind) {
  if (!is_pickle(kind)) return encode(std::get<Record>(values.front()), kind);
  std::vector<Record> list;
  for (const any_record& v : values) list.push_back(std::get<Record>(v));
  return encode(list, kind);
}

}  // namespace

std::size_t mutate_family(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
  generate_options small;
  small.max_elements = 3;
  realistic_generator g(seed, small);
  if (size < 2 || g.chance(25)) return LLVMFuzzerMutate(data, size, max_size);
  std::size_t t = data[0] % family_fuzz_types.size();
  std::size_t l = data[1] % family_fuzz_layouts.size();
  layout kind = pickle_kinds[g.below(pickle_kinds.size())];  // for a pickled buffer that does not decode
  std::vector<any_record> values = with_record_type(family_fuzz_types[t], [&](auto r) {
    return values_of<typename decltype(r)::type>(byte_span(data + 2, size - 2), family_fuzz_layouts[l], kind);
  });
  if (values.empty() || g.chance(5)) {  // no value of the type here, or now and then another type
    if (!values.empty()) t = static_cast<std::size_t>(g.below(family_fuzz_types.size()));
    values.assign(1, with_record_type(family_fuzz_types[t],
                                      [&](auto r) { return any_record(g.value<typename decltype(r)::type>()); }));
  }
  mutate_record(values[g.below(values.size())], g);
  if (g.chance(10)) {  // the same values in another layout
    l = static_cast<std::size_t>(g.below(family_fuzz_layouts.size()));
    if (values.size() > 1 && family_fuzz_layouts[l] != layout::pickle) values.resize(1);
  }
  const layout out = family_fuzz_layouts[l] == layout::pickle ? kind : family_fuzz_layouts[l];
  const result<bytes> encoded =
      with_record_type(family_fuzz_types[t], [&](auto r) { return encode_values<typename decltype(r)::type>(values, out); });
  if (!encoded || encoded->size() + 2 > max_size) return LLVMFuzzerMutate(data, size, max_size);
  data[0] = static_cast<std::uint8_t>(t);
  data[1] = static_cast<std::uint8_t>(l);
  std::memcpy(data + 2, encoded->data(), encoded->size());
  return encoded->size() + 2;
}

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
