#include "harness/call_harness.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dhcpm/dissect.hpp"
#include "dhcpm/generate.hpp"
#include "harness/cursor_agreement.hpp"
#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/record_mutator.hpp"
#include "harness/resource_bound.hpp"
#include "harness/structure_aware.hpp"

namespace dhcpm::fuzz {
namespace {

constexpr std::size_t stub_types = 2 * call_table.size();

call_stub_type stub_type_of(std::uint8_t selector) {
  const std::size_t i = selector % stub_types;
  return {i / 2, i % 2 == 0 ? direction::request : direction::response};
}

void check_stub(call_stub_type type, layout wire, byte_span input, bool strict) {
  const decode_options options = fuzz_decode_options(input.size(), strict);
  const std::string what = std::string(type.info().method) + " " + std::string(to_string(type.dir)) + " " +
                           std::string(to_string(wire)) + (strict ? " strict" : " lenient");
  const auto got = bounded(input.size(), what, [&] { return decode_call(input, type, wire, options); });
  const std::optional<error> failure = got ? std::nullopt : std::optional<error>(got.error_value());
  if (failure) require_no_internal_error(*failure, what);
  const std::vector<error> warnings = got ? got->warnings : std::vector<error>{};
  for (const error& w : warnings) require_no_internal_error(w, what + " (warning)");
  require(strict ? warnings.empty() : warnings.size() <= options.max_warnings,
          "warnings break strict mode or max_warnings");

  require_validate_agrees(failure, warnings, validate_call(input, type, wire, options), what);
  require_call_cursor_agrees(type, input, wire, options, got, what);

  const dissection d = dissect_call(input, type, wire, options);
  require_dissect_agrees(failure, d, true, what);
  require(failure || d.consumed == input.size(), "dissect's regions do not cover the stub");

  if (!got || !strict) return;
  const result<bytes> again = encode_call(got->value, wire);
  if (!again) report_bug("a stub strict decoding accepted does not encode", what + "\n" + format_error(again.error_value()));
  const result<decoded<call_stub>> back = decode_call(*again, type, wire);
  require(back.has_value() && back->value == got->value, "a re-encoded stub does not decode to itself");
}

// One parameter of `stub` changed; false when there was nothing to change.
void mutate_param(call_stub& stub, realistic_generator& g) {
  const auto params = stub.type.params();
  const std::size_t i = static_cast<std::size_t>(g.below(params.size()));
  const param_info& p = params[i];
  param_value& value = stub.params[i];
  switch (p.kind) {
    case param_kind::dword:
    case param_kind::return_value: {
      static constexpr std::uint32_t corners[] = {0, 1, 234, 259, 20013, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF};
      value = g.chance(50) ? corners[g.below(std::size(corners))] : static_cast<std::uint32_t>(g.below(1ull << 32));
      return;
    }
    case param_kind::unique_string: {
      const unsigned draw = static_cast<unsigned>(g.below(3));
      value = draw == 0 ? utf16_string::null()
                        : *utf16_string::from_utf8(draw == 1 ? std::string() : "dhcp" + std::to_string(g.below(100)));
      return;
    }
    case param_kind::ref_record:
    case param_kind::unique_record: {
      if (p.kind == param_kind::unique_record && g.chance(30)) {
        value = std::optional<any_record>{};
        return;
      }
      // Half the time the record itself changes, over its schema.
      any_record* held = std::get_if<any_record>(&value);
      if (auto* unique = std::get_if<std::optional<any_record>>(&value); unique != nullptr && unique->has_value()) {
        held = &**unique;
      }
      if (held != nullptr && g.chance(50)) {
        mutate_record(*held, g);
        return;
      }
      any_record fresh = with_record_type(p.type, [&](auto t) { return any_record(g.value<typename decltype(t)::type>()); });
      if (p.kind == param_kind::ref_record) {
        value = std::move(fresh);
      } else {
        value = std::optional<any_record>(std::move(fresh));
      }
      return;
    }
  }
}

}  // namespace

int fuzz_decode_call(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const call_stub_type type = stub_type_of(data[0]);
  const layout wire = call_fuzz_layouts[data[1] % call_fuzz_layouts.size()];
  const exact_copy input(data + 2, size - 2);
  for (const bool strict : {true, false}) check_stub(type, wire, input.bytes(), strict);
  return 0;
}

std::size_t mutate_call(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
  generate_options small;
  small.max_elements = 3;
  realistic_generator g(seed, small);
  if (size < 2 || g.chance(25)) return LLVMFuzzerMutate(data, size, max_size);
  call_stub_type type = stub_type_of(data[0]);
  const layout wire = call_fuzz_layouts[data[1] % call_fuzz_layouts.size()];
  decode_options lenient = fuzz_decode_options(size, false);
  result<decoded<call_stub>> got = decode_call(byte_span(data + 2, size - 2), type, wire, lenient);
  call_stub stub = got ? std::move(got->value) : generate_call(type, g);
  if (g.chance(5)) {  // another call: a new stub of it
    type = stub_type_of(static_cast<std::uint8_t>(g.below(stub_types)));
    stub = generate_call(type, g);
  } else {
    mutate_param(stub, g);
  }
  const layout out = g.chance(10) ? call_fuzz_layouts[g.below(call_fuzz_layouts.size())] : wire;
  const result<bytes> encoded = encode_call(stub, out);
  if (!encoded || encoded->size() + 2 > max_size) return LLVMFuzzerMutate(data, size, max_size);
  const std::vector<std::uint8_t> selector = call_selector(type, out);
  std::memcpy(data, selector.data(), 2);
  std::memcpy(data + 2, encoded->data(), encoded->size());
  return encoded->size() + 2;
}

}  // namespace dhcpm::fuzz
