// What the C API's translation units share: the definition behind the opaque
// dhcpm_value, the casts between dhcpm_client and client_info, error
// reporting into the caller's dhcpm_error, and the guard that keeps every
// exception on the C++ side of the boundary.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/dhcpm.h"
#include "dhcpm/dissect.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/utf16_string.hpp"

// The object behind a dhcpm_value handle. Global, to complete the C
// declaration `typedef struct dhcpm_value dhcpm_value`.
struct dhcpm_value {
  // Every record type of record_types.hpp: the alternative's index is the
  // value_type, and so the dhcpm_type.
  dhcpm::any_record content;
  // A NULL top-level pointer (ptr framing, or a response's ClientInfo). The
  // content is kept, so that dhcpm_value_set_null(v, 0) gives it back.
  bool is_null = false;
  std::uint32_t return_value = 0;     // response framing
  std::vector<dhcpm::error> warnings;  // lenient decoding

  // The failover record of a client value, or the failover members of an _EX value.
  [[nodiscard]] dhcpm::client_info* client() noexcept {
    if (auto* ex = std::get_if<dhcpm::client_info_ex>(&content)) return ex;
    return std::get_if<dhcpm::client_info>(&content);
  }
  [[nodiscard]] const dhcpm::client_info* client() const noexcept {
    return const_cast<dhcpm_value*>(this)->client();
  }
  [[nodiscard]] dhcpm_type type() const noexcept { return static_cast<dhcpm_type>(content.index()); }
  [[nodiscard]] dhcpm::client_info_array* array() noexcept {
    return std::get_if<dhcpm::client_info_array>(&content);
  }
  [[nodiscard]] const dhcpm::client_info_array* array() const noexcept {
    return std::get_if<dhcpm::client_info_array>(&content);
  }
};

// The object behind a dhcpm_value_list: the values of one pickled buffer.
struct dhcpm_value_list {
  std::vector<dhcpm_value> values;
  dhcpm_layout kind = DHCPM_LAYOUT_PICKLE;  // the pickle layout the header named
  std::vector<dhcpm::error> warnings;
};

namespace dhcpm::capi {

// dhcpm_type and value_type number the record types alike.
static_assert(static_cast<int>(value_type::client) == DHCPM_TYPE_CLIENT &&
              static_cast<int>(value_type::array) == DHCPM_TYPE_ARRAY &&
              static_cast<int>(value_type::client_ex) == DHCPM_TYPE_CLIENT_EX &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO) == DHCPM_TYPE_DHCP_CLIENT_INFO &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_V4) == DHCPM_TYPE_DHCP_CLIENT_INFO_V4 &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_V5) == DHCPM_TYPE_DHCP_CLIENT_INFO_V5 &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_VQ) == DHCPM_TYPE_DHCP_CLIENT_INFO_VQ &&
              static_cast<int>(value_type::DHCP_CLIENT_FILTER_STATUS_INFO) ==
                  DHCPM_TYPE_DHCP_CLIENT_FILTER_STATUS_INFO &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_PB) == DHCPM_TYPE_DHCP_CLIENT_INFO_PB &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_ARRAY) == DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_ARRAY_V4) == DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_V4 &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_ARRAY_V5) == DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_V5 &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_ARRAY_VQ) == DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_VQ &&
              static_cast<int>(value_type::DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY) ==
                  DHCPM_TYPE_DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY &&
              static_cast<int>(value_type::DHCP_CLIENT_INFO_PB_ARRAY) == DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY &&
              record_type_count == DHCPM_TYPE_COUNT);
[[nodiscard]] inline std::optional<value_type> to_value_type(dhcpm_type type) noexcept {
  for (const value_type t : all_value_types) {
    if (static_cast<int>(t) == static_cast<int>(type)) return t;
  }
  return std::nullopt;
}
[[nodiscard]] inline dhcpm_type from_value_type(value_type type) noexcept { return static_cast<dhcpm_type>(type); }

// dhcpm_client is never defined: a dhcpm_client* is a client_info* in
// disguise, cast there and back (a round trip that keeps the pointer value).
[[nodiscard]] inline const dhcpm_client* wrap(const client_info* c) noexcept {
  return reinterpret_cast<const dhcpm_client*>(c);
}
[[nodiscard]] inline dhcpm_client* wrap(client_info* c) noexcept { return reinterpret_cast<dhcpm_client*>(c); }
[[nodiscard]] inline const client_info* unwrap(const dhcpm_client* c) noexcept {
  return reinterpret_cast<const client_info*>(c);
}
[[nodiscard]] inline client_info* unwrap(dhcpm_client* c) noexcept { return reinterpret_cast<client_info*>(c); }

