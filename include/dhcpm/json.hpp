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

// The JSON text of any Value of codec.hpp's framed_value: a record type of
// record_types.hpp (a record: its fields in schema order; an _ARRAY:
// {"NumElements", "Clients"}), std::optional of one (null for NULL), the
// opnum 98 response ({"ClientInfo": record or null, "ReturnValue": DWORD}),
// or a list of values (std::vector or std::span: what a buffer of several
// pickled values decodes to).
template <class Value>
[[nodiscard]] std::string to_json(const Value& value);

// The Value a JSON text describes (the same Values as to_json). Errors are
// error_code::invalid_json; the path names the offending field
// (`Clients[2].OwnerHost.IpAddress`; in a list, elements start with their
// index: `[2].Flags`), the offset is the byte offset in the text for syntax
// errors and 0 otherwise. A response is either {"ClientInfo": ...,
// "ReturnValue": ...} or a bare record (ReturnValue 0).
template <class Value>
[[nodiscard]] result<Value> from_json(std::string_view text);

// The failover record's readers by name.
[[nodiscard]] inline result<client_info> client_from_json(std::string_view text) {
  return from_json<client_info>(text);
}
[[nodiscard]] inline result<std::optional<client_info>> optional_client_from_json(std::string_view text) {
  return from_json<std::optional<client_info>>(text);
}
[[nodiscard]] inline result<client_info_ex> client_ex_from_json(std::string_view text) {
  return from_json<client_info_ex>(text);
}
[[nodiscard]] inline result<client_info_array> array_from_json(std::string_view text) {
  return from_json<client_info_array>(text);
}
[[nodiscard]] inline result<std::optional<client_info_array>> optional_array_from_json(std::string_view text) {
  return from_json<std::optional<client_info_array>>(text);
}
[[nodiscard]] inline result<std::vector<client_info>> client_list_from_json(std::string_view text) {
  return from_json<std::vector<client_info>>(text);
}
[[nodiscard]] inline result<std::vector<client_info_array>> array_list_from_json(std::string_view text) {
  return from_json<std::vector<client_info_array>>(text);
}
[[nodiscard]] inline result<get_client_info_response> response_from_json(std::string_view text) {
  return from_json<get_client_info_response>(text);
}

}  // namespace dhcpm
