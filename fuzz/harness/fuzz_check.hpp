// How a fuzz target reports a bug: it prints what went wrong and aborts, which
// libFuzzer (and the replay main under CTest) records as a crash. Bad input is
// never a bug; an internal_error code, two decoders that disagree, a value
// that does not survive a round trip or a broken resource bound always is
// (STYLE.md habit 5).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhcpm/dissect.hpp"
#include "dhcpm/error.hpp"

namespace dhcpm::fuzz {

[[noreturn]] void report_bug(std::string_view what, std::string_view detail = {});

inline void require(bool condition, std::string_view what) {
  if (!condition) report_bug(what);
}

// error_code::internal_error is dhcpm saying "this is my bug".
void require_no_internal_error(const error& e, std::string_view what);
template <class T>
void require_no_internal_error(const result<T>& r, std::string_view what) {
  if (!r) require_no_internal_error(r.error_value(), what);
}

// validate() walks like decoding and builds nothing: it must accept the
// input decode accepted (`failure` empty) with the same warnings, and refuse
// the others with the same error.
void require_validate_agrees(const std::optional<error>& failure, const std::vector<error>& warnings,
                             const result<std::vector<error>>& validated, const std::string& what);

// Dissection of the same input stops where decode did (`failure`), or, when
// decode succeeded, runs to the end; with `tiles`, its regions then cover
// [0, d.consumed) without a gap or an overlap.
void require_dissect_agrees(const std::optional<error>& failure, const dissection& d, bool tiles,
                            const std::string& what);

}  // namespace dhcpm::fuzz
