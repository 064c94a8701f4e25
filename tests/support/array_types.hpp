// Test helpers over the _ARRAY types and the stubs that carry one, shared by
// the cursor and view agreement tests.
#pragma once

#include <cstddef>
#include <optional>

#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::test {

// Calls body(std::type_identity<Array>) when `type` is an _ARRAY type.
template <class Body>
void with_array_type(value_type type, Body&& body) {
  with_record_type(type, [&](auto t) {
    using Record = typename decltype(t)::type;
    if constexpr (is_record_array<Record>) body(t);
  });
}

inline bool is_array_type(value_type type) {
  bool yes = false;
  with_array_type(type, [&](auto) { yes = true; });
  return yes;
}

// The one record parameter of a stub when it is an _ARRAY and the others are
// DWORDs (an enumeration response): what a cursor or a view of a stub reads.
inline std::optional<std::size_t> array_param(call_stub_type type) {
  std::optional<std::size_t> found;
  const auto params = type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].kind == param_kind::unique_string) return std::nullopt;
    if (params[i].kind == param_kind::ref_record || params[i].kind == param_kind::unique_record) {
      if (found || !is_array_type(params[i].type)) return std::nullopt;
      found = i;
    }
  }
  return found;
}

}  // namespace dhcpm::test
