// One record's fields through the C API: integers by dhcpm_field, strings
// (UTF-16 as on the wire, or UTF-8) by dhcpm_string_field, and the Data bytes.
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "capi/capi_detail.hpp"
#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/record_types.hpp"
#include "layout/flat_values.hpp"

namespace dhcpm::capi {
namespace {

// The C constants follow the schema: dhcpm_field numbers the number fields
// (and a DHCP_BINARY_DATA's DataLength) in member order, dhcpm_string_field
// the strings; structures have none.
template <class Record>
constexpr bool c_constants_follow_the_schema(int numbers, int strings) noexcept {
  int next_number = 0;
  int next_string = 0;
  for (const field_info& f : field_table<Record>) {
    if (f.kind == field_kind::structure) {
      if (f.c_id != -1) return false;
    } else if (f.kind == field_kind::lpwstr) {
      if (f.c_id != next_string++) return false;
    } else if (f.c_id != next_number++) {
      return false;
    }
  }
  return next_number == numbers && next_string == strings;
}
static_assert(c_constants_follow_the_schema<client_info>(DHCPM_FIELD_COUNT, DHCPM_STRING_COUNT) &&
                  c_constants_follow_the_schema<client_info_ex>(DHCPM_FIELD_EX_COUNT, DHCPM_STRING_COUNT),
              "dhcpm.h's DHCPM_FIELD_* / DHCPM_STRING_* differ from the schema");
static_assert(static_cast<int>(field_kind::struct_pointer) == DHCPM_KIND_STRUCT_POINTER &&
              static_cast<int>(field_kind::struct_array) == DHCPM_KIND_STRUCT_ARRAY &&
              static_cast<int>(field_kind::u16) == DHCPM_KIND_U16 &&
              static_cast<int>(field_kind::union_) == DHCPM_KIND_UNION &&
              static_cast<int>(field_kind::pointer_array) == DHCPM_KIND_POINTER_ARRAY &&
              static_cast<int>(field_kind::structure) == DHCPM_KIND_STRUCTURE &&
              static_cast<int>(field_kind::lpwstr) == DHCPM_KIND_LPWSTR &&
              static_cast<int>(field_kind::u8) == DHCPM_KIND_U8);
static_assert(static_cast<int>(field_meaning::none) == DHCPM_MEANING_NONE &&
              static_cast<int>(field_meaning::reserved) == DHCPM_MEANING_RESERVED &&
              static_cast<int>(field_meaning::number) == DHCPM_MEANING_NUMBER &&
              static_cast<int>(field_meaning::search_type) == DHCPM_MEANING_SEARCH_TYPE &&
              static_cast<int>(field_meaning::property_id) == DHCPM_MEANING_PROPERTY_ID &&
              static_cast<int>(field_meaning::property_type) == DHCPM_MEANING_PROPERTY_TYPE &&
              static_cast<int>(field_meaning::filter_status) == DHCPM_MEANING_FILTER_STATUS);

// Calls use(member) with the integer member that the constant `id` names;
// std::nullopt for a constant outside the enumeration.
template <class Result, class Record, class Use>
std::optional<Result> with_field(Record& c, int id, Use&& use) {
  using plain = std::remove_const_t<Record>;
  std::optional<Result> out;
  schema::for_each_field(record_schema<plain>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = field_table<plain>[index];
    if constexpr (holds_number(info.kind)) {
      if (info.c_id == id) out = use(f.of(c));
    } else if constexpr (info.kind == field_kind::binary_data) {
      if (info.c_id == id) out = use(f.of(c).data_length);
    }
  });
  return out;
}

// The string member that the constant `id` names, or nullptr.
template <class Record>
auto* string_member(Record& c, int id) noexcept {
  std::conditional_t<std::is_const_v<Record>, const utf16_string, utf16_string>* out = nullptr;
  schema::for_each_field(record_schema<client_info>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = field_table<client_info>[index];
    if constexpr (info.kind == field_kind::lpwstr) {
      if (info.c_id == id) out = &f.of(c);
    }
  });
  return out;
}

// The C string of field `id` of this kind of constant (numbers or strings):
// its path in the first record type of record_types.hpp that has it.
const char* field_path_of(int id, bool strings) noexcept {
  if (id < 0) return "unknown";
  if (!strings && id == DHCPM_FIELD_DATA_LENGTH) return detail::record_field_path(detail::data_length_field).data();
  const char* found = nullptr;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto look = [&](const auto& table) {
      for (const field_info& f : table) {
        if (found == nullptr && f.c_id == id && (f.kind == field_kind::lpwstr) == strings && holds_number(f.kind) != strings) {
          found = f.path.data();  // a whole literal of the schema: NUL-terminated
        }
      }
    };
    (look(field_table<std::tuple_element_t<I, record_type_list>>), ...);
  }(std::make_index_sequence<record_type_count>{});
  return found != nullptr ? found : "unknown";
}

