// Strict UTF-16 <-> UTF-8, written by hand: the standard library's converters
// are deprecated, and wire strings need exact answers — an unpaired surrogate
// must be reported, never replaced with U+FFFD, so that NDR -> JSON -> NDR
// gives the same units back.
#include "dhcpm/utf16_string.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace dhcpm {
namespace detail {
namespace {

constexpr bool is_high_surrogate(char16_t unit) noexcept { return unit >= 0xD800 && unit <= 0xDBFF; }
constexpr bool is_low_surrogate(char16_t unit) noexcept { return unit >= 0xDC00 && unit <= 0xDFFF; }

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void append_utf16(std::u16string& out, char32_t cp) {
  if (cp < 0x10000) {
    out.push_back(static_cast<char16_t>(cp));
  } else {
    const char32_t v = cp - 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 | (v >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 | (v & 0x3FF)));
  }
}

constexpr bool is_continuation(std::uint8_t b) noexcept { return (b & 0xC0) == 0x80; }

// Decodes one well-formed UTF-8 sequence at utf8[i] (Unicode Table 3-7) and
// advances i; std::nullopt for anything else. The second byte's range depends
// on the lead byte: that is what excludes overlongs (C0, C1, E0 80..9F,
// F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..,
// F5..FF).
std::optional<char32_t> decode_utf8_at(std::string_view utf8, std::size_t& i) noexcept {
  const auto byte_at = [&](std::size_t k) { return static_cast<std::uint8_t>(utf8[k]); };
  const std::uint8_t lead = byte_at(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  std::uint8_t second_min = 0x80;
  std::uint8_t second_max = 0xBF;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return std::nullopt;  // a continuation byte, C0/C1 or F5..FF as a lead
  }
  if (utf8.size() - i < length) return std::nullopt;  // truncated sequence
  const std::uint8_t second = byte_at(i + 1);
  if (second < second_min || second > second_max) return std::nullopt;
  cp = (cp << 6) | (second & 0x3Fu);
  for (std::size_t k = 2; k < length; ++k) {
    const std::uint8_t next = byte_at(i + k);
    if (!is_continuation(next)) return std::nullopt;
    cp = (cp << 6) | (next & 0x3Fu);
  }
  i += length;
  return cp;
}

}  // namespace
}  // namespace detail

bool is_valid_utf16(std::u16string_view units) noexcept {
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (detail::is_low_surrogate(units[i])) return false;
    if (detail::is_high_surrogate(units[i])) {
      if (i + 1 >= units.size() || !detail::is_low_surrogate(units[i + 1])) return false;
      ++i;
    }
  }
  return true;
}

std::optional<std::string> utf16_to_utf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const char16_t unit = units[i];
    if (detail::is_low_surrogate(unit)) return std::nullopt;
    if (detail::is_high_surrogate(unit)) {
      if (i + 1 >= units.size() || !detail::is_low_surrogate(units[i + 1])) return std::nullopt;
      const char32_t cp =
          0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(units[i + 1]) - 0xDC00);
      detail::append_utf8(out, cp);
      ++i;
    } else {
      detail::append_utf8(out, unit);
    }
  }
  return out;
}

std::optional<std::u16string> utf8_to_utf16(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::optional<char32_t> cp = detail::decode_utf8_at(utf8, i);
    if (!cp) return std::nullopt;
    detail::append_utf16(out, *cp);
  }
  return out;
}

std::optional<utf16_string> utf16_string::from_utf8(std::string_view utf8) {
  std::optional<std::u16string> units = utf8_to_utf16(utf8);
  if (!units) return std::nullopt;
  return from_units(*units);
}

bool utf16_string::is_valid_utf16() const noexcept { return dhcpm::is_valid_utf16(units()); }

std::optional<std::string> utf16_string::to_utf8() const {
  if (is_null()) return std::nullopt;
  return utf16_to_utf8(units());
}

}  // namespace dhcpm
