// Conversions between record types that hold the same data: the failover
// record and its _EX (the same members plus AddressStateEx). A conversion
// refuses a value the target cannot hold instead of dropping part of it.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"

namespace dhcpm {

// Whether convert_record<To>(From) exists: a type to itself, and the failover
// record to and from its _EX.
template <class To, class From>
inline constexpr bool converts_to =
    std::is_same_v<To, From> || (std::is_same_v<To, client_info_ex> && std::is_same_v<From, client_info>) ||
    (std::is_same_v<To, client_info> && std::is_same_v<From, client_info_ex>);

// `from` as a To. The plain record becomes an _EX with AddressStateEx 0; an
// _EX becomes the plain record only when its AddressStateEx is 0 (else
// value_out_of_range at path "AddressStateEx": the plain record cannot hold it).
template <class To, class From>
  requires converts_to<To, From>
[[nodiscard]] result<To> convert_record(const From& from) {
  if constexpr (std::is_same_v<To, From>) {
    return from;
  } else if constexpr (std::is_same_v<To, client_info_ex>) {
    return client_info_ex{from, 0};
  } else {
    if (from.address_state_ex != 0) {
      return error{error_code::value_out_of_range, 0, "AddressStateEx",
                   "DHCPV4_FAILOVER_CLIENT_INFO has no AddressStateEx to hold " + std::to_string(from.address_state_ex)};
    }
    return client_info(from);
  }
}

}  // namespace dhcpm
