// Error codes as stable identifiers and the one-line rendering of an error.
// The identifiers are part of the CLI contract: never rename them.
#include "dhcpm/error.hpp"

#include <cinttypes>
#include <cstdio>

namespace dhcpm {

std::string_view to_string(error_code code) noexcept {
  switch (code) {
    case error_code::truncated: return "truncated";
    case error_code::conformance_mismatch: return "conformance_mismatch";
    case error_code::nonzero_string_offset: return "nonzero_string_offset";
    case error_code::actual_count_exceeds_max: return "actual_count_exceeds_max";
    case error_code::missing_terminator: return "missing_terminator";
    case error_code::count_exceeds_input: return "count_exceeds_input";
    case error_code::trailing_bytes: return "trailing_bytes";
    case error_code::null_with_nonzero_size: return "null_with_nonzero_size";
    case error_code::invalid_header: return "invalid_header";
    case error_code::length_mismatch: return "length_mismatch";
    case error_code::nonzero_padding: return "nonzero_padding";
    case error_code::missing_trailing_pad: return "missing_trailing_pad";
    case error_code::pointer_out_of_image: return "pointer_out_of_image";
    case error_code::misaligned_pointer: return "misaligned_pointer";
    case error_code::overlapping_pointee: return "overlapping_pointee";
    case error_code::element_limit: return "element_limit";
    case error_code::string_limit: return "string_limit";
    case error_code::decoded_size_limit: return "decoded_size_limit";
    case error_code::value_out_of_range: return "value_out_of_range";
    case error_code::inconsistent_value: return "inconsistent_value";
    case error_code::invalid_json: return "invalid_json";
    case error_code::unsupported: return "unsupported";
    case error_code::invalid_referent_id: return "invalid_referent_id";
    case error_code::invalid_union_tag: return "invalid_union_tag";
    case error_code::internal_error: return "internal_error";
  }
  return "unknown";  // a value cast from outside the enumeration
}

std::string format_error(const error& e) {
  char offset[32];
  std::snprintf(offset, sizeof offset, "0x%" PRIx64, e.offset);
  std::string out{to_string(e.code)};
  out += " at offset ";
  out += offset;
  out += ": ";
  out += e.path.empty() ? std::string_view{"(value)"} : std::string_view{e.path};
  out += ": ";
  out += e.message;
  return out;
}

}  // namespace dhcpm
