// A dhcpm_value as a whole: creating and freeing it, its NULL-ness, return
// value and warnings, and the elements of an array (reading, appending).
#include <cstdint>
#include <memory>
#include <type_traits>
#include <variant>
#include <utility>

#include "capi/capi_detail.hpp"
#include "dhcpm/record_convert.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::capi {
namespace {

// The element slot index of an array value; nullptr when there is none.
const client_info* element_at(const dhcpm_value* value, std::size_t index) noexcept {
  if (value == nullptr) return nullptr;
  const client_info_array* array = value->array();
  if (array == nullptr || !array->clients || index >= array->clients->size()) return nullptr;
  return (*array->clients)[index];
}

// Appends a slot (a default record, or NULL) and keeps NumElements the number
// of slots, which is what an encoder needs.
dhcpm_status append_slot(dhcpm_value* value, bool null, dhcpm_client** element) {
  if (element != nullptr) *element = nullptr;
  client_info_array* array = value != nullptr ? value->array() : nullptr;
  if (array == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  if (!array->clients) array->clients.emplace();
  if (array->clients->size() >= UINT32_MAX) return DHCPM_ERR_VALUE_OUT_OF_RANGE;
  if (null) {
    array->clients->push_back_null();
  } else {
    client_info& record = array->clients->push_back(client_info{});
    if (element != nullptr) *element = wrap(&record);
  }
  array->num_elements = static_cast<std::uint32_t>(array->clients->size());
  return DHCPM_OK;
}

template <class Content>
dhcpm_status make_value(dhcpm_value** value, Content content) {
  if (value == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *value = nullptr;
  auto made = std::make_unique<dhcpm_value>();
  made->content = std::move(content);
  *value = made.release();
  return DHCPM_OK;
}

}  // namespace
}  // namespace dhcpm::capi

using dhcpm::capi::guarded;

extern "C" {

void dhcpm_value_free(dhcpm_value* value) noexcept { delete value; }

const char* dhcpm_type_name(dhcpm_type type) noexcept {
  const std::optional<dhcpm::value_type> t = dhcpm::capi::to_value_type(type);
  return t ? dhcpm::to_string(*t).data() : "unknown";  // the names are literals: NUL-terminated
}

dhcpm_status dhcpm_type_from_name(const char* name, dhcpm_type* type) noexcept {
  if (name == nullptr || type == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const std::optional<dhcpm::value_type> t = dhcpm::parse_value_type(name);
  if (!t) return DHCPM_ERR_INVALID_ARGUMENT;
  *type = dhcpm::capi::from_value_type(*t);
  return DHCPM_OK;
}

dhcpm_type dhcpm_value_type(const dhcpm_value* value) noexcept {
  return value != nullptr ? value->type() : DHCPM_TYPE_CLIENT;
}

int dhcpm_value_is_null(const dhcpm_value* value) noexcept { return value != nullptr && value->is_null ? 1 : 0; }

uint32_t dhcpm_value_return_value(const dhcpm_value* value) noexcept {
  return value != nullptr ? value->return_value : 0;
}

size_t dhcpm_value_warning_count(const dhcpm_value* value) noexcept {
  return value != nullptr ? value->warnings.size() : 0;
}

dhcpm_status dhcpm_value_warning(const dhcpm_value* value, size_t index, dhcpm_error* warning) noexcept {
  if (value == nullptr || warning == nullptr || index >= value->warnings.size()) return DHCPM_ERR_INVALID_ARGUMENT;
  dhcpm::capi::report(warning, value->warnings[index]);
  return DHCPM_OK;
}

const dhcpm_client* dhcpm_value_client(const dhcpm_value* value) noexcept {
  if (value == nullptr || value->is_null) return nullptr;
  return dhcpm::capi::wrap(value->client());
}

dhcpm_client* dhcpm_value_client_mut(dhcpm_value* value) noexcept {
  if (value == nullptr || value->is_null) return nullptr;
  return dhcpm::capi::wrap(value->client());
}

uint32_t dhcpm_array_num_elements(const dhcpm_value* array) noexcept {
  const dhcpm::client_info_array* a = array != nullptr ? array->array() : nullptr;
  return a != nullptr ? a->num_elements : 0;
}

int dhcpm_array_clients_is_null(const dhcpm_value* array) noexcept {
  const dhcpm::client_info_array* a = array != nullptr ? array->array() : nullptr;
  return a != nullptr && !a->clients ? 1 : 0;
}

size_t dhcpm_array_size(const dhcpm_value* array) noexcept {
  const dhcpm::client_info_array* a = array != nullptr ? array->array() : nullptr;
  return a != nullptr && a->clients ? a->clients->size() : 0;
}

int dhcpm_array_element_is_null(const dhcpm_value* array, size_t index) noexcept {
  return index < dhcpm_array_size(array) && dhcpm::capi::element_at(array, index) == nullptr ? 1 : 0;
}

const dhcpm_client* dhcpm_array_element(const dhcpm_value* array, size_t index) noexcept {
  return dhcpm::capi::wrap(dhcpm::capi::element_at(array, index));
}

dhcpm_client* dhcpm_array_element_mut(dhcpm_value* array, size_t index) noexcept {
  // The value is the caller's to change, so dropping const here is sound.
  return dhcpm::capi::wrap(const_cast<dhcpm::client_info*>(dhcpm::capi::element_at(array, index)));
}

dhcpm_status dhcpm_client_new(dhcpm_value** value) noexcept {
  return guarded(nullptr, [&] { return dhcpm::capi::make_value(value, dhcpm::client_info{}); });
}

dhcpm_status dhcpm_client_ex_new(dhcpm_value** value) noexcept {
  return guarded(nullptr, [&] { return dhcpm::capi::make_value(value, dhcpm::client_info_ex{}); });
}

dhcpm_status dhcpm_convert(const dhcpm_value* value, dhcpm_type to, dhcpm_value** converted,
                           dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (converted != nullptr) *converted = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    const std::optional<dhcpm::value_type> target = to_value_type(to);
    if (value == nullptr || converted == nullptr || !target) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "value and converted are required, and to a dhcpm_type");
    }
    return std::visit(
        [&](const auto& record) -> dhcpm_status {
          using from = std::remove_cvref_t<decltype(record)>;
          return dhcpm::with_record_type(*target, [&](auto to_record) -> dhcpm_status {
            using into = typename decltype(to_record)::type;
            if constexpr (dhcpm::converts_to<into, from>) {
              dhcpm::result<into> out = dhcpm::convert_record<into>(record);
              if (!out) return report(error, out.error_value());
              auto made = std::make_unique<dhcpm_value>(*value);
              made->content = std::move(*out);
              *converted = made.release();
              return DHCPM_OK;
            } else {
              return report(error, DHCPM_ERR_UNSUPPORTED,
                            "only the failover record and its _EX convert to each other");
            }
          });
        },
        value->content);
  });
}

