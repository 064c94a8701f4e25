// dhcpm_record_*: any record of any type read by field index through its
// schema (dhcpm_record.h). One dispatch finds the member a (type, field)
// pair names; each reader says which member types it reads.
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "capi/capi_detail.hpp"
#include "dhcpm/dhcpm_record.h"
#include "dhcpm/record_types.hpp"

namespace dhcpm::capi {
namespace {

// What a pointer member leads to: an _ARRAY's Clients (record_list), a
// property array's Elements (a vector of structs), an _EX's Properties (one
// struct). Each says how many slots it has and where slot i is.
template <class T>
struct pointee_traits {
  static constexpr bool is_pointer = false;
};
template <class E>
struct pointee_traits<std::optional<record_list<E>>> {
  static constexpr bool is_pointer = true;
  using element = E;
  static std::size_t count(const record_list<E>& list) noexcept { return list.size(); }
  static const E* at(const record_list<E>& list, std::size_t i) noexcept { return list[i]; }
};
template <class E>
struct pointee_traits<std::optional<std::vector<E>>> {
  static constexpr bool is_pointer = true;
  using element = E;
  static std::size_t count(const std::vector<E>& list) noexcept { return list.size(); }
  static const E* at(const std::vector<E>& list, std::size_t i) noexcept { return &list[i]; }
};
template <class E>
  requires requires { record_schema<E>::idl_name; }
struct pointee_traits<std::optional<E>> {
  static constexpr bool is_pointer = true;
  using element = E;
  static std::size_t count(const E&) noexcept { return 1; }
  static const E* at(const E& one, std::size_t) noexcept { return &one; }
};

// Calls read(member, kind constant) with the member that field `field` of the
// record names and returns what it returns; DHCPM_ERR_INVALID_ARGUMENT for a
// NULL record or a field out of range.
template <class Read>
dhcpm_status with_member(dhcpm_record record, std::size_t field, Read&& read) noexcept {
  const std::optional<value_type> type = to_value_type(record.type);
  if (record.at == nullptr || !type) return DHCPM_ERR_INVALID_ARGUMENT;
  return with_record_type(*type, [&]<class R>(std::type_identity<R>) {
    const R& r = *static_cast<const R*>(record.at);
    dhcpm_status status = DHCPM_ERR_INVALID_ARGUMENT;
    schema::for_each_field(record_schema<R>::fields, [&](const auto& f, auto index) {
      if (index == field) {
        status = read(f.of(r), std::integral_constant<field_kind, field_table<R>[index].kind>{});
      }
    });
    return status;
  });
}

template <class Member>
using plain_t = std::remove_cvref_t<Member>;

}  // namespace
}  // namespace dhcpm::capi

using dhcpm::capi::plain_t;
using dhcpm::capi::with_member;

extern "C" {

dhcpm_record dhcpm_value_record(const dhcpm_value* value) noexcept {
  if (value == nullptr) return dhcpm_record{DHCPM_TYPE_CLIENT, nullptr};
  return dhcpm_record{value->type(), value->is_null ? nullptr : dhcpm::capi::address_of(value->content)};
}

dhcpm_status dhcpm_record_number(dhcpm_record record, size_t field, uint64_t* number) noexcept {
  if (number == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  return with_member(record, field, [&](const auto& member, auto kind) {
    using M = plain_t<decltype(member)>;
    if constexpr (dhcpm::holds_number(kind())) {
      *number = static_cast<std::uint64_t>(member);
      return DHCPM_OK;
    } else if constexpr (std::is_same_v<M, dhcpm::binary_data>) {
      *number = member.data_length;
      return DHCPM_OK;
    } else {
      return DHCPM_ERR_INVALID_ARGUMENT;
    }
  });
}

dhcpm_status dhcpm_record_string(dhcpm_record record, size_t field, const uint16_t** units, size_t* count) noexcept {
  if (units == nullptr || count == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *units = nullptr;
  *count = 0;
  return with_member(record, field, [&](const auto& member, auto) {
    if constexpr (std::is_same_v<plain_t<decltype(member)>, dhcpm::utf16_string>) {
      dhcpm::capi::units_of(member, units, count);
      return DHCPM_OK;
    } else {
      return DHCPM_ERR_INVALID_ARGUMENT;
    }
  });
}

dhcpm_status dhcpm_record_string_utf8(dhcpm_record record, size_t field, char* buffer, size_t capacity,
                                      size_t* length) noexcept {
  if (length == nullptr || (buffer == nullptr && capacity != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  *length = 0;
  return dhcpm::capi::guarded(nullptr, [&] {
    return with_member(record, field, [&](const auto& member, auto) {
      if constexpr (std::is_same_v<plain_t<decltype(member)>, dhcpm::utf16_string>) {
        return dhcpm::capi::copy_utf8(member, buffer, capacity, *length);
      } else {
        return DHCPM_ERR_INVALID_ARGUMENT;
      }
    });
  });
}

dhcpm_status dhcpm_record_bytes(dhcpm_record record, size_t field, const uint8_t** bytes, size_t* size) noexcept {
  if (bytes == nullptr || size == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *bytes = nullptr;
  *size = 0;
  return with_member(record, field, [&](const auto& member, auto) {
    if constexpr (std::is_same_v<plain_t<decltype(member)>, dhcpm::binary_data>) {
      if (!member.data) return DHCPM_OK;
      *bytes = member.data->empty() ? dhcpm::capi::no_bytes : member.data->data();
      *size = member.data->size();
      return DHCPM_OK;
    } else {
      return DHCPM_ERR_INVALID_ARGUMENT;
    }
  });
}

dhcpm_status dhcpm_record_element_count(dhcpm_record record, size_t field, size_t* count, int* is_null) noexcept {
  if (count == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *count = 0;
  if (is_null != nullptr) *is_null = 0;
  return with_member(record, field, [&](const auto& member, auto) {
    using traits = dhcpm::capi::pointee_traits<plain_t<decltype(member)>>;
    if constexpr (traits::is_pointer) {
      if (is_null != nullptr) *is_null = member ? 0 : 1;
      if (member) *count = traits::count(*member);
      return DHCPM_OK;
    } else {
      return DHCPM_ERR_INVALID_ARGUMENT;
    }
  });
}

dhcpm_status dhcpm_record_element(dhcpm_record record, size_t field, size_t index, dhcpm_record* element) noexcept {
  if (element == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  return with_member(record, field, [&](const auto& member, auto) {
    using traits = dhcpm::capi::pointee_traits<plain_t<decltype(member)>>;
    if constexpr (traits::is_pointer) {
      if (!member || index >= traits::count(*member)) return DHCPM_ERR_INVALID_ARGUMENT;
      *element = dhcpm_record{dhcpm::capi::from_value_type(dhcpm::value_type_of<typename traits::element>),
                              traits::at(*member, index)};
      return DHCPM_OK;
    } else {
      return DHCPM_ERR_INVALID_ARGUMENT;
    }
  });
}

}  // extern "C"
