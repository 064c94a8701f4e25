// Layout and framing names, shared by the CLI's options and its messages.
#include "dhcpm/options.hpp"

#include <initializer_list>

namespace dhcpm {

std::string_view to_string(layout l) noexcept {
  switch (l) {
    case layout::ndr20: return "ndr20";
    case layout::ndr20be: return "ndr20be";
    case layout::ndr64: return "ndr64";
    case layout::pickle: return "pickle";
    case layout::pickle_ndr20: return "pickle-ndr20";
    case layout::pickle_ndr20be: return "pickle-ndr20be";
    case layout::pickle_ndr64: return "pickle-ndr64";
    case layout::pickle2_ndr20: return "pickle2-ndr20";
    case layout::x64: return "x64";
    case layout::x86: return "x86";
  }
  return "unknown";  // a value cast from outside the enumeration
}

std::string_view to_string(framing f) noexcept {
  switch (f) {
    case framing::bare: return "bare";
    case framing::ptr: return "ptr";
    case framing::response: return "response";
  }
  return "unknown";
}

std::optional<layout> parse_layout(std::string_view name) noexcept {
  for (layout l : all_layouts) {
    if (name == to_string(l)) return l;
  }
  return std::nullopt;
}

std::optional<framing> parse_framing(std::string_view name) noexcept {
  for (framing f : {framing::bare, framing::ptr, framing::response}) {
    if (name == to_string(f)) return f;
  }
  return std::nullopt;
}

}  // namespace dhcpm
