#include "harness/decode_harness.hpp"

#include <string>

#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"

namespace dhcpm::fuzz {
namespace {

// What holds for the outcome of any decode, accepted or not.
void check_outcome(const std::optional<error>& failure, const std::vector<error>& warnings,
                   const decode_options& options, const std::string& what) {
  if (failure) require_no_internal_error(*failure, what);
  for (const error& w : warnings) require_no_internal_error(w, what + " (warning)");
  require(options.strict ? warnings.empty() : warnings.size() <= options.max_warnings,
          "warnings break strict mode or max_warnings");
}

// A decoded array is well formed whatever the bytes were.
void check_array(const client_info_array& a, bool strict) {
  if (!a.clients) return;
  require(a.clients->record_count() <= a.clients->size(), "an array has more records than elements");
  if (strict) {
    require(a.clients->size() == a.num_elements, "a strict decode gave Clients a size other than NumElements");
  }
}

void check_value(const any_value& value, bool strict) {
  if (const auto* a = std::get_if<client_info_array>(&value)) check_array(*a, strict);
  if (const auto* p = std::get_if<std::optional<client_info_array>>(&value); p != nullptr && p->has_value()) {
    check_array(**p, strict);
  }
}

// validate() of the input as `shape` agrees with its decode (require_validate_agrees).
void validate_agrees(byte_span input, const value_shape& shape, const decode_options& options,
                     const test::decode_outcome& decoded, const std::string& what) {
  const value_type type = shape.type == value_kind::array ? value_type::array : value_type::client;
  const result<std::vector<error>> validated = validate(input, type, wire_format{shape.wire, shape.frame}, options);
  require_validate_agrees(decoded.ok() ? std::nullopt : std::optional<error>(decoded.failure), decoded.warnings,
                          validated, what);
}

template <class T>
void decode_pickled_list(byte_span input, const decode_options& options, const std::string& what) {
  const auto outcome = bounded(input.size(), what, [&] { return decode_pickled<T>(input, std::nullopt, options); });
  check_outcome(outcome ? std::nullopt : std::optional<error>(outcome.error_value()),
                outcome ? outcome->warnings : std::vector<error>{}, options, what);
  if (outcome) require(!outcome->values.empty(), "a pickled buffer decoded to no value");
}

}  // namespace

int fuzz_decode(layout wire, value_kind type, const std::uint8_t* data, std::size_t size) {
  const exact_copy input(data, size);
  for (const bool strict : {true, false}) {
    const decode_options options = fuzz_decode_options(size, strict);
    const std::string mode = strict ? " strict" : " lenient";
    for (const value_shape& shape : decode_shapes(wire, type)) {
      const std::string what = "decode " + describe(shape) + mode;
      const test::decode_outcome outcome = bounded(size, what, [&] {
        return test::decode_as(shape.type, shape.frame, shape.wire, input.bytes(), options);
      });
      check_outcome(outcome.ok() ? std::nullopt : std::optional<error>(outcome.failure), outcome.warnings, options,
                    what);
      if (outcome.ok()) check_value(*outcome.value, strict);
      validate_agrees(input.bytes(), shape, options, outcome, what);
    }
    // Type serialization may carry several values after one header.
    if (wire == layout::pickle) {
      const std::string what = "decode_pickled " + std::string(to_string(type)) + mode;
      if (type == value_kind::client) {
        decode_pickled_list<client_info>(input.bytes(), options, what);
      } else {
        decode_pickled_list<client_info_array>(input.bytes(), options, what);
      }
    }
  }
  return 0;
}

}  // namespace dhcpm::fuzz
