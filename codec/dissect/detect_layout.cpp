// Recognising a pickled input by its common header: the one layout that
// announces itself (bare NDR and memory images have no signature).
#include "dhcpm/dissect.hpp"
#include "pickle/pickle_header.hpp"

namespace dhcpm {

std::optional<layout> detect_layout(byte_span input) {
  if (detail::read_common_header(input, std::nullopt)) return layout::pickle;
  return std::nullopt;
}

}  // namespace dhcpm
