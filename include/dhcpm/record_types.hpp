// The record types dhcpm knows, and the one mapping between a value_type (a
// program's run-time name for one: a command line, the C API) and its C++
// type. Adding a record type adds it here (docs/architecture.md, "Adding a
// record type").
#pragma once

#include <type_traits>

#include "dhcpm/client_info.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm {

// The value_type of each record type.
template <class Record>
inline constexpr value_type value_type_of = value_type::client;
template <>
inline constexpr value_type value_type_of<client_info_array> = value_type::array;
template <>
inline constexpr value_type value_type_of<client_info_ex> = value_type::client_ex;

// Calls body(std::type_identity<Record>{}) with the record type `type` names.
template <class Body>
constexpr decltype(auto) with_record_type(value_type type, Body&& body) {
  switch (type) {
    case value_type::array: return body(std::type_identity<client_info_array>{});
    case value_type::client_ex: return body(std::type_identity<client_info_ex>{});
    case value_type::client: break;
  }
  return body(std::type_identity<client_info>{});
}

}  // namespace dhcpm
