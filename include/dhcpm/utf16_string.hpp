// A wire string (LPWSTR): NULL, empty and non-empty are three different
// values, and any sequence of UTF-16 code units is kept exactly — unpaired
// surrogates and embedded NULs included — because analyzers must show what
// was on the wire, and encoders must be able to produce it again.
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>

namespace dhcpm {

class utf16_string {
 public:
  utf16_string() noexcept = default;  // NULL
  utf16_string(const utf16_string& other) { assign_copy(other.units(), other.is_null()); }
  utf16_string& operator=(const utf16_string& other) {
    if (this != &other) {
      utf16_string copy(other);
      swap(copy);
    }
    return *this;
  }
  // A moved owning string hands over its units; a moved borrowed string
  // copies them, so that no string ever outlives the storage it borrows from.
  // Moves never throw (containers of records move instead of copying): the
  // one thing that can fail in that copy is memory itself, and running out
  // of it in a noexcept move ends the process, as it does in the standard
  // library's own noexcept paths.
  utf16_string(utf16_string&& other) noexcept { take(other); }
  utf16_string& operator=(utf16_string&& other) noexcept {
    if (this != &other) {
      utf16_string moved(std::move(other));
      swap(moved);
    }
    return *this;
  }
  ~utf16_string() { release(); }

  [[nodiscard]] static utf16_string null() noexcept { return {}; }
  [[nodiscard]] static utf16_string from_units(std::u16string_view units) {
    utf16_string s;
    s.assign_copy(units, false);
    return s;
  }
  [[nodiscard]] static utf16_string from_owned_units(const std::u16string& units) { return from_units(units); }
  // For decoders filling a container that keeps the units (client_list's
  // string storage): this string refers to the units without copying them,
  // so they must outlive it. Copies and moves of it own their units.
  void borrow(std::u16string_view units) noexcept {
    release();
    data_ = units.data();
    size_ = units.size();
    kind_ = static_cast<unsigned char>(kind::borrowed);
  }
  // UTF-8 that is not well formed gives std::nullopt.
  [[nodiscard]] static std::optional<utf16_string> from_utf8(std::string_view utf8);

  [[nodiscard]] bool is_null() const noexcept { return kind_ == static_cast<unsigned char>(kind::null); }
  // The code units without the terminating NUL; empty for NULL.
  [[nodiscard]] std::u16string_view units() const noexcept { return {data_, static_cast<std::size_t>(size_)}; }
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(size_); }

  // True when the units are well-formed UTF-16 (every surrogate paired).
  [[nodiscard]] bool is_valid_utf16() const noexcept;
  // UTF-8 of the units, or std::nullopt for NULL or ill-formed UTF-16.
  [[nodiscard]] std::optional<std::string> to_utf8() const;

  friend bool operator==(const utf16_string& a, const utf16_string& b) noexcept {
    return a.is_null() == b.is_null() && a.units() == b.units();
  }

  void swap(utf16_string& other) noexcept {
    std::swap(data_, other.data_);
    const std::uint64_t size = size_;
    size_ = other.size_;
    other.size_ = size;
    const unsigned char k = kind_;
    kind_ = other.kind_;
    other.kind_ = k;
  }

 private:
  enum class kind : unsigned char { null, owned, borrowed };

  void assign_copy(std::u16string_view units, bool null) {
    if (null) return;
    if (!units.empty()) {
      auto* owned = new char16_t[units.size()];
      units.copy(owned, units.size());
      data_ = owned;
    }
    size_ = units.size();
    kind_ = static_cast<unsigned char>(kind::owned);
  }
  void take(utf16_string& other) noexcept {
    if (other.kind_ == static_cast<unsigned char>(kind::borrowed)) {
      assign_copy(other.units(), false);  // noexcept caller: out of memory here terminates
      return;
    }
    swap(other);
  }
  void release() noexcept {
    if (kind_ == static_cast<unsigned char>(kind::owned)) delete[] data_;
  }

  // 16 bytes in all, so that a decoded record stays small: the size and the
  // kind share one word (no allocation can hold 2^62 units).
  const char16_t* data_ = nullptr;
  std::uint64_t size_ : 62 = 0;
  std::uint64_t kind_ : 2 = static_cast<unsigned char>(kind::null);
};
static_assert(std::is_nothrow_move_constructible_v<utf16_string> && std::is_nothrow_move_assignable_v<utf16_string>);

// Conversions on plain unit sequences, shared with views and the JSON codec.
[[nodiscard]] bool is_valid_utf16(std::u16string_view units) noexcept;
[[nodiscard]] std::optional<std::string> utf16_to_utf8(std::u16string_view units);
[[nodiscard]] std::optional<std::u16string> utf8_to_utf16(std::string_view utf8);

}  // namespace dhcpm
