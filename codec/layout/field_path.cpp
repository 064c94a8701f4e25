#include "layout/field_path.hpp"

namespace dhcpm::detail {

std::string field_path::str(std::string_view leaf_text) const {
  std::string out(root);
  const auto dot = [&out] {
    if (!out.empty()) out += '.';
  };
  if (element >= 0) {
    dot();
    out += array_field_path(array_field::clients);
    out += '[';
    out += std::to_string(element);
    out += ']';
  }
  if (in_pointee) {
    dot();
    out += field_text(field_kind::struct_pointer, false);
  }
  if (inner >= 0) {
    dot();
    out += field_text(field_kind::struct_array, in_pointee);
    out += '[';
    out += std::to_string(inner);
    out += ']';
  }
  if (!leaf_text.empty()) {
    dot();
    out += leaf_text;
  }
  return out;
}

}  // namespace dhcpm::detail