dhcpm_status dhcpm_array_new(dhcpm_value** value) noexcept {
  return guarded(nullptr, [&] {
    dhcpm::client_info_array empty;
    empty.clients.emplace();
    return dhcpm::capi::make_value(value, std::move(empty));
  });
}

dhcpm_status dhcpm_array_append(dhcpm_value* array, dhcpm_client** element) noexcept {
  return guarded(nullptr, [&] { return dhcpm::capi::append_slot(array, false, element); });
}

dhcpm_status dhcpm_array_append_null(dhcpm_value* array) noexcept {
  return guarded(nullptr, [&] { return dhcpm::capi::append_slot(array, true, nullptr); });
}

dhcpm_status dhcpm_array_set_clients_null(dhcpm_value* array) noexcept {
  dhcpm::client_info_array* a = array != nullptr ? array->array() : nullptr;
  if (a == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  a->clients.reset();
  a->num_elements = 0;
  return DHCPM_OK;
}

dhcpm_status dhcpm_array_set_num_elements(dhcpm_value* array, uint32_t num_elements) noexcept {
  dhcpm::client_info_array* a = array != nullptr ? array->array() : nullptr;
  if (a == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  a->num_elements = num_elements;
  return DHCPM_OK;
}

dhcpm_status dhcpm_value_set_null(dhcpm_value* value, int is_null) noexcept {
  if (value == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  value->is_null = is_null != 0;
  return DHCPM_OK;
}

dhcpm_status dhcpm_value_set_return_value(dhcpm_value* value, uint32_t return_value) noexcept {
  if (value == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  value->return_value = return_value;
  return DHCPM_OK;
}

}  // extern "C"
