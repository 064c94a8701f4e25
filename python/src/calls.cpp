#include "calls.hpp"

#include <pybind11/stl.h>

#include <string>

#include "codec_args.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/generate.hpp"
#include "errors.hpp"
#include "records.hpp"
#include "scalars.hpp"
#include "value_ref.hpp"

namespace dhcpm::python {
namespace {

using namespace pybind11::literals;
using stub_ref = ref<call_stub>;

}  // namespace

call_stub_type stub_type_from(std::string_view method, std::string_view direction_name) {
  const std::optional<std::size_t> call = find_call(method);
  if (!call) throw py::value_error("unknown call '" + std::string(method) + "' (an IDL method name: R_Dhcp...)");
  const std::optional<direction> dir = parse_direction(direction_name);
  if (!dir) throw py::value_error("direction is 'request' or 'response', not '" + std::string(direction_name) + "'");
  return {*call, *dir};
}

layout stub_layout(std::string_view name) {
  return write_format(py::str(std::string(name)), "bare", default_image_base, false).wire;
}

namespace {

std::size_t param_index(const call_stub& stub, std::string_view name) {
  const auto params = stub.type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].name == name) return i;
  }
  throw py::attribute_error(std::string(stub.type.info().method) + " " + std::string(to_string(stub.type.dir)) +
                            " has no parameter '" + std::string(name) + "'");
}

py::object record_to_py(const stub_ref& s, any_record& record, std::vector<guard> guards) {
  return std::visit(
      [&](auto& r) -> py::object {
        using R = std::remove_cvref_t<decltype(r)>;
        return py::cast(ref<R>(s.root(), &r, std::move(guards)));
      },
      record);
}

py::object get_param(const stub_ref& s, std::string_view name) {
  call_stub& stub = s.get();
  const std::size_t i = param_index(stub, name);
  const param_info& info = stub.type.params()[i];
  param_value& value = stub.params[i];
  switch (info.kind) {
    case param_kind::dword:
    case param_kind::return_value: {
      const std::uint32_t n = std::get<std::uint32_t>(value);
      return info.meaning == field_meaning::ipv4 ? ipv4_to_py(n) : py::int_(n);
    }
    case param_kind::unique_string:
      return string_to_py(std::get<utf16_string>(value));
    case param_kind::ref_record:
      return record_to_py(s, std::get<any_record>(value), s.guards());
    case param_kind::unique_record: {
      auto& pointer = std::get<std::optional<any_record>>(value);
      if (!pointer) return py::none();
      std::vector<guard> g = s.guards();
      g.push_back({&pointer, &optional_present<any_record>, info.name.data()});
      return record_to_py(s, *pointer, std::move(g));
    }
  }
  return py::none();
}

// A record of the parameter's type from a record object or a dict of its fields.
any_record record_from_py(value_type type, py::handle value) {
  return with_record_type(type, [&](auto id) -> any_record {
    using R = typename decltype(id)::type;
    return any_record(std::in_place_type<R>, value_from_py<R>(value));
  });
}

void set_param(const stub_ref& s, std::string_view name, py::handle v) {
  call_stub& stub = s.get();
  const std::size_t i = param_index(stub, name);
  const param_info& info = stub.type.params()[i];
  param_value& value = stub.params[i];
  switch (info.kind) {
    case param_kind::dword:
    case param_kind::return_value:
      value = info.meaning == field_meaning::ipv4
                  ? ipv4_from_py(v, info.name)
                  : static_cast<std::uint32_t>(unsigned_from_py(v, 0xFFFFFFFF, info.name));
      return;
    case param_kind::unique_string:
      value = string_from_py(v, info.name);
      return;
    case param_kind::ref_record: {  // the same type again, in the same place (objects of its parts stay valid)
      any_record replacement = record_from_py(info.type, v);
      auto& record = std::get<any_record>(value);
      s.retire(std::move(record));
      record = std::move(replacement);
      return;
    }
    case param_kind::unique_record: {
      std::optional<any_record> replacement;
      if (!v.is_none()) replacement = record_from_py(info.type, v);
      auto& pointer = std::get<std::optional<any_record>>(value);
      s.retire(std::move(pointer));
      pointer = std::move(replacement);
      return;
    }
  }
}

stub_ref new_stub(std::string_view method, std::string_view direction_name, const py::kwargs& params) {
  stub_ref s = own(empty_stub(stub_type_from(method, direction_name)));
  for (auto [key, value] : params) set_param(s, py::cast<std::string_view>(key), value);
  return s;
}

