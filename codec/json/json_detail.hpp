// Internals of the JSON codec, shared by its files (and by the unit tests).
// nlohmann::ordered_json keeps object members in insertion order, which is how
// the output keeps dhcpsapi.h's field order. Nothing here throws: nlohmann's
// exceptions are caught where nlohmann is called.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::detail {

using ordered_json = nlohmann::ordered_json;

// The shapes of Value that to_json and from_json take besides records:
// std::optional of one (null for NULL) and lists (std::vector, or a
// std::span to write).
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <class T>
inline constexpr bool is_list = false;
template <class T>
inline constexpr bool is_list<std::vector<T>> = true;
template <class T>
inline constexpr bool is_list<std::span<const T>> = true;

// --- json_scalars.cpp: the textual forms of IPs and byte strings -----------

// "192.168.1.10" for 0xC0A8010A: the most significant byte first.
[[nodiscard]] std::string format_ipv4(std::uint32_t address);
// Exactly four decimal parts 0..255; no sign, space, or leading zero (so that
// "010" cannot be read as octal by one tool and decimal by another).
[[nodiscard]] std::optional<std::uint32_t> parse_ipv4(std::string_view text) noexcept;
// Lowercase, two digits a byte.
[[nodiscard]] std::string format_hex(std::span<const std::uint8_t> data);
// An even number of hex digits, either case.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> parse_hex(std::string_view text);

// --- json_text.cpp: text <-> tree -------------------------------------------

// Syntax errors carry the 0-based byte offset where nlohmann stopped; a key
// that repeats in one object is an error too (nlohmann would keep one of them
// silently).
[[nodiscard]] result<ordered_json> parse_json_text(std::string_view text);
// One-space indent, non-ASCII written raw, no trailing newline.
[[nodiscard]] std::string dump_json(const ordered_json& value);

// --- json_write.cpp: values -> tree ---------------------------------------

[[nodiscard]] ordered_json string_to_json(const utf16_string& value);
// A record of any type (record_types.hpp), as to_json writes it.
[[nodiscard]] ordered_json any_record_to_json(const any_record& value);

// --- json_read_fields.cpp: one field at a time ----------------------------
// Each reader takes the enclosing object and the path of that object, and
// returns the error for the field (path = enclosing path + field name), or
// std::nullopt after storing the value.

using maybe_error = std::optional<error>;

[[nodiscard]] std::string join_path(std::string_view path, std::string_view field);
[[nodiscard]] std::string index_path(std::string_view path, std::size_t index);
[[nodiscard]] error json_error(std::string path, std::string message);
// What was found instead of what a field needs: "a string", "null", "-1" ...
[[nodiscard]] std::string describe_json(const ordered_json& value);

// value must be an object whose members are all in `fields` (any order);
// missing members are found later, by the field readers.
[[nodiscard]] maybe_error check_object(const ordered_json& value, std::string_view path,
                                       std::span<const std::string_view> fields);

[[nodiscard]] maybe_error read_u8(const ordered_json& object, std::string_view path, std::string_view field,
                                  std::uint8_t& out);
[[nodiscard]] maybe_error read_u16(const ordered_json& object, std::string_view path, std::string_view field,
                                   std::uint16_t& out);
[[nodiscard]] maybe_error read_u32(const ordered_json& object, std::string_view path, std::string_view field,
                                   std::uint32_t& out);
[[nodiscard]] maybe_error read_u64(const ordered_json& object, std::string_view path, std::string_view field,
                                   std::uint64_t& out);
[[nodiscard]] maybe_error read_ipv4(const ordered_json& object, std::string_view path, std::string_view field,
                                    std::uint32_t& out);
// A string, null (NULL pointer) or {"utf16": [units]}.
[[nodiscard]] maybe_error read_string(const ordered_json& object, std::string_view path, std::string_view field,
                                      utf16_string& out);
// The same rules on a value rather than a member (path is the value's own).
[[nodiscard]] maybe_error string_from_json(const ordered_json& value, const std::string& path, utf16_string& out);
[[nodiscard]] maybe_error read_binary(const ordered_json& object, std::string_view path, std::string_view field,
                                      binary_data& out);
// --- json_read.cpp ----------------------------------------------------------

// A record of `type` at `path`, as from_json reads it.
[[nodiscard]] maybe_error any_record_from_json(const ordered_json& value, const std::string& path, value_type type,
                                               any_record& out);

// A member that must be there: read(its value, its path), or "missing member".
[[nodiscard]] maybe_error read_member(const ordered_json& object, std::string_view path, std::string_view field,
                                      const std::function<maybe_error(const ordered_json&, const std::string&)>& read);

}  // namespace dhcpm::detail
