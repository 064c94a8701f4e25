// The C API's version, status names and error structs.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "capi/capi_detail.hpp"

#ifndef DHCPM_LIBRARY_VERSION
#error "the build defines DHCPM_LIBRARY_VERSION as the project's version"
#endif
// The header's version macros are written by hand: keep them the project's.
static_assert(std::string_view{DHCPM_VERSION_STRING} == std::string_view{DHCPM_LIBRARY_VERSION},
              "DHCPM_VERSION_* in include/dhcpm/dhcpm.h differ from project(VERSION) in CMakeLists.txt");

namespace dhcpm::capi {
namespace {

// The library's codes cross the boundary by number, so the numbers must agree.
static_assert(DHCPM_ERR_TRUNCATED == static_cast<int>(error_code::truncated));
static_assert(DHCPM_ERR_CONFORMANCE_MISMATCH == static_cast<int>(error_code::conformance_mismatch));
static_assert(DHCPM_ERR_NONZERO_STRING_OFFSET == static_cast<int>(error_code::nonzero_string_offset));
static_assert(DHCPM_ERR_ACTUAL_COUNT_EXCEEDS_MAX == static_cast<int>(error_code::actual_count_exceeds_max));
static_assert(DHCPM_ERR_MISSING_TERMINATOR == static_cast<int>(error_code::missing_terminator));
static_assert(DHCPM_ERR_COUNT_EXCEEDS_INPUT == static_cast<int>(error_code::count_exceeds_input));
static_assert(DHCPM_ERR_TRAILING_BYTES == static_cast<int>(error_code::trailing_bytes));
static_assert(DHCPM_ERR_NULL_WITH_NONZERO_SIZE == static_cast<int>(error_code::null_with_nonzero_size));
static_assert(DHCPM_ERR_INVALID_HEADER == static_cast<int>(error_code::invalid_header));
static_assert(DHCPM_ERR_LENGTH_MISMATCH == static_cast<int>(error_code::length_mismatch));
static_assert(DHCPM_ERR_NONZERO_PADDING == static_cast<int>(error_code::nonzero_padding));
static_assert(DHCPM_ERR_MISSING_TRAILING_PAD == static_cast<int>(error_code::missing_trailing_pad));
static_assert(DHCPM_ERR_POINTER_OUT_OF_IMAGE == static_cast<int>(error_code::pointer_out_of_image));
static_assert(DHCPM_ERR_MISALIGNED_POINTER == static_cast<int>(error_code::misaligned_pointer));
static_assert(DHCPM_ERR_OVERLAPPING_POINTEE == static_cast<int>(error_code::overlapping_pointee));
static_assert(DHCPM_ERR_ELEMENT_LIMIT == static_cast<int>(error_code::element_limit));
static_assert(DHCPM_ERR_STRING_LIMIT == static_cast<int>(error_code::string_limit));
static_assert(DHCPM_ERR_DECODED_SIZE_LIMIT == static_cast<int>(error_code::decoded_size_limit));
static_assert(DHCPM_ERR_VALUE_OUT_OF_RANGE == static_cast<int>(error_code::value_out_of_range));
static_assert(DHCPM_ERR_INCONSISTENT_VALUE == static_cast<int>(error_code::inconsistent_value));
static_assert(DHCPM_ERR_INVALID_JSON == static_cast<int>(error_code::invalid_json));
static_assert(DHCPM_ERR_UNSUPPORTED == static_cast<int>(error_code::unsupported));
static_assert(DHCPM_ERR_INVALID_REFERENT_ID == static_cast<int>(error_code::invalid_referent_id));
static_assert(DHCPM_ERR_INVALID_UNION_TAG == static_cast<int>(error_code::invalid_union_tag));
static_assert(DHCPM_ERR_INTERNAL == static_cast<int>(error_code::internal_error));

// Copies text into a fixed char array, NUL-terminated, cut to fit.
template <std::size_t N>
void copy_cut(char (&to)[N], std::string_view text) noexcept {
  const std::size_t n = std::min(text.size(), N - 1);
  if (n != 0) std::memcpy(to, text.data(), n);  // an empty view's data() may be NULL
  to[n] = '\0';
}

}  // namespace

void clear_error(dhcpm_error* out) noexcept {
  if (out == nullptr) return;
  out->code = DHCPM_OK;
  out->offset = 0;
  out->path[0] = '\0';
  out->message[0] = '\0';
}

dhcpm_status report(dhcpm_error* out, const error& e) noexcept {
  const dhcpm_status status = status_of(e.code);
  if (out != nullptr) {
    out->code = status;
    out->offset = e.offset;
    copy_cut(out->path, e.path);
    copy_cut(out->message, e.message);
  }
  return status;
}

dhcpm_status report(dhcpm_error* out, dhcpm_status status, std::string_view message,
                    std::string_view path) noexcept {
  if (out != nullptr) {
    out->code = status;
    out->offset = 0;
    copy_cut(out->path, path);
    copy_cut(out->message, message);
  }
  return status;
}

}  // namespace dhcpm::capi

extern "C" {

const char* dhcpm_version(void) noexcept { return DHCPM_LIBRARY_VERSION; }

const char* dhcpm_status_name(dhcpm_status status) noexcept {
  switch (status) {
    case DHCPM_OK: return "ok";
    case DHCPM_ERR_INVALID_ARGUMENT: return "invalid_argument";
    case DHCPM_ERR_OUT_OF_MEMORY: return "out_of_memory";
    case DHCPM_ERR_BUFFER_TOO_SMALL: return "buffer_too_small";
    case DHCPM_ERR_INVALID_UTF16: return "invalid_utf16";
    case DHCPM_ERR_INVALID_UTF8: return "invalid_utf8";
    default: break;
  }
  // The library's names are string literals, so .data() is NUL-terminated;
  // an unknown number gives its "unknown".
  return dhcpm::to_string(static_cast<dhcpm::error_code>(status)).data();
}

size_t dhcpm_error_format(const dhcpm_error* error, char* buffer, size_t capacity) noexcept {
  if (error == nullptr) {
    if (capacity > 0 && buffer != nullptr) buffer[0] = '\0';
    return 0;
  }
  const char* path = error->path[0] != '\0' ? error->path : "(value)";
  char scratch[1];
  char* target = (buffer != nullptr && capacity > 0) ? buffer : scratch;
  const std::size_t room = (buffer != nullptr && capacity > 0) ? capacity : sizeof scratch;
  const int n = std::snprintf(target, room, "%s at offset 0x%" PRIx64 ": %s: %s", dhcpm_status_name(error->code),
                              error->offset, path, error->message);
  return n < 0 ? 0 : static_cast<size_t>(n);
}

}  // extern "C"
