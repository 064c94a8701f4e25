// Values -> JSON, in the format of tests/vectors/README.md. Members are added
// in dhcpsapi.h order; ordered_json keeps that order in the output.
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"
#include "json/json_detail.hpp"
#include "layout/union_arm.hpp"

namespace dhcpm {
namespace detail {

ordered_json string_to_json(const utf16_string& value) {
  if (value.is_null()) return nullptr;
  if (std::optional<std::string> utf8 = value.to_utf8()) return std::move(*utf8);
  // Not valid UTF-16 (an unpaired surrogate): JSON strings cannot carry it
  // (nlohmann refuses "\ud800" alone), so the units are written as numbers.
  ordered_json units = ordered_json::array();
  for (char16_t unit : value.units()) units.push_back(static_cast<std::uint32_t>(unit));
  ordered_json object = ordered_json::object();
  object["utf16"] = std::move(units);
  return object;
}

namespace {

ordered_json binary_to_json(const binary_data& value) {
  ordered_json object = ordered_json::object();
  object["DataLength"] = value.data_length;
  object["Data"] = value.data ? ordered_json(format_hex(*value.data)) : ordered_json(nullptr);
  return object;
}

// The fields of a record, or of one of its structures (those whose parent
// is `parent`), in schema order. A union is its discriminant, named as the
// member that switches it, then the arm that selects (none when none does).
template <class Record>
ordered_json fields_to_json(const Record& r, std::uint8_t parent) {
  ordered_json object = ordered_json::object();
  std::int64_t arm = not_an_arm;
  if constexpr (has_union<Record>) {
    if (parent == union_field_of<Record>) {
      arm = static_cast<std::int64_t>(discriminant_of(r));
      object[std::string(field_table<Record>[field_table<Record>[parent].selector].name())] = discriminant_of(r);
    }
  }
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = field_table<Record>[index];
    if (info.parent != parent || (info.is_arm() && info.arm != arm)) return;
    const std::string key(info.name());
    if constexpr (info.kind == field_kind::structure || info.kind == field_kind::union_) {
      object[key] = fields_to_json(r, static_cast<std::uint8_t>(index));
    } else if constexpr (info.kind == field_kind::binary_data) {
      object[key] = binary_to_json(f.of(r));
    } else if constexpr (info.kind == field_kind::lpwstr) {
      object[key] = string_to_json(f.of(r));
    } else if constexpr (info.kind == field_kind::struct_pointer) {
      const auto& pointee = f.of(r);
      object[key] = pointee ? fields_to_json(*pointee, no_parent) : ordered_json(nullptr);
    } else if constexpr (info.kind == field_kind::struct_array) {
      const auto& list = f.of(r);
      if (!list) {
        object[key] = nullptr;
      } else {
        ordered_json structs = ordered_json::array();
        for (const auto& element : *list) structs.push_back(fields_to_json(element, no_parent));
        object[key] = std::move(structs);
      }
    } else if constexpr (info.kind == field_kind::ipv4) {
      object[key] = format_ipv4(f.of(r));
    } else {
      object[key] = f.of(r);
    }
  });
  return object;
}

// The tree of any Value that to_json takes.
template <class Value>
ordered_json value_to_json(const Value& value) {
  if constexpr (is_record_array<Value>) {
    ordered_json object = ordered_json::object();
    object["NumElements"] = value.num_elements;
    if (!value.clients) {
      object["Clients"] = nullptr;
      return object;
    }
    ordered_json clients = ordered_json::array();
    const auto& list = *value.clients;
    for (std::size_t i = 0; i < list.size(); ++i) {
      clients.push_back(list[i] != nullptr ? value_to_json(*list[i]) : ordered_json(nullptr));
    }
    object["Clients"] = std::move(clients);
    return object;
  } else if constexpr (std::is_same_v<Value, get_client_info_response>) {
    ordered_json object = ordered_json::object();
    object["ClientInfo"] = value.client ? value_to_json(*value.client) : ordered_json(nullptr);
    object["ReturnValue"] = value.return_value;
    return object;
  } else if constexpr (is_optional<Value>) {
    return value ? value_to_json(*value) : ordered_json(nullptr);
  } else if constexpr (is_list<Value>) {
    ordered_json list = ordered_json::array();
    for (const auto& element : value) list.push_back(value_to_json(element));
    return list;
  } else {
    return fields_to_json(value, no_parent);
  }
}

}  // namespace

ordered_json any_record_to_json(const any_record& value) {
  return std::visit([](const auto& record) { return value_to_json(record); }, value);
}

}  // namespace detail

template <class Value>
std::string to_json(const Value& value) {
  return detail::dump_json(detail::value_to_json(value));
}

#define DHCPM_INSTANTIATE(R)                                             \
  template std::string to_json(const R&);                                \
  template std::string to_json(const std::optional<R>&);                 \
  template std::string to_json(const std::vector<R>&);                   \
  template std::string to_json(const std::span<const R>&);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE
template std::string to_json(const get_client_info_response&);

}  // namespace dhcpm
