// The record types dhcpm knows, and the one mapping between a value_type (a
// program's run-time name for one: a command line, the C API) and its C++
// type: the list below, in value_type order. Adding a record type adds it
// here (docs/architecture.md, "Adding a record type").
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "dhcpm/client_family_schema.hpp"
#include "dhcpm/client_info.hpp"
#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/property_schema.hpp"
#include "dhcpm/search_info_schema.hpp"

namespace dhcpm {

// Every record type, at the index of its value_type. A macro, so that the
// library can instantiate its templates for each (C++ has no other way to
// instantiate over a list of types); record_type_list is the same list.
// It is written in four consecutive parts so that the heaviest translation
// unit (decode, every type in every framing) can instantiate one part per
// file, and a 2-core build compiles them side by side.
#define DHCPM_FOR_EACH_RECORD_TYPE(X) \
  DHCPM_RECORD_TYPES_PART_1(X) DHCPM_RECORD_TYPES_PART_2(X) DHCPM_RECORD_TYPES_PART_3(X) DHCPM_RECORD_TYPES_PART_4(X)
// The failover record, its array, its _EX.
#define DHCPM_RECORD_TYPES_PART_1(X)                                                                      \
  X(::dhcpm::client_info)                                                                                   \
  X(::dhcpm::client_info_array)                                                                             \
  X(::dhcpm::client_info_ex)
// The family's records up to _PB.
#define DHCPM_RECORD_TYPES_PART_2(X)                                                                      \
  X(::dhcpm::dhcp_client_info)                                                                              \
  X(::dhcpm::dhcp_client_info_v4)                                                                           \
  X(::dhcpm::dhcp_client_info_v5)                                                                           \
  X(::dhcpm::dhcp_client_info_vq)                                                                           \
  X(::dhcpm::dhcp_client_filter_status_info)                                                                \
  X(::dhcpm::dhcp_client_info_pb)
// Their _ARRAYs.
#define DHCPM_RECORD_TYPES_PART_3(X)                                                                      \
  X(::dhcpm::dhcp_client_info_array)                                                                        \
  X(::dhcpm::dhcp_client_info_array_v4)                                                                     \
  X(::dhcpm::dhcp_client_info_array_v5)                                                                     \
  X(::dhcpm::dhcp_client_info_array_vq)                                                                     \
  X(::dhcpm::dhcp_client_filter_status_info_array)                                                          \
  X(::dhcpm::dhcp_client_info_pb_array)
// The rest of the family: the unions, the property array, the _EX and its array.
#define DHCPM_RECORD_TYPES_PART_4(X)                                                                      \
  X(::dhcpm::dhcp_search_info)                                                                              \
  X(::dhcpm::dhcp_property)                                                                                 \
  X(::dhcpm::dhcp_property_array)                                                                           \
  X(::dhcpm::dhcp_client_info_ex)                                                                           \
  X(::dhcpm::dhcp_client_info_ex_array)

#define DHCPM_RECORD_TUPLE_ITEM(R) , std::declval<std::tuple<R>>()
using record_type_list =
    decltype(std::tuple_cat(std::declval<std::tuple<>>() DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_RECORD_TUPLE_ITEM)));
#undef DHCPM_RECORD_TUPLE_ITEM
inline constexpr std::size_t record_type_count = std::tuple_size_v<record_type_list>;
static_assert(record_type_count == value_type_name_table.size(), "a value_type for every record type");

// The family's names on a command line are its IDL type names (the
// failover record keeps its short names: client, array, client-ex).
static_assert([]<std::size_t... I>(std::index_sequence<I...>) {
  return ((I < 3 || to_string(static_cast<value_type>(I)) ==
                        record_schema<std::tuple_element_t<I, record_type_list>>::idl_name) &&
          ...);
}(std::make_index_sequence<record_type_count>{}));

template <value_type T>
using record_type_of = std::tuple_element_t<static_cast<std::size_t>(T), record_type_list>;

// The value_type of each record type.
template <class Record>
inline constexpr value_type value_type_of = [] {
  std::size_t found = record_type_count;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((std::is_same_v<Record, std::tuple_element_t<I, record_type_list>> ? (found = I) : 0), ...);
  }(std::make_index_sequence<record_type_count>{});
  return static_cast<value_type>(found);
}();

// A std::variant of every record type, in value_type order (the C API's value).
namespace record_types_detail {
template <class List>
struct variant_of;
template <class... Records>
struct variant_of<std::tuple<Records...>> {
  using type = std::variant<Records...>;
};
}  // namespace record_types_detail
using any_record = record_types_detail::variant_of<record_type_list>::type;

namespace record_types_detail {
template <std::size_t I, class Body>
constexpr decltype(auto) dispatch(std::size_t type, Body& body) {
  if constexpr (I + 1 < record_type_count) {
    if (type != I) return dispatch<I + 1>(type, body);
  }
  return body(std::type_identity<std::tuple_element_t<I, record_type_list>>{});
}
}  // namespace record_types_detail

// Calls body(std::type_identity<Record>{}) with the record type `type` names
// (a value outside the enumeration gets the first, client_info).
template <class Body>
constexpr decltype(auto) with_record_type(value_type type, Body&& body) {
  const auto index = static_cast<std::size_t>(type);
  return record_types_detail::dispatch<0>(index < record_type_count ? index : 0, body);
}

}  // namespace dhcpm
