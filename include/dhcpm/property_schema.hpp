// The description (schema.hpp) of DHCP_PROPERTY (property.hpp): ID, the
// discriminant Type, the union Value, then its five arms, each selected by
// one Type. Native offsets are dhcpsapi.h's: the union follows Type at its
// widest arm's alignment (a DHCP_BINARY_DATA), and has no tag in memory.
#pragma once

#include <tuple>

#include "dhcpm/dhcpm.h"
#include "dhcpm/property.hpp"
#include "dhcpm/schema.hpp"

namespace dhcpm {

template <>
struct record_schema<dhcp_property> {
  static constexpr std::string_view idl_name = "DHCP_PROPERTY";

  using k = field_kind;
  using m = field_meaning;
  template <auto... Members>
  using field = schema::field<Members...>;
  using p = dhcp_property;
  using a = dhcp_property::value_arms;
  static constexpr std::uint8_t type = 1;   // the index of Type: the union's selector
  static constexpr std::uint8_t value = 2;  // the index of Value: its arms' parent

  static constexpr std::tuple fields{
      field<&p::id>{{"ID", k::enum16, m::property_id, 0, 0, no_parent, DHCPM_FIELD_PROPERTY_ID}},
      field<&p::type>{{"Type", k::enum16, m::property_type, 4, 4, no_parent, DHCPM_FIELD_PROPERTY_TYPE}},
      field<&p::value>{{"Value", k::union_, m::none, 8, 8, no_parent, -1, not_an_arm, type}},
      field<&p::value, &a::byte_value>{{"Value.ByteValue", k::u8, m::number, 8, 8, value, DHCPM_FIELD_BYTE_VALUE, 0}},
      field<&p::value, &a::word_value>{{"Value.WordValue", k::u16, m::number, 8, 8, value, DHCPM_FIELD_WORD_VALUE, 1}},
      field<&p::value, &a::dword_value>{{"Value.DWordValue", k::u32, m::number, 8, 8, value, DHCPM_FIELD_DWORD_VALUE, 2}},
      field<&p::value, &a::string_value>{{"Value.StringValue", k::lpwstr, m::none, 8, 8, value,
                                          DHCPM_STRING_STRING_VALUE, 3}},
      field<&p::value, &a::binary_value>{{"Value.BinaryValue", k::binary_data, m::none, 8, 8, value,
                                          DHCPM_FIELD_DATA_LENGTH, 4}},
  };
  static constexpr std::uint16_t x64_size = 24;
  static constexpr std::uint16_t x86_size = 16;
  static constexpr bool native_only = false;
};

template <>
struct record_schema<dhcp_property_array> {
  static constexpr std::string_view idl_name = "DHCP_PROPERTY_ARRAY";
  using inline_element = dhcp_property;

  using a = dhcp_property_array;
  static constexpr std::tuple fields{
      schema::field<&a::num_elements>{{"NumElements", field_kind::u32, field_meaning::number, 0, 0}},
      schema::field<&a::elements>{{"Elements", field_kind::struct_array, field_meaning::none, 8, 4}},
  };
  static constexpr std::uint16_t x64_size = 16;
  static constexpr std::uint16_t x86_size = 8;
  static constexpr bool native_only = false;
};

}  // namespace dhcpm
