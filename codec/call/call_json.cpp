// The JSON of a call's stub data: an object keyed by the parameter names in
// IDL order (ReturnValue last), each value in the form the records' JSON
// uses (json/). A [ref] parameter cannot be null: a [ref] pointer is never
// NULL, and its pointee is on the wire unconditionally.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"
#include "json/json_detail.hpp"

namespace dhcpm {
namespace detail {
namespace {

std::optional<error> stub_matches_table(const call_stub& stub) {
  const auto params = stub.type.params();
  if (stub.params.size() != params.size()) {
    return error{error_code::inconsistent_value, 0, "",
                 "the stub holds " + std::to_string(stub.params.size()) + " parameters, not " +
                     std::to_string(params.size())};
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const char* expected = param_mismatch(params[i], stub.params[i])) {
      return error{error_code::inconsistent_value, 0, std::string(params[i].name), std::string("expected ") + expected};
    }
  }
  return std::nullopt;
}

ordered_json param_to_json(const param_info& p, const param_value& value) {
  switch (p.kind) {
    case param_kind::dword:
    case param_kind::return_value: {
      const std::uint32_t number = std::get<std::uint32_t>(value);
      return p.meaning == field_meaning::ipv4 ? ordered_json(format_ipv4(number)) : ordered_json(number);
    }
    case param_kind::unique_string: return string_to_json(std::get<utf16_string>(value));
    case param_kind::ref_record: return any_record_to_json(std::get<any_record>(value));
    case param_kind::unique_record: {
      const auto& record = std::get<std::optional<any_record>>(value);
      return record ? any_record_to_json(*record) : ordered_json(nullptr);
    }
  }
  return nullptr;
}

maybe_error param_from_json(const ordered_json& object, const param_info& p, param_value& out) {
  const std::string path(p.name);
  switch (p.kind) {
    case param_kind::dword:
    case param_kind::return_value: {
      std::uint32_t number = 0;
      maybe_error e = p.meaning == field_meaning::ipv4 ? read_ipv4(object, "", p.name, number)
                                                       : read_u32(object, "", p.name, number);
      out = number;
      return e;
    }
    case param_kind::unique_string: {
      utf16_string text;
      maybe_error e = read_string(object, "", p.name, text);
      out = std::move(text);
      return e;
    }
    case param_kind::ref_record:
    case param_kind::unique_record: {
      const auto member = object.find(path);
      if (member == object.end()) return json_error(path, "missing member");
      if (member->is_null()) {
        if (p.kind == param_kind::ref_record) return json_error(path, "a [ref] parameter cannot be null");
        out = std::optional<any_record>{};
        return std::nullopt;
      }
      any_record record;
      if (maybe_error e = any_record_from_json(*member, path, p.type, record)) return e;
      if (p.kind == param_kind::ref_record) {
        out = std::move(record);
      } else {
        out = std::optional<any_record>(std::move(record));
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace
}  // namespace detail

result<std::string> call_to_json(const call_stub& stub) {
  if (std::optional<error> bad = detail::stub_matches_table(stub)) return std::move(*bad);
  detail::ordered_json object = detail::ordered_json::object();
  const auto params = stub.type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    object[std::string(params[i].name)] = detail::param_to_json(params[i], stub.params[i]);
  }
  return detail::dump_json(object);
}

result<call_stub> call_from_json(call_stub_type type, std::string_view text) {
  result<detail::ordered_json> tree = detail::parse_json_text(text);
  if (!tree) return std::move(tree).error_value();
  const auto params = type.params();
  std::vector<std::string_view> names;
  for (const param_info& p : params) names.push_back(p.name);
  try {
    if (detail::maybe_error e = detail::check_object(*tree, "", names)) return std::move(*e);
    call_stub stub = empty_stub(type);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (detail::maybe_error e = detail::param_from_json(*tree, params[i], stub.params[i])) return std::move(*e);
    }
    return stub;
  } catch (const detail::ordered_json::exception& e) {
    return error{error_code::internal_error, 0, "", std::string{"JSON reader: "} + e.what()};
  }
}

}  // namespace dhcpm