py::object stub_from_json(std::string_view method, std::string_view direction_name, py::handle json) {
  const std::string text = py::isinstance<py::str>(json)
                               ? py::cast<std::string>(json)
                               : py::cast<std::string>(py::module_::import("json").attr("dumps")(
                                     json, "ensure_ascii"_a = false));
  result<call_stub> read = call_from_json(stub_type_from(method, direction_name), text);
  if (!read) raise_decode_error(read.error_value());
  return stub_to_py(std::move(*read));
}

std::string stub_json(const stub_ref& s) {
  result<std::string> text = call_to_json(s.get());
  if (!text) raise_encode_error(text.error_value());
  return std::move(*text);
}

py::object decode_stub(py::handle data, std::string_view method, std::string_view direction_name,
                       std::string_view layout_name, bool lenient, const limits& limit) {
  const input_buffer input(data);
  const call_stub_type type = stub_type_from(method, direction_name);
  const layout wire = stub_layout(layout_name);
  auto decoded = [&] {
    const maybe_without_gil unlocked(input);
    return decode_call(input.bytes(), type, wire, options_from(lenient, limit));
  }();
  if (!decoded) raise_decode_error(decoded.error_value());
  py::object stub = stub_to_py(std::move(decoded->value));
  if (!lenient) return stub;
  return py::make_tuple(stub, warnings_to_py(decoded->warnings));
}

}  // namespace

py::object stub_to_py(call_stub&& stub) { return py::cast(own(std::move(stub))); }

call_stub stub_from_py(py::handle object) {
  if (!py::isinstance<stub_ref>(object)) throw py::type_error("expected a dhcpm.Stub");
  return py::cast<const stub_ref&>(object).get();
}

call_stub stub_of_response(get_client_info_response&& response) {
  call_stub stub = empty_stub({*find_call("R_DhcpV4FailoverGetClientInfo"), direction::response});
  if (response.client) *stub.find("ClientInfo") = std::optional<any_record>(std::move(*response.client));
  *stub.find("ReturnValue") = response.return_value;
  return stub;
}

get_client_info_response response_of_stub(call_stub&& stub) {
  if (stub.type != call_stub_type{*find_call("R_DhcpV4FailoverGetClientInfo"), direction::response}) {
    throw py::type_error("framing='response' encodes an R_DhcpV4FailoverGetClientInfo response stub");
  }
  get_client_info_response out;
  auto& client = std::get<std::optional<any_record>>(*stub.find("ClientInfo"));
  if (client) out.client = std::move(std::get<client_info>(*client));
  out.return_value = std::get<std::uint32_t>(*stub.find("ReturnValue"));
  return out;
}

