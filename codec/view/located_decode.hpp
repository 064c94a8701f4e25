// An owning copy of one record that a validating walk has located (a view's
// or a cursor's element), for records whose pointees a location does not
// describe field by field (DHCP_CLIENT_INFO_EX's Properties): its bytes are
// walked again, from its flat part to where its last pointee ends.
#pragma once

#include <cstdint>

#include "dhcpm/record_view.hpp"

namespace dhcpm::detail {

template <class Record>
[[nodiscard]] Record decode_located(const std::uint8_t* input, std::uint32_t flat, std::uint32_t end,
                                    const record_format<Record>& format);

}  // namespace dhcpm::detail
