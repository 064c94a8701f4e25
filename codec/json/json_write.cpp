// Values -> JSON, in the format of tests/vectors/README.md. Members are added
// in dhcpsapi.h order; ordered_json keeps that order in the output.
#include <string>

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/json.hpp"
#include "json/json_detail.hpp"

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
// is `parent`), in schema order.
template <class Record>
ordered_json fields_to_json(const Record& r, std::uint8_t parent) {
  ordered_json object = ordered_json::object();
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = field_table<Record>[index];
    if (info.parent != parent) return;
    const std::string key(info.name());
    if constexpr (info.kind == field_kind::structure) {
      object[key] = fields_to_json(r, static_cast<std::uint8_t>(index));
    } else if constexpr (info.kind == field_kind::binary_data) {
      object[key] = binary_to_json(f.of(r));
    } else if constexpr (info.kind == field_kind::lpwstr) {
      object[key] = string_to_json(f.of(r));
    } else if constexpr (info.kind == field_kind::ipv4) {
      object[key] = format_ipv4(f.of(r));
    } else {
      object[key] = f.of(r);
    }
  });
  return object;
}

}  // namespace

ordered_json client_to_json(const client_info& value) { return fields_to_json(value, no_parent); }

ordered_json array_to_json(const client_info_array& value) {
  ordered_json object = ordered_json::object();
  object["NumElements"] = value.num_elements;
  if (!value.clients) {
    object["Clients"] = nullptr;
    return object;
  }
  ordered_json clients = ordered_json::array();
  const client_list& list = *value.clients;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const client_info* record = list[i];
    clients.push_back(record != nullptr ? client_to_json(*record) : ordered_json(nullptr));
  }
  object["Clients"] = std::move(clients);
  return object;
}

ordered_json response_to_json(const get_client_info_response& value) {
  ordered_json object = ordered_json::object();
  object["ClientInfo"] = value.client ? client_to_json(*value.client) : ordered_json(nullptr);
  object["ReturnValue"] = value.return_value;
  return object;
}

}  // namespace detail

std::string to_json(const client_info& value) { return detail::dump_json(detail::client_to_json(value)); }

std::string to_json(const client_info_ex& value) {
  return detail::dump_json(detail::fields_to_json(value, no_parent));
}

std::string to_json(const std::optional<client_info>& value) {
  return value ? to_json(*value) : detail::dump_json(nullptr);
}

std::string to_json(const client_info_array& value) { return detail::dump_json(detail::array_to_json(value)); }

std::string to_json(const std::optional<client_info_array>& value) {
  return value ? to_json(*value) : detail::dump_json(nullptr);
}

std::string to_json(const get_client_info_response& value) {
  return detail::dump_json(detail::response_to_json(value));
}

namespace {

template <class T, class ToTree>
std::string list_to_json(std::span<const T> values, ToTree to_tree) {
  detail::ordered_json list = detail::ordered_json::array();
  for (const T& value : values) list.push_back(to_tree(value));
  return detail::dump_json(list);
}

}  // namespace

std::string to_json(std::span<const client_info> values) {
  return list_to_json(values, [](const client_info& v) { return detail::client_to_json(v); });
}

std::string to_json(std::span<const client_info_array> values) {
  return list_to_json(values, [](const client_info_array& v) { return detail::array_to_json(v); });
}

}  // namespace dhcpm
