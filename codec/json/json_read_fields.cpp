// JSON -> values, one field at a time. Reading is strict: every member is
// required, unknown members are refused, every integer is range-checked,
// because a JSON file is usually written by hand or by another tool, and a
// typo silently read as 0 or NULL would become wrong bytes on the wire.
// Consistency between fields (DataLength vs Data, NumElements vs Clients) is
// not checked here: such values are legal test inputs, the encoder refuses them.
#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "json/json_detail.hpp"

namespace dhcpm::detail {

std::string describe_json(const ordered_json& value) {
  switch (value.type()) {
    case ordered_json::value_t::null: return "null";
    case ordered_json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case ordered_json::value_t::string: {
      // Short strings are quoted (JSON-escaped, so that a message stays one
      // line of ASCII); long ones would drown the message.
      const std::string& text = value.get_ref<const std::string&>();
      if (text.size() > 40) return "a string of " + std::to_string(text.size()) + " bytes";
      return value.dump(-1, ' ', true, ordered_json::error_handler_t::replace);
    }
    case ordered_json::value_t::array: return "an array";
    case ordered_json::value_t::object: return "an object";
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned:
    case ordered_json::value_t::number_float: return value.dump();
    default: return value.type_name();
  }
}

namespace {

// The member, or nullptr when absent.
const ordered_json* find_member(const ordered_json& object, std::string_view field) {
  // check_object has run: object is an object.
  const auto it = object.find(field);
  return it == object.end() ? nullptr : &*it;
}

// A member that must be there; reports "missing member" otherwise.
template <class Read>
maybe_error with_member(const ordered_json& object, std::string_view path, std::string_view field, Read&& read) {
  std::string member_path = join_path(path, field);
  const ordered_json* member = find_member(object, field);
  if (member == nullptr) return json_error(std::move(member_path), "missing member");
  return std::forward<Read>(read)(*member, std::move(member_path));
}

// An integer in 0..max. nlohmann stores non-negative integers that fit 64
// bits as number_unsigned, negative ones as number_integer and everything
// else (fractions, exponents, integers beyond 2^64-1) as number_float.
maybe_error unsigned_from_json(const ordered_json& value, std::string path, std::uint64_t max, std::uint64_t& out) {
  // "-0" is the one negative spelling of a value in range: nlohmann keeps it
  // as a signed 0.
  const bool negative_zero = value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() == 0;
  if (value.is_number_unsigned() || negative_zero) {
    const auto number = negative_zero ? std::uint64_t{0} : value.get<std::uint64_t>();
    if (number <= max) {
      out = number;
      return std::nullopt;
    }
  }
  return json_error(std::move(path),
                    "expected an integer in 0.." + std::to_string(max) + ", got " + describe_json(value));
}

template <class T>
maybe_error read_unsigned(const ordered_json& object, std::string_view path, std::string_view field, T& out) {
  return with_member(object, path, field, [&out](const ordered_json& value, std::string member_path) {
    std::uint64_t number = 0;
    if (maybe_error e = unsigned_from_json(value, std::move(member_path), std::numeric_limits<T>::max(), number)) {
      return e;
    }
    out = static_cast<T>(number);
    return maybe_error{};
  });
}

maybe_error units_from_json(const ordered_json& units, const std::string& path, utf16_string& out) {
  if (!units.is_array()) return json_error(path, "expected an array of UTF-16 code units, got " + describe_json(units));
  std::u16string text;
  text.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint64_t unit = 0;
    if (maybe_error e = unsigned_from_json(units[i], index_path(path, i), 0xFFFF, unit)) return e;
    text.push_back(static_cast<char16_t>(unit));
  }
  out = utf16_string::from_units(text);
  return std::nullopt;
}

}  // namespace

std::string join_path(std::string_view path, std::string_view field) {
  std::string out{path};
  if (!out.empty()) out += '.';
  out += field;
  return out;
}