// Non-NULL pointers for empty non-NULL strings and Data, so that a NULL
// pointer always means a NULL field.
inline constexpr std::uint16_t no_units[1] = {0};
inline constexpr std::uint8_t no_bytes[1] = {0};

// A string's units as the C API hands them out: NULL and 0 for a NULL
// string, a non-NULL pointer (no_units) and 0 for an empty one. char16_t and
// uint16_t have one size and representation; C sees uint16_t.
inline void units_of(const utf16_string& text, const std::uint16_t** units, std::size_t* count) noexcept {
  *count = text.is_null() ? 0 : text.size();
  *units = text.is_null()     ? nullptr
           : text.size() == 0 ? no_units
                              : reinterpret_cast<const std::uint16_t*>(text.units().data());
}

// Where the record a variant holds is: what a dhcpm_record points to.
[[nodiscard]] inline const void* address_of(const any_record& record) noexcept {
  return std::visit([](const auto& r) -> const void* { return &r; }, record);
}

// Sets *out (when given) to DHCPM_OK with an empty path and message.
void clear_error(dhcpm_error* out) noexcept;
// Copies e into *out (when given), cutting path and message to fit, and
// returns its code as a status.
dhcpm_status report(dhcpm_error* out, const error& e) noexcept;
// A C API failure that has no library error behind it.
dhcpm_status report(dhcpm_error* out, dhcpm_status status, std::string_view message,
                    std::string_view path = {}) noexcept;

[[nodiscard]] inline dhcpm_status status_of(error_code code) noexcept { return static_cast<dhcpm_status>(code); }

// The library's layout for a C layout; std::nullopt for DHCPM_LAYOUT_AUTO and
// for values outside the enumeration.
[[nodiscard]] std::optional<layout> to_layout(dhcpm_layout wire) noexcept;
[[nodiscard]] dhcpm_layout from_layout(layout wire) noexcept;
// The C options as the library's (the defaults for NULL).
[[nodiscard]] decode_options to_options(const dhcpm_decode_options* options) noexcept;
// Sets wire to format's layout, DHCPM_LAYOUT_AUTO resolved against the
// input; reports (into *out) a layout that is unknown or cannot be detected.
[[nodiscard]] dhcpm_status resolve_layout(const dhcpm_format& format, const std::uint8_t* data, std::size_t size,
                                          layout& wire, dhcpm_error* out) noexcept;

// The library's wire_format for a C format whose layout resolved to `wire`
// (`all`: every value of a pickled buffer); reports a framing outside the
// enumeration. The C API's one mapping of dhcpm_format: decode, encode,
// dissect and the pickled calls all go through it, and through check_format.
[[nodiscard]] dhcpm_status to_wire_format(const dhcpm_format& format, layout wire, bool all, wire_format& to,
                                          dhcpm_error* out) noexcept;

// Copies encoded bytes into a malloc'd buffer for the caller (dhcpm_free):
// never NULL on success, even for no bytes.
[[nodiscard]] dhcpm_status hand_over(const std::vector<std::uint8_t>& encoded, std::uint8_t** bytes,
                                     std::size_t* size, dhcpm_error* out) noexcept;

// A string as UTF-8 into the caller's buffer, as dhcpm_client_string_utf8
// documents: length always set; DHCPM_ERR_BUFFER_TOO_SMALL when it does not
// fit with its NUL; DHCPM_ERR_INVALID_UTF16 for units UTF-8 cannot hold.
[[nodiscard]] dhcpm_status copy_utf8(const utf16_string& text, char* buffer, std::size_t capacity, std::size_t& length);

// Copies text into a malloc'd, NUL-terminated buffer for the caller (dhcpm_free).
[[nodiscard]] dhcpm_status hand_over_text(const std::string& text, char** json, std::size_t* length,
                                          dhcpm_error* out) noexcept;

// Runs a dissection (walk, given the library's region callback) and hands
// each region to a C callback until it asks to stop; fills the summary and
// reports where the walk stopped. dhcpm_dissect and dhcpm_dissect_call.
[[nodiscard]] dhcpm_status dissect_to_c(dhcpm_region_callback callback, void* user_data, dhcpm_dissect_summary* summary,
                                        dhcpm_error* error,
                                        const std::function<dissect_summary(const region_callback&)>& walk);

// Runs body (which returns a dhcpm_status and reports its own errors) and
// turns any exception into a status: memory exhaustion, or a bug.
template <class Body>
[[nodiscard]] dhcpm_status guarded(dhcpm_error* out, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return report(out, DHCPM_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return report(out, DHCPM_ERR_INTERNAL, e.what());
  } catch (...) {
    return report(out, DHCPM_ERR_INTERNAL, "an unknown exception reached the C API");
  }
}

}  // namespace dhcpm::capi
