// The text of a region's value, decoded from its raw bytes: dotted addresses,
// names of bClientType / AddressState / Status, FILETIMEs as UTC, JSON-quoted
// strings, hex Data. Dissection decodes here rather than in the walkers, which
// only report where each region lies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "layout/record_layout.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// The digits of hexadecimal text (referent ids, pointers, Data, GUIDs).
inline constexpr char hex_digits[] = "0123456789abcdef";

// The value of a scalar record field, given its wire value widened to 64 bits
// (for a DATE_TIME, the whole FILETIME).
[[nodiscard]] std::string field_text(const wire_slot& slot, const field_info& info, std::uint64_t value);

// A number read as `meaning` says (a field of `kind`).
[[nodiscard]] std::string meaning_text(field_meaning meaning, field_kind kind, std::uint64_t value);

// A call's DWORD result, named when it is one analyzers look for: "234 (ERROR_MORE_DATA)".
[[nodiscard]] std::string return_value_text(std::uint32_t value);

// A referent id or native pointer: "NULL" or 0x-hex with two digits per byte.
// `null_mask` selects the bits that decide NULL (NDR64 ids are 32-bit numbers
// in 8-byte slots).
[[nodiscard]] std::string pointer_text(std::uint64_t value, std::size_t width, std::uint64_t null_mask);

// UTF-16 units in byte order `o`, a final NUL dropped, as a JSON string
// literal; unpaired surrogates are \uXXXX escapes, so nothing is lost.
[[nodiscard]] std::string string_text(std::span<const std::uint8_t> bytes, order o);

// Lower-case hex, two digits a byte (the JSON form of Data).
[[nodiscard]] std::string hex_text(std::span<const std::uint8_t> bytes);

// An unsigned integer of `size` bytes (1, 2, 4 or 8) in order `o`.
[[nodiscard]] std::uint64_t load_in(order o, const std::uint8_t* p, std::size_t size) noexcept;

}  // namespace dhcpm::detail
