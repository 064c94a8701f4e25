// JSON -> whole values (record, array, response) and the public entry points.
// Field paths in errors use the dhcpsapi.h names, like the decoders' paths.
#include <array>
#include <span>
#include <utility>

#include "dhcpm/client_info_schema.hpp"

#include "dhcpm/json.hpp"
#include "json/json_detail.hpp"

namespace dhcpm {
namespace detail {
namespace {

// The object of a record, or of one of its structures (the fields whose
// parent is `parent`): every member required, none unknown, in schema order.
template <class Record>
maybe_error fields_from_json(const ordered_json& value, const std::string& path, std::uint8_t parent, Record& out) {
  constexpr auto& table = field_table<Record>;
  std::array<std::string_view, table.size()> names{};
  std::size_t count = 0;
  for (const field_info& f : table) {
    if (f.parent == parent) names[count++] = f.name();
  }
  if (maybe_error e = check_object(value, path, std::span<const std::string_view>(names.data(), count))) return e;
  maybe_error failure;
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = table[index];
    if (failure || info.parent != parent) return;
    auto& member = f.of(out);
    if constexpr (info.kind == field_kind::structure) {
      failure = read_member(value, path, info.name(), [&](const ordered_json& inner, const std::string& inner_path) {
        return fields_from_json(inner, inner_path, static_cast<std::uint8_t>(index), out);
      });
    } else if constexpr (info.kind == field_kind::binary_data) {
      failure = read_binary(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::lpwstr) {
      failure = read_string(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::ipv4) {
      failure = read_ipv4(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::u8) {
      failure = read_u8(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::filetime) {
      failure = read_u64(value, path, info.name(), member);
    } else {
      failure = read_u32(value, path, info.name(), member);
    }
  });
  return failure;
}

constexpr std::string_view array_fields[] = {"NumElements", "Clients"};
constexpr std::string_view response_fields[] = {"ClientInfo", "ReturnValue"};

maybe_error clients_from_json(const ordered_json& value, const std::string& path, std::optional<client_list>& out) {
  if (value.is_null()) {
    out.reset();
    return std::nullopt;
  }
  if (!value.is_array()) return json_error(path, "expected an array or null, got " + describe_json(value));
  std::size_t records = 0;
  for (const ordered_json& element : value) records += element.is_null() ? 0 : 1;
  client_list list;
  list.reserve(value.size(), records);
  for (std::size_t i = 0; i < value.size(); ++i) {
    const ordered_json& element = value[i];
    if (element.is_null()) {
      list.push_back_null();
      continue;
    }
    client_info record;
    if (maybe_error e = client_from_json(element, index_path(path, i), record)) return e;
    list.push_back(std::move(record));
  }
  out = std::move(list);
  return std::nullopt;
}

maybe_error response_from_json(const ordered_json& value, get_client_info_response& out) {
  // The wrapped form is recognised by its members; anything else must be a
  // bare record, whose errors then name the record's own fields.
  const bool wrapped = value.is_object() && (value.contains("ClientInfo") || value.contains("ReturnValue"));
  if (!wrapped) {
    out.return_value = 0;
    out.client.emplace();
    return client_from_json(value, "", *out.client);
  }
  if (maybe_error e = check_object(value, "", response_fields)) return e;
  const auto info = value.find("ClientInfo");
  if (info == value.end()) return json_error("ClientInfo", "missing member");
  if (info->is_null()) {
    out.client.reset();
  } else {
    out.client.emplace();
    if (maybe_error e = client_from_json(*info, "ClientInfo", *out.client)) return e;
  }
  return read_u32(value, "", "ReturnValue", out.return_value);
}

// Parses the text and runs one reader over it, turning any nlohmann
// exception (a bug: the readers check types before every get) into an
// internal_error rather than letting it escape the library.
template <class T, class Read>
result<T> read_text(std::string_view text, Read&& read) {
  result<ordered_json> tree = parse_json_text(text);
  if (!tree) return std::move(tree).error_value();
  try {
    T value{};
    if (maybe_error e = std::forward<Read>(read)(*tree, value)) return std::move(*e);
    return value;
  } catch (const ordered_json::exception& e) {
    return error{error_code::internal_error, 0, "", std::string{"JSON reader: "} + e.what()};
  }
}

}  // namespace

maybe_error client_from_json(const ordered_json& value, const std::string& path, client_info& out) {
  return fields_from_json(value, path, no_parent, out);
}

maybe_error array_from_json(const ordered_json& value, const std::string& path, client_info_array& out) {
  if (maybe_error e = check_object(value, path, array_fields)) return e;
  if (maybe_error e = read_u32(value, path, "NumElements", out.num_elements)) return e;
  const auto clients = value.find("Clients");
  if (clients == value.end()) return json_error(join_path(path, "Clients"), "missing member");
  return clients_from_json(*clients, join_path(path, "Clients"), out.clients);
}

}  // namespace detail

result<client_info> client_from_json(std::string_view text) {
  return detail::read_text<client_info>(
      text, [](const detail::ordered_json& tree, client_info& out) { return detail::client_from_json(tree, "", out); });
}

result<client_info_ex> client_ex_from_json(std::string_view text) {
  return detail::read_text<client_info_ex>(text, [](const detail::ordered_json& tree, client_info_ex& out) {
    return detail::fields_from_json(tree, "", no_parent, out);
  });
}

result<std::optional<client_info>> optional_client_from_json(std::string_view text) {
  return detail::read_text<std::optional<client_info>>(
      text, [](const detail::ordered_json& tree, std::optional<client_info>& out) -> detail::maybe_error {
        if (tree.is_null()) return std::nullopt;
        return detail::client_from_json(tree, "", out.emplace());
      });
}

result<client_info_array> array_from_json(std::string_view text) {
  return detail::read_text<client_info_array>(text, [](const detail::ordered_json& tree, client_info_array& out) {
    return detail::array_from_json(tree, "", out);
  });
}

result<std::optional<client_info_array>> optional_array_from_json(std::string_view text) {
  return detail::read_text<std::optional<client_info_array>>(
      text, [](const detail::ordered_json& tree, std::optional<client_info_array>& out) -> detail::maybe_error {
        if (tree.is_null()) return std::nullopt;
        return detail::array_from_json(tree, "", out.emplace());
      });
}

result<get_client_info_response> response_from_json(std::string_view text) {
  return detail::read_text<get_client_info_response>(
      text, [](const detail::ordered_json& tree, get_client_info_response& out) {
        return detail::response_from_json(tree, out);
      });
}

namespace {

// A JSON list whose every element is read by `read_one` (tree, path, out).
template <class T, class ReadOne>
result<std::vector<T>> read_list(std::string_view text, ReadOne read_one) {
  return detail::read_text<std::vector<T>>(
      text, [&](const detail::ordered_json& tree, std::vector<T>& out) -> detail::maybe_error {
        if (!tree.is_array()) return detail::json_error("", "expected a list, got " + detail::describe_json(tree));
        out.resize(tree.size());
        for (std::size_t i = 0; i < tree.size(); ++i) {
          if (detail::maybe_error e = read_one(tree[i], detail::index_path("", i), out[i])) return e;
        }
        return std::nullopt;
      });
}

}  // namespace

result<std::vector<client_info>> client_list_from_json(std::string_view text) {
  return read_list<client_info>(text, [](const detail::ordered_json& tree, const std::string& path,
                                         client_info& out) { return detail::client_from_json(tree, path, out); });
}

result<std::vector<client_info_array>> array_list_from_json(std::string_view text) {
  return read_list<client_info_array>(
      text, [](const detail::ordered_json& tree, const std::string& path, client_info_array& out) {
        return detail::array_from_json(tree, path, out);
      });
}

}  // namespace dhcpm
