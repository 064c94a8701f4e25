// JSON -> whole values (record, array, response) and the public entry points.
// Field paths in errors use the dhcpsapi.h names, like the decoders' paths.
#include <array>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "dhcpm/client_info_schema.hpp"

#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"
#include "json/json_detail.hpp"
#include "layout/union_arm.hpp"

namespace dhcpm {
namespace detail {
namespace {

template <class Record>
maybe_error fields_from_json(const ordered_json& value, const std::string& path, std::uint8_t parent, Record& out);

// A struct_array's structs (DHCP_PROPERTY_ARRAY's Elements): null, or a list of objects.
template <class Element>
maybe_error structs_from_json(const ordered_json& value, const std::string& path,
                              std::optional<std::vector<Element>>& out) {
  if (value.is_null()) {
    out.reset();
    return std::nullopt;
  }
  if (!value.is_array()) return json_error(path, "expected an array or null, got " + describe_json(value));
  std::vector<Element>& list = out.emplace(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (maybe_error e = fields_from_json(value[i], index_path(path, i), no_parent, list[i])) return e;
  }
  return std::nullopt;
}

// The object of a record, or of one of its structures (the fields whose
// parent is `parent`): every member required, none unknown, in schema order.
// A union's object is its discriminant again (it must equal the member that
// switches the union, read before it) and the one arm that selects.
template <class Record>
maybe_error fields_from_json(const ordered_json& value, const std::string& path, std::uint8_t parent, Record& out) {
  constexpr auto& table = field_table<Record>;
  std::array<std::string_view, table.size() + 1> names{};
  std::size_t count = 0;
  std::int64_t arm = not_an_arm;
  if constexpr (has_union<Record>) {
    if (parent == union_field_of<Record>) {
      const std::uint64_t discriminant = discriminant_of(out);
      const std::size_t selected = arm_selected_by<Record>(discriminant);
      if (selected == arm_count<Record>) return json_error(path, no_arm_message<Record>(discriminant));
      arm = table[arm_fields<Record>[selected]].arm;
      names[count++] = table[table[parent].selector].name();
    }
  }
  for (const field_info& f : table) {
    if (f.parent == parent && (!f.is_arm() || f.arm == arm)) names[count++] = f.name();
  }
  if constexpr (has_union<Record>) {
    // The union's own discriminant first: when it disagrees, that is the
    // error to report, not the arm it names being an unknown member.
    if (parent == union_field_of<Record>) {
      const std::string_view selector = table[table[parent].selector].name();
      if (!value.is_object()) return json_error(path, "expected an object, got " + describe_json(value));
      std::uint32_t tag = 0;
      if (maybe_error e = read_u32(value, path, selector, tag)) return e;
      if (tag != discriminant_of(out)) {
        return json_error(join_path(path, selector), "differs from " + std::string(selector) + " " +
                                                         std::to_string(discriminant_of(out)) + " outside the union");
      }
    }
  }
  if (maybe_error e = check_object(value, path, std::span<const std::string_view>(names.data(), count))) return e;
  maybe_error failure;
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_info info = table[index];
    if (failure || info.parent != parent || (info.is_arm() && info.arm != arm)) return;
    auto& member = f.of(out);
    if constexpr (info.kind == field_kind::structure || info.kind == field_kind::union_) {
      failure = read_member(value, path, info.name(), [&](const ordered_json& inner, const std::string& inner_path) {
        return fields_from_json(inner, inner_path, static_cast<std::uint8_t>(index), out);
      });
    } else if constexpr (info.kind == field_kind::binary_data) {
      failure = read_binary(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::lpwstr) {
      failure = read_string(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::struct_pointer) {
      failure = read_member(value, path, info.name(), [&](const ordered_json& pointee, const std::string& pointee_path) {
        if (pointee.is_null()) {
          member.reset();
          return maybe_error{};
        }
        return fields_from_json(pointee, pointee_path, no_parent, member.emplace());
      });
    } else if constexpr (info.kind == field_kind::struct_array) {
      failure = read_member(value, path, info.name(), [&](const ordered_json& list, const std::string& list_path) {
        return structs_from_json(list, list_path, member);
      });
    } else if constexpr (info.kind == field_kind::ipv4) {
      failure = read_ipv4(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::u8) {
      failure = read_u8(value, path, info.name(), member);
    } else if constexpr (info.kind == field_kind::u16) {
      failure = read_u16(value, path, info.name(), member);
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

template <class Value>
maybe_error value_from_json(const ordered_json& value, const std::string& path, Value& out);

// Clients: null, or a list of records and nulls.
template <class Record>
maybe_error clients_from_json(const ordered_json& value, const std::string& path,
                              std::optional<record_list<Record>>& out) {
  if (value.is_null()) {
    out.reset();
    return std::nullopt;
  }
  if (!value.is_array()) return json_error(path, "expected an array or null, got " + describe_json(value));
  std::size_t records = 0;
  for (const ordered_json& element : value) records += element.is_null() ? 0 : 1;
  record_list<Record> list;
  list.reserve(value.size(), records);
  for (std::size_t i = 0; i < value.size(); ++i) {
    const ordered_json& element = value[i];
    if (element.is_null()) {
      list.push_back_null();
      continue;
    }
    Record record;
    if (maybe_error e = fields_from_json(element, index_path(path, i), no_parent, record)) return e;
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
    return fields_from_json(value, "", no_parent, *out.client);
  }
  if (maybe_error e = check_object(value, "", response_fields)) return e;
  const auto info = value.find("ClientInfo");
  if (info == value.end()) return json_error("ClientInfo", "missing member");
  if (info->is_null()) {
    out.client.reset();
  } else {
    out.client.emplace();
    if (maybe_error e = fields_from_json(*info, "ClientInfo", no_parent, *out.client)) return e;
  }
  return read_u32(value, "", "ReturnValue", out.return_value);
}

// Any Value that from_json reads, at `path`.
template <class Value>
maybe_error value_from_json(const ordered_json& value, const std::string& path, Value& out) {
  if constexpr (is_record_array<Value>) {
    if (maybe_error e = check_object(value, path, array_fields)) return e;
    if (maybe_error e = read_u32(value, path, "NumElements", out.num_elements)) return e;
    const auto clients = value.find("Clients");
    if (clients == value.end()) return json_error(join_path(path, "Clients"), "missing member");
    return clients_from_json(*clients, join_path(path, "Clients"), out.clients);
  } else if constexpr (std::is_same_v<Value, get_client_info_response>) {
    return response_from_json(value, out);
  } else if constexpr (is_optional<Value>) {
    if (value.is_null()) {
      out.reset();
      return std::nullopt;
    }
    return value_from_json(value, path, out.emplace());
  } else if constexpr (is_list<Value>) {
    if (!value.is_array()) return json_error(path, "expected a list, got " + describe_json(value));
    out.resize(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (maybe_error e = value_from_json(value[i], index_path(path, i), out[i])) return e;
    }
    return std::nullopt;
  } else {
    return fields_from_json(value, path, no_parent, out);
  }
}

}  // namespace

maybe_error any_record_from_json(const ordered_json& value, const std::string& path, value_type type,
                                 any_record& out) {
  return with_record_type(type, [&]<class Record>(std::type_identity<Record>) {
    Record record{};
    if (maybe_error e = value_from_json(value, path, record)) return e;
    out = std::move(record);
    return maybe_error{};
  });
}

namespace {

// Parses the text and runs the reader over it, turning any nlohmann
// exception (a bug: the readers check types before every get) into an
// internal_error rather than letting it escape the library.
template <class T>
result<T> read_text(std::string_view text) {
  result<ordered_json> tree = parse_json_text(text);
  if (!tree) return std::move(tree).error_value();
  try {
    T value{};
    if (maybe_error e = value_from_json(*tree, "", value)) return std::move(*e);
    return value;
  } catch (const ordered_json::exception& e) {
    return error{error_code::internal_error, 0, "", std::string{"JSON reader: "} + e.what()};
  }
}

}  // namespace
}  // namespace detail

template <class Value>
result<Value> from_json(std::string_view text) {
  return detail::read_text<Value>(text);
}

#define DHCPM_INSTANTIATE(R)                                                      \
  template result<R> from_json(std::string_view);                                 \
  template result<std::optional<R>> from_json(std::string_view);                  \
  template result<std::vector<R>> from_json(std::string_view);
DHCPM_FOR_EACH_RECORD_TYPE(DHCPM_INSTANTIATE)
#undef DHCPM_INSTANTIATE
template result<get_client_info_response> from_json(std::string_view);

}  // namespace dhcpm
