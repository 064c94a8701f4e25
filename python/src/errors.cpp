#include "errors.hpp"

#include <string>

namespace dhcpm::python {
namespace {

// The exception classes, made once by bind_errors and kept for the life of
// the interpreter.
PyObject* error_class = nullptr;
PyObject* decode_error_class = nullptr;
PyObject* encode_error_class = nullptr;

[[noreturn]] void raise(PyObject* cls, const error& e) {
  const py::object exception = py::reinterpret_borrow<py::object>(cls)(format_error(e));
  exception.attr("code") = std::string(to_string(e.code));
  exception.attr("offset") = e.offset;
  exception.attr("path") = e.path;
  exception.attr("message") = e.message;
  PyErr_SetObject(cls, exception.ptr());
  throw py::error_already_set();
}

}  // namespace

void bind_errors(py::module_& m) {
  error_class = PyErr_NewExceptionWithDoc(
      "dhcpm.Error", "A dhcpm failure: .code, .offset, .path and .message say what, where and in which field.",
      PyExc_ValueError, nullptr);
  decode_error_class = PyErr_NewExceptionWithDoc(
      "dhcpm.DecodeError", "Bytes (or JSON) that are not a valid value of the type asked for.", error_class, nullptr);
  encode_error_class = PyErr_NewExceptionWithDoc(
      "dhcpm.EncodeError", "A value that the layout asked for cannot hold, or that contradicts itself.", error_class,
      nullptr);
  m.add_object("Error", py::handle(error_class));
  m.add_object("DecodeError", py::handle(decode_error_class));
  m.add_object("EncodeError", py::handle(encode_error_class));

  py::class_<error>(m, "Warning", "A check that lenient decoding let pass: what strict decoding would have refused.")
      .def_property_readonly("code", [](const error& e) { return std::string(to_string(e.code)); })
      .def_readonly("offset", &error::offset)
      .def_readonly("path", &error::path)
      .def_readonly("message", &error::message)
      .def("__str__", [](const error& e) { return format_error(e); })
      .def("__repr__", [](const error& e) { return "<dhcpm.Warning " + format_error(e) + ">"; })
      .def("__eq__", [](const error& a, const error& b) { return a == b; })
      .def("__hash__", [](const error& e) { return py::hash(py::str(format_error(e))); });
}

void raise_decode_error(const error& e) { raise(decode_error_class, e); }
void raise_encode_error(const error& e) { raise(encode_error_class, e); }

py::list warnings_to_py(const std::vector<error>& warnings) {
  py::list out;
  for (const error& w : warnings) out.append(py::cast(w));
  return out;
}

}  // namespace dhcpm::python