void bind_calls(py::module_& m) {
  py::class_<stub_ref>(m, "Stub",
                       "The stub data of one direction of a call: an attribute per parameter, named as in the IDL.")
      .def(py::init(&new_stub), "call"_a, "direction"_a,
           "Every parameter at its empty value (DWORDs 0, strings and [unique] records NULL), then the\n"
           "parameters the keywords name.")
      .def_property_readonly("call", [](const stub_ref& s) { return std::string(s.get().type.info().method); })
      .def_property_readonly("direction", [](const stub_ref& s) { return std::string(to_string(s.get().type.dir)); })
      .def_property_readonly("interface",
                             [](const stub_ref& s) { return std::string(to_string(s.get().type.info().iface)); })
      .def_property_readonly("opnum", [](const stub_ref& s) { return s.get().type.info().opnum; })
      .def_property_readonly("params",
                             [](const stub_ref& s) {
                               py::list names;
                               for (const param_info& p : s.get().type.params()) names.append(std::string(p.name));
                               return names;
                             })
      .def("__getattr__", [](const stub_ref& s, std::string_view name) { return get_param(s, name); })
      .def("__setattr__", [](const stub_ref& s, std::string_view name, py::handle v) { set_param(s, name, v); })
      .def("__dir__",
           [](py::handle self) {
             py::list names = self.attr("params");
             for (const char* a : {"call", "direction", "interface", "opnum", "params", "to_json", "to_dict", "copy"}) {
               names.append(a);
             }
             return names;
           })
      .def("__eq__",
           [](const stub_ref& a, py::handle b) -> py::object {
             if (!py::isinstance<stub_ref>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a.get() == py::cast<const stub_ref&>(b).get());
           })
      .def("__repr__",
           [](const stub_ref& s) {
             std::string out = "Stub(" + std::string(s.get().type.info().method) + " " +
                               std::string(to_string(s.get().type.dir));
             for (const param_info& p : s.get().type.params()) {
               out += ", " + std::string(p.name) + "=" + py::cast<std::string>(py::repr(get_param(s, p.name)));
             }
             return out + ")";
           })
      .def("copy", [](const stub_ref& s) { return own(call_stub(s.get())); })
      .def("to_json", &stub_json, "The JSON text of `dhcpm decode --call` (without its final newline).")
      .def("to_dict", [](const stub_ref& s) { return py::module_::import("json").attr("loads")(stub_json(s)); })
      .def_static("from_json", &stub_from_json, "call"_a, "direction"_a, "json"_a);
  m.attr("Stub").attr("__hash__") = py::none();

  m.def(
      "decode_call",
      [](py::handle data, std::string_view call, std::string_view direction_name, std::string_view layout_name,
         bool lenient, std::optional<std::uint32_t> max_elements, std::optional<std::uint32_t> max_string_units,
         std::optional<std::uint64_t> max_decoded_bytes, std::optional<std::uint32_t> max_warnings) {
        return decode_stub(data, call, direction_name, layout_name, lenient,
                           {max_elements, max_string_units, max_decoded_bytes, max_warnings, 1});
      },
      "data"_a, "call"_a, "direction"_a, "layout"_a = "ndr20", py::kw_only(), "lenient"_a = false,
      "max_elements"_a = py::none(), "max_string_units"_a = py::none(), "max_decoded_bytes"_a = py::none(),
      "max_warnings"_a = py::none(),
      "The stub data of a call's request or response (NDR layouts): a Stub, or (Stub, warnings) when lenient.");
  m.def(
      "encode_call",
      [](py::handle stub, std::string_view layout_name) {
        const call_stub s = stub_from_py(stub);
        result<bytes> encoded = encode_call(s, stub_layout(layout_name));
        if (!encoded) raise_encode_error(encoded.error_value());
        return py::bytes(reinterpret_cast<const char*>(encoded->data()), encoded->size());
      },
      "stub"_a, "layout"_a = "ndr20");
  m.def(
      "validate_call",
      [](py::handle data, std::string_view call, std::string_view direction_name, std::string_view layout_name,
         bool lenient) {
        const input_buffer input(data);
        const call_stub_type type = stub_type_from(call, direction_name);
        auto checked = validate_call(input.bytes(), type, stub_layout(layout_name), options_from(lenient, {}));
        if (!checked) raise_decode_error(checked.error_value());
        return warnings_to_py(*checked);
      },
      "data"_a, "call"_a, "direction"_a, "layout"_a = "ndr20", py::kw_only(), "lenient"_a = false);
  m.def(
      "dissect_call",
      [](py::handle data, std::string_view call, std::string_view direction_name, std::string_view layout_name,
         bool lenient) {
        const input_buffer input(data);
        const call_stub_type type = stub_type_from(call, direction_name);
        return py::cast(dhcpm::dissect_call(input.bytes(), type, stub_layout(layout_name), options_from(lenient, {})));
      },
      "data"_a, "call"_a, "direction"_a, "layout"_a = "ndr20", py::kw_only(), "lenient"_a = false);
  m.def(
      "gen_call",
      [](std::string_view call, std::string_view direction_name, std::uint64_t seed) {
        realistic_generator g(seed);
        return stub_to_py(generate_call(stub_type_from(call, direction_name), g));
      },
      "call"_a, "direction"_a, "seed"_a = 0, "Realistic stub data, as `dhcpm gen --call`.");
  m.def(
      "calls",
      [] {
        py::list out;
        for (const call_info& c : call_table) {
          out.append(py::make_tuple(std::string(c.method), std::string(to_string(c.iface)), c.opnum));
        }
        return out;
      },
      "Every call dhcpm knows: (method, interface, opnum), in the order of [MS-DHCPM].");
  m.def(
      "return_value_name", [](std::uint32_t value) { return std::string(return_value_name(value)); }, "value"_a,
      "The name of a call's return value (\"ERROR_MORE_DATA\"), or \"\" for one dhcpm has no name for.");
}

}  // namespace dhcpm::python
