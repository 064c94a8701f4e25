#include "layout/field_path.hpp"


namespace dhcpm::detail {

std::string field_path::str() const {
  std::string out(root);
  const auto dot = [&out] {
    if (!out.empty()) out += '.';
  };
  if (element >= 0) {
    dot();
    out += "Clients[";
    out += std::to_string(element);
    out += ']';
  }
  if (!leaf.empty()) {
    dot();
    out += leaf;
  }
  return out;
}

}  // namespace dhcpm::detail
