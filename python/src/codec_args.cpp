#include "codec_args.hpp"

#include <string>

#include "dhcpm/dissect.hpp"
#include "dhcpm/record_types.hpp"
#include "records.hpp"

namespace dhcpm::python {

value_type type_from_py(py::handle type) {
  if (py::isinstance<py::str>(type)) {
    const std::string name = py::cast<std::string>(type);
    if (const auto t = parse_value_type(name)) return *t;
    for (const value_type t : all_value_types) {  // the failover types by their IDL names too
      if (py::cast<std::string>(class_of(t).attr("__name__")) == name) return t;
    }
    throw py::value_error("unknown type '" + name + "' (a --type of the CLI, or an IDL type name)");
  }
  if (const auto t = type_of_class(type)) return *t;
  throw py::type_error("a type is a name (\"client\", \"DHCP_CLIENT_INFO_PB\") or a dhcpm record class");
}

value_type type_of_value(py::handle value, bool several) {
  if (several) {
    if (py::len(value) == 0) throw py::value_error("an empty list needs type=");
    return type_of_value(value[py::int_(0)], false);
  }
  if (value.is_none()) throw py::value_error("None (a NULL pointer) needs type=");
  if (const auto t = type_of_class(py::type::of(value))) return *t;
  if (py::hasattr(value, "call") && py::hasattr(value, "direction")) return value_type::client;  // an opnum 98 response stub
  throw py::type_error("not a dhcpm value: " + py::cast<std::string>(py::repr(value)));
}

namespace {

framing framing_from(std::string_view name) {
  if (const auto f = parse_framing(name)) return *f;
  throw py::value_error("unknown framing '" + std::string(name) + "' (bare, ptr, response)");
}

layout layout_from(py::handle name) {
  const std::string text = py::cast<std::string>(name);
  if (const auto l = parse_layout(text)) return *l;
  throw py::value_error("unknown layout '" + text +
                        "' (ndr20, ndr20be, ndr64, pickle, pickle-ndr20, pickle-ndr20be, pickle-ndr64, "
                        "pickle2-ndr20, x64, x86, or auto to read)");
}

}  // namespace

wire_format read_format(std::span<const std::uint8_t> input, py::handle layout_name, std::string_view framing_name,
                        std::uint64_t base, std::optional<std::uint64_t> at, bool all) {
  wire_format format{.frame = framing_from(framing_name), .base = base, .at = at, .all = all};
  if (py::cast<std::string>(layout_name) == "auto") {
    const std::optional<layout> found = detect_layout(input);
    if (!found) {
      throw py::value_error(
          "layout='auto' and the input does not start with a type serialization header; name its layout");
    }
    format.wire = *found;
  } else {
    format.wire = layout_from(layout_name);
  }
  return format;
}

wire_format write_format(py::handle layout_name, std::string_view framing_name, std::uint64_t base, bool all) {
  return {.wire = layout_from(layout_name), .frame = framing_from(framing_name), .base = base, .all = all};
}

decode_options options_from(bool lenient, const limits& limit) {
  decode_options o;
  o.strict = !lenient;
  if (limit.max_elements) o.max_elements = *limit.max_elements;
  if (limit.max_string_units) o.max_string_units = *limit.max_string_units;
  if (limit.max_decoded_bytes) o.max_decoded_bytes = *limit.max_decoded_bytes;
  if (limit.max_warnings) o.max_warnings = *limit.max_warnings;
  o.threads = limit.threads == 0 ? 1 : limit.threads;
  return o;
}

}  // namespace dhcpm::python
