// The JSON form of values (the format of tests/vectors/README.md): field
// names of dhcpsapi.h in their order, dotted quads, FILETIMEs as one u64,
// strings as UTF-8 or {"utf16": [units]} when not valid UTF-16, null for NULL.
// Output is indented by one space, like the golden vectors, non-ASCII raw.
#pragma once

#include <optional>
#include <span>
#include <vector>
#include <string>
#include <string_view>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"

namespace dhcpm {

[[nodiscard]] std::string to_json(const client_info& value);
[[nodiscard]] std::string to_json(const std::optional<client_info>& value);  // null for NULL
// The failover record's members, then AddressStateEx.
[[nodiscard]] std::string to_json(const client_info_ex& value);
[[nodiscard]] std::string to_json(const client_info_array& value);
[[nodiscard]] std::string to_json(const std::optional<client_info_array>& value);
// {"ClientInfo": record or null, "ReturnValue": DWORD}
[[nodiscard]] std::string to_json(const get_client_info_response& value);

// A JSON list of values: what a buffer of several pickled values decodes to.
[[nodiscard]] std::string to_json(std::span<const client_info> values);
[[nodiscard]] std::string to_json(std::span<const client_info_array> values);

// Errors are error_code::invalid_json; the path names the offending field
// (`Clients[2].OwnerHost.IpAddress`), the offset is the byte offset in the text
// for syntax errors and 0 otherwise.
[[nodiscard]] result<client_info> client_from_json(std::string_view text);
[[nodiscard]] result<std::optional<client_info>> optional_client_from_json(std::string_view text);
[[nodiscard]] result<client_info_ex> client_ex_from_json(std::string_view text);
[[nodiscard]] result<client_info_array> array_from_json(std::string_view text);
[[nodiscard]] result<std::optional<client_info_array>> optional_array_from_json(std::string_view text);
// A JSON list of values; element paths start with their index (`[2].Flags`).
[[nodiscard]] result<std::vector<client_info>> client_list_from_json(std::string_view text);
[[nodiscard]] result<std::vector<client_info_array>> array_list_from_json(std::string_view text);
// Either {"ClientInfo": ..., "ReturnValue": ...} or a bare record (ReturnValue 0).
[[nodiscard]] result<get_client_info_response> response_from_json(std::string_view text);

// The JSON form of any Value of codec.hpp's framed_value: the function above
// that reads it (from_json<std::optional<client_info>> is optional_client_from_json).
template <class Value>
[[nodiscard]] result<Value> from_json(std::string_view text);
template <>
inline result<client_info> from_json(std::string_view text) { return client_from_json(text); }
template <>
inline result<std::optional<client_info>> from_json(std::string_view text) { return optional_client_from_json(text); }
template <>
inline result<client_info_array> from_json(std::string_view text) { return array_from_json(text); }
template <>
inline result<client_info_ex> from_json(std::string_view text) { return client_ex_from_json(text); }
template <>
inline result<std::optional<client_info_array>> from_json(std::string_view text) {
  return optional_array_from_json(text);
}
template <>
inline result<std::vector<client_info>> from_json(std::string_view text) { return client_list_from_json(text); }
template <>
inline result<std::vector<client_info_array>> from_json(std::string_view text) { return array_list_from_json(text); }
template <>
inline result<get_client_info_response> from_json(std::string_view text) { return response_from_json(text); }

}  // namespace dhcpm
