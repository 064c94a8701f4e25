// A wire string (LPWSTR): NULL, empty and non-empty are three different
// values, and any sequence of UTF-16 code units is kept exactly — unpaired
// surrogates and embedded NULs included — because analyzers must show what
// was on the wire, and encoders must be able to produce it again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dhcpm {

class utf16_string {
 public:
  utf16_string() = default;  // NULL

  [[nodiscard]] static utf16_string null() { return {}; }
  [[nodiscard]] static utf16_string from_units(std::u16string_view units) {
    utf16_string s;
    s.null_ = false;
    s.units_.assign(units);
    return s;
  }
  // Takes the units without copying them.
  [[nodiscard]] static utf16_string from_owned_units(std::u16string units) noexcept {
    utf16_string s;
    s.null_ = false;
    s.units_ = std::move(units);
    return s;
  }
  // UTF-8 that is not well formed gives std::nullopt.
  [[nodiscard]] static std::optional<utf16_string> from_utf8(std::string_view utf8);

  [[nodiscard]] bool is_null() const noexcept { return null_; }
  // The code units without the terminating NUL; empty for NULL.
  [[nodiscard]] std::u16string_view units() const noexcept { return units_; }
  [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }

  // True when the units are well-formed UTF-16 (every surrogate paired).
  [[nodiscard]] bool is_valid_utf16() const noexcept;
  // UTF-8 of the units, or std::nullopt for NULL or ill-formed UTF-16.
  [[nodiscard]] std::optional<std::string> to_utf8() const;

  friend bool operator==(const utf16_string&, const utf16_string&) = default;

 private:
  bool null_ = true;
  std::u16string units_;
};

// Conversions on plain unit sequences, shared with views and the JSON codec.
[[nodiscard]] bool is_valid_utf16(std::u16string_view units) noexcept;
[[nodiscard]] std::optional<std::string> utf16_to_utf8(std::u16string_view units);
[[nodiscard]] std::optional<std::u16string> utf8_to_utf16(std::string_view utf8);

}  // namespace dhcpm