std::string index_path(std::string_view path, std::size_t index) {
  std::string out{path};
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

error json_error(std::string path, std::string message) {
  return error{error_code::invalid_json, 0, std::move(path), std::move(message)};
}

maybe_error check_object(const ordered_json& value, std::string_view path, std::span<const std::string_view> fields) {
  if (!value.is_object()) return json_error(std::string{path}, "expected an object, got " + describe_json(value));
  for (const auto& member : value.items()) {
    if (std::find(fields.begin(), fields.end(), member.key()) == fields.end()) {
      return json_error(join_path(path, member.key()), "unknown member");
    }
  }
  return std::nullopt;
}

maybe_error read_u8(const ordered_json& object, std::string_view path, std::string_view field, std::uint8_t& out) {
  return read_unsigned(object, path, field, out);
}

maybe_error read_u16(const ordered_json& object, std::string_view path, std::string_view field, std::uint16_t& out) {
  return read_unsigned(object, path, field, out);
}

maybe_error read_u32(const ordered_json& object, std::string_view path, std::string_view field, std::uint32_t& out) {
  return read_unsigned(object, path, field, out);
}

maybe_error read_u64(const ordered_json& object, std::string_view path, std::string_view field, std::uint64_t& out) {
  return read_unsigned(object, path, field, out);
}

maybe_error read_ipv4(const ordered_json& object, std::string_view path, std::string_view field, std::uint32_t& out) {
  return with_member(object, path, field, [&out](const ordered_json& value, std::string member_path) {
    if (value.is_string()) {
      if (std::optional<std::uint32_t> address = parse_ipv4(value.get_ref<const std::string&>())) {
        out = *address;
        return maybe_error{};
      }
    }
    return maybe_error{
        json_error(std::move(member_path), "expected a dotted-quad IPv4 address, got " + describe_json(value))};
  });
}

maybe_error string_from_json(const ordered_json& value, const std::string& path, utf16_string& out) {
  if (value.is_null()) {
    out = utf16_string::null();
    return std::nullopt;
  }
  if (value.is_string()) {
    // nlohmann has already refused ill-formed UTF-8 and unpaired "\ud800"
    // escapes, so this only fails if that ever changes.
    std::optional<utf16_string> text = utf16_string::from_utf8(value.get_ref<const std::string&>());
    if (!text) return json_error(path, "string is not well-formed UTF-8");
    out = std::move(*text);
    return std::nullopt;
  }
  if (value.is_object()) {
    static constexpr std::string_view fields[] = {"utf16"};
    if (maybe_error e = check_object(value, path, fields)) return e;
    const ordered_json* units = find_member(value, "utf16");
    if (units == nullptr) return json_error(join_path(path, "utf16"), "missing member");
    return units_from_json(*units, join_path(path, "utf16"), out);
  }
  return json_error(path, "expected a string, null or {\"utf16\": [units]}, got " + describe_json(value));
}

maybe_error read_string(const ordered_json& object, std::string_view path, std::string_view field, utf16_string& out) {
  return with_member(object, path, field, [&out](const ordered_json& value, std::string member_path) {
    return string_from_json(value, member_path, out);
  });
}

maybe_error read_binary(const ordered_json& object, std::string_view path, std::string_view field, binary_data& out) {
  return with_member(object, path, field, [&out](const ordered_json& value, std::string member_path) {
    static constexpr std::string_view fields[] = {"DataLength", "Data"};
    if (maybe_error e = check_object(value, member_path, fields)) return e;
    if (maybe_error e = read_u32(value, member_path, "DataLength", out.data_length)) return e;
    return with_member(value, member_path, "Data", [&out](const ordered_json& data, std::string data_path) {
      if (data.is_null()) {
        out.data.reset();
        return maybe_error{};
      }
      if (!data.is_string()) {
        return maybe_error{
            json_error(std::move(data_path), "expected a hex string or null, got " + describe_json(data))};
      }
      const std::string& hex = data.get_ref<const std::string&>();
      std::optional<std::vector<std::uint8_t>> bytes = parse_hex(hex);
      if (!bytes) {
        return maybe_error{json_error(std::move(data_path), hex.size() % 2 != 0
                                                                ? "expected an even number of hex digits"
                                                                : "expected hex digits (0-9, a-f)")};
      }
      out.data = std::move(*bytes);
      return maybe_error{};
    });
  });
}

maybe_error read_member(const ordered_json& object, std::string_view path, std::string_view field,
                        const std::function<maybe_error(const ordered_json&, const std::string&)>& read) {
  return with_member(object, path, field,
                     [&read](const ordered_json& value, std::string member_path) { return read(value, member_path); });
}

}  // namespace dhcpm::detail