// Reads an integer member as the C API's uint64_t.
constexpr auto read_number = [](const auto& member) { return static_cast<std::uint64_t>(member); };
// Writes `value` into an integer member, refusing what does not fit it.
constexpr auto number_writer(std::uint64_t value) {
  return [value](auto& member) {
    using member_type = std::remove_reference_t<decltype(member)>;
    if (value > std::numeric_limits<member_type>::max()) return DHCPM_ERR_VALUE_OUT_OF_RANGE;
    member = static_cast<member_type>(value);
    return DHCPM_OK;
  };
}

// The string a (client, field) pair names, or nullptr when there is none.
const utf16_string* string_of(const dhcpm_client* client, dhcpm_string_field field) noexcept {
  return client != nullptr ? string_member(*unwrap(client), field) : nullptr;
}
utf16_string* string_of(dhcpm_client* client, dhcpm_string_field field) noexcept {
  return client != nullptr ? string_member(*unwrap(client), field) : nullptr;
}

}  // namespace

dhcpm_status copy_utf8(const utf16_string& text, char* buffer, std::size_t capacity, std::size_t& length) {
  std::string utf8;
  if (!text.is_null()) {
    std::optional<std::string> converted = text.to_utf8();
    if (!converted) return DHCPM_ERR_INVALID_UTF16;
    utf8 = std::move(*converted);
  }
  length = utf8.size();
  if (capacity <= utf8.size()) return DHCPM_ERR_BUFFER_TOO_SMALL;
  std::memcpy(buffer, utf8.data(), utf8.size());
  buffer[utf8.size()] = '\0';
  return DHCPM_OK;
}

}  // namespace dhcpm::capi

using dhcpm::capi::guarded;
using dhcpm::capi::string_of;
using dhcpm::capi::unwrap;

