#include "dissect/region_text.hpp"

#include <array>

#include "dhcpm/call.hpp"
#include "dhcpm/field_meaning.hpp"
#include "json/json_detail.hpp"

namespace dhcpm::detail {
namespace {

std::string hex_of(std::uint64_t value, std::size_t digits) {
  std::string out(digits, '0');
  for (std::size_t i = digits; i-- > 0; value >>= 4) out[i] = hex_digits[value & 0xF];
  return out;
}

// "5 (dhcp|reservation)": the number first, so nothing is hidden by a name.
std::string named(std::uint64_t value, std::string_view name) {
  return std::to_string(value) + " (" + std::string(name) + ")";
}

std::string address_state_text(std::uint8_t raw) {
  const address_state_parts p = split_address_state(raw);
  return named(raw, std::string(address_state_name(p.state)) + ", DHCID " + std::string(dhcid_mode_name(p.dhcid)) +
                        ", DNS " + dns_flags_names(p.dns_flags));
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void append_escaped(std::string& out, char32_t c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {  // control characters and unpaired surrogates
    out += "\\u" + hex_of(c, 4);
    return;
  }
  append_utf8(out, c);
}

}  // namespace

std::string field_text(const wire_slot& slot, const field_info& info, std::uint64_t value) {
  if (slot.part == slot_part::length) return std::to_string(value);  // DataLength
  return meaning_text(info.meaning, info.kind, value);
}

std::string meaning_text(field_meaning meaning, field_kind kind, std::uint64_t value) {
  switch (meaning) {
    case field_meaning::ipv4: return format_ipv4(static_cast<std::uint32_t>(value));
    case field_meaning::filetime: return format_filetime(value);
    case field_meaning::client_type: return named(value, client_type_name(static_cast<std::uint8_t>(value)));
    case field_meaning::address_state: return address_state_text(static_cast<std::uint8_t>(value));
    case field_meaning::quarantine_status:
      return named(value, quarantine_status_name(static_cast<std::uint32_t>(value)).value_or("unknown"));
    case field_meaning::search_type:
      return named(value, search_type_name(static_cast<std::uint32_t>(value)).value_or("no such arm"));
    case field_meaning::property_id:
      return named(value, property_id_name(static_cast<std::uint32_t>(value)).value_or("unknown"));
    case field_meaning::property_type:
      return named(value, property_type_name(static_cast<std::uint32_t>(value)).value_or("no such arm"));
    case field_meaning::filter_status: return named(value, filter_status_names(static_cast<std::uint32_t>(value)));
    case field_meaning::boolean: return named(value, value != 0 ? "TRUE" : "FALSE");
    case field_meaning::reserved: return "0x" + hex_of(value, kind == field_kind::u8 ? 2 : kind == field_kind::u16 ? 4 : 8);  // kept raw
    case field_meaning::number:
    case field_meaning::none: break;
  }
  return std::to_string(value);  // counts and the failover times (seconds)
}

std::string return_value_text(std::uint32_t value) {
  const std::string_view name = return_value_name(value);
  return name.empty() ? std::to_string(value) : named(value, name);
}

std::string pointer_text(std::uint64_t value, std::size_t width, std::uint64_t null_mask) {
  if ((value & null_mask) == 0) return "NULL";
  return "0x" + hex_of(value, 2 * width);
}

std::string string_text(std::span<const std::uint8_t> bytes, order o) {
  std::size_t n = bytes.size() / 2;
  const auto unit = [&](std::size_t i) -> char16_t {
    return static_cast<char16_t>(load_in(o, bytes.data() + 2 * i, 2));
  };
  if (n != 0 && unit(n - 1) == 0) --n;  // the terminator
  std::string out = "\"";
  for (std::size_t i = 0; i < n; ++i) {
    const char16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      append_escaped(out, 0x10000 + ((char32_t{u} - 0xD800) << 10) + (char32_t{unit(i + 1)} - 0xDC00));
      ++i;
    } else {
      append_escaped(out, u);
    }
  }
  out += '"';
  return out;
}

std::string hex_text(std::span<const std::uint8_t> bytes) { return format_hex(bytes); }

std::uint64_t load_in(order o, const std::uint8_t* p, std::size_t size) noexcept {
  return o == order::big ? load_uint<order::big>(p, size) : load_uint<order::little>(p, size);
}

}  // namespace dhcpm::detail