extern "C" {

const char* dhcpm_field_name(dhcpm_field field) noexcept { return dhcpm::capi::field_path_of(field, false); }

const char* dhcpm_string_field_name(dhcpm_string_field field) noexcept {
  return dhcpm::capi::field_path_of(field, true);
}

dhcpm_status dhcpm_value_get(const dhcpm_value* value, dhcpm_field field, uint64_t* number) noexcept {
  if (value == nullptr || number == nullptr || field < 0) return DHCPM_ERR_INVALID_ARGUMENT;
  const std::optional<std::uint64_t> got = std::visit(
      [&](const auto& record) { return dhcpm::capi::with_field<std::uint64_t>(record, field, dhcpm::capi::read_number); },
      value->content);
  if (!got) return DHCPM_ERR_INVALID_ARGUMENT;
  *number = *got;
  return DHCPM_OK;
}

dhcpm_status dhcpm_value_set(dhcpm_value* value, dhcpm_field field, uint64_t number) noexcept {
  if (value == nullptr || field < 0) return DHCPM_ERR_INVALID_ARGUMENT;
  const auto write = dhcpm::capi::number_writer(number);
  return std::visit([&](auto& record) { return dhcpm::capi::with_field<dhcpm_status>(record, field, write); },
                    value->content)
      .value_or(DHCPM_ERR_INVALID_ARGUMENT);
}

uint64_t dhcpm_client_get(const dhcpm_client* client, dhcpm_field field) noexcept {
  if (client == nullptr) return 0;
  return dhcpm::capi::with_field<std::uint64_t>(*unwrap(client), field, dhcpm::capi::read_number).value_or(0);
}

dhcpm_status dhcpm_client_set(dhcpm_client* client, dhcpm_field field, uint64_t value) noexcept {
  if (client == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  return dhcpm::capi::with_field<dhcpm_status>(*unwrap(client), field, dhcpm::capi::number_writer(value)).value_or(DHCPM_ERR_INVALID_ARGUMENT);
}

int dhcpm_client_string_is_null(const dhcpm_client* client, dhcpm_string_field field) noexcept {
  const dhcpm::utf16_string* s = string_of(client, field);
  return s == nullptr || s->is_null() ? 1 : 0;
}

const uint16_t* dhcpm_client_string_utf16(const dhcpm_client* client, dhcpm_string_field field,
                                          size_t* units) noexcept {
  size_t count = 0;
  const uint16_t* found = nullptr;
  if (const dhcpm::utf16_string* s = string_of(client, field)) dhcpm::capi::units_of(*s, &found, &count);
  if (units != nullptr) *units = count;
  return found;
}

dhcpm_status dhcpm_client_string_utf8(const dhcpm_client* client, dhcpm_string_field field, char* buffer,
                                      size_t capacity, size_t* length) noexcept {
  if (length == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *length = 0;
  const dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (buffer == nullptr && capacity != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] { return dhcpm::capi::copy_utf8(*s, buffer, capacity, *length); });
}

int dhcpm_client_data_is_null(const dhcpm_client* client) noexcept {
  return client == nullptr || !dhcpm::detail::binary_of(*unwrap(client)).data ? 1 : 0;
}

const uint8_t* dhcpm_client_data(const dhcpm_client* client, size_t* size) noexcept {
  if (size != nullptr) *size = 0;
  if (client == nullptr) return nullptr;
  const auto& data = dhcpm::detail::binary_of(*unwrap(client)).data;
  if (!data) return nullptr;
  if (data->empty()) return dhcpm::capi::no_bytes;
  if (size != nullptr) *size = data->size();
  return data->data();
}

dhcpm_status dhcpm_client_set_string_utf8(dhcpm_client* client, dhcpm_string_field field, const char* utf8,
                                          size_t length) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (utf8 == nullptr && length != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    std::optional<dhcpm::utf16_string> converted =
        dhcpm::utf16_string::from_utf8(length == 0 ? std::string_view{} : std::string_view{utf8, length});
    if (!converted) return DHCPM_ERR_INVALID_UTF8;
    *s = std::move(*converted);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_string_utf16(dhcpm_client* client, dhcpm_string_field field, const uint16_t* units,
                                           size_t count) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (units == nullptr && count != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    std::u16string copy(count, u'\0');
    for (std::size_t i = 0; i < count; ++i) copy[i] = static_cast<char16_t>(units[i]);
    *s = dhcpm::utf16_string::from_units(copy);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_string_null(dhcpm_client* client, dhcpm_string_field field) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *s = dhcpm::utf16_string::null();
  return DHCPM_OK;
}

dhcpm_status dhcpm_client_set_data(dhcpm_client* client, const uint8_t* bytes, size_t size) noexcept {
  if (client == nullptr || (bytes == nullptr && size != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  if (size > UINT32_MAX) return DHCPM_ERR_VALUE_OUT_OF_RANGE;
  return guarded(nullptr, [&]() -> dhcpm_status {
    auto& hardware = dhcpm::detail::binary_of(*unwrap(client));
    hardware.data.emplace(bytes, bytes + size);
    hardware.data_length = static_cast<std::uint32_t>(size);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_data_null(dhcpm_client* client) noexcept {
  if (client == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  auto& hardware = dhcpm::detail::binary_of(*unwrap(client));
  hardware.data.reset();
  hardware.data_length = 0;
  return DHCPM_OK;
}

size_t dhcpm_field_count(dhcpm_type type) noexcept {
  const std::optional<dhcpm::value_type> t = dhcpm::capi::to_value_type(type);
  if (!t) return 0;
  return dhcpm::with_record_type(*t, [](auto record) { return dhcpm::field_table<typename decltype(record)::type>.size(); });
}

dhcpm_status dhcpm_field_info(dhcpm_type type, size_t index, dhcpm_field_desc* desc) noexcept {
  if (desc == nullptr || index >= dhcpm_field_count(type)) return DHCPM_ERR_INVALID_ARGUMENT;
  const dhcpm::field_info& f = dhcpm::with_record_type(
      *dhcpm::capi::to_value_type(type),
      [index](auto record) -> const dhcpm::field_info& { return dhcpm::field_table<typename decltype(record)::type>[index]; });
  desc->path = f.path.data();  // literals of the schema: NUL-terminated, and so is a suffix of one
  desc->name = f.name().data();
  desc->kind = static_cast<dhcpm_field_kind>(f.kind);
  desc->meaning = static_cast<dhcpm_field_meaning>(f.meaning);
  desc->parent = f.parent == dhcpm::no_parent ? -1 : f.parent;
  desc->c_field = f.c_id;
  desc->x64_offset = f.x64;
  desc->x86_offset = f.x86;
  desc->arm = f.arm;
  desc->selector = f.selector == dhcpm::no_parent ? -1 : f.selector;
  // A pointer_array is an _ARRAY's Clients, a struct_array holds structs inline: their type.
  desc->element_type = dhcpm::with_record_type(*dhcpm::capi::to_value_type(type), [&]<class R>(std::type_identity<R>) {
    if constexpr (dhcpm::is_record_array<R>) {
      return f.kind == dhcpm::field_kind::pointer_array ? static_cast<int>(dhcpm::value_type_of<typename R::element>)
                                                        : -1;
    } else if constexpr (requires { typename dhcpm::record_schema<R>::inline_element; }) {
      using element = typename dhcpm::record_schema<R>::inline_element;
      return f.kind == dhcpm::field_kind::struct_array ? static_cast<int>(dhcpm::value_type_of<element>) : -1;
    } else if constexpr (requires { typename dhcpm::record_schema<R>::pointee; }) {
      using pointee = typename dhcpm::record_schema<R>::pointee;
      return f.kind == dhcpm::field_kind::struct_pointer ? static_cast<int>(dhcpm::value_type_of<pointee>) : -1;
    } else {
      return -1;
    }
  });
  return DHCPM_OK;
}

}  // extern "C"
