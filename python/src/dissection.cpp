// dhcpm.Region and dhcpm.Dissection: dissect.hpp's results as read-only objects.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "dhcpm/dissect.hpp"
#include "dhcpm/record_types.hpp"
#include "errors.hpp"

namespace dhcpm::python {

namespace py = pybind11;

namespace {

// The schema path of a region's field ("OwnerHost.HostName"), or "" for none.
std::string field_path_of(const region& r) {
  if (r.field < 0) return {};
  return with_record_type(r.table, [&](auto id) -> std::string {
    using R = typename decltype(id)::type;
    const auto& table = field_table<R>;
    return static_cast<std::size_t>(r.field) < table.size() ? std::string(table[r.field].path) : std::string();
  });
}

}  // namespace

void bind_dissection(py::module_& m) {
  py::class_<region>(m, "Region", "Bytes [offset, offset + length) and what they are.")
      .def_readonly("offset", &region::offset)
      .def_readonly("length", &region::length)
      .def_property_readonly("kind", [](const region& r) { return std::string(to_string(r.kind)); })
      .def_readonly("path", &region::path, "the field, with array indexes: \"Clients[3].OwnerHost.HostName\"")
      .def_readonly("value", &region::value, "the decoded meaning, as text")
      .def_property_readonly("table", [](const region& r) { return std::string(to_string(r.table)); },
                             "the record type whose schema `field` indexes")
      .def_readonly("field", &region::field, "the index of the field in that schema, or -1")
      .def_property_readonly("field_path", &field_path_of, "the field's path in its record: \"OwnerHost.HostName\"")
      .def_readonly("element", &region::element, "the element of Clients the bytes lie in, or -1")
      .def_readonly("value_index", &region::value_index)
      .def_property_readonly("parameter", [](const region& r) { return std::string(r.parameter); })
      .def_readonly("number", &region::number)
      .def("__repr__", [](const region& r) {
        return "Region(" + std::to_string(r.offset) + ", " + std::to_string(r.length) + ", " +
               std::string(to_string(r.kind)) + ", " + py::cast<std::string>(py::repr(py::str(r.path))) + ", " +
               py::cast<std::string>(py::repr(py::str(r.value))) + ")";
      });
  py::class_<dissection>(m, "Dissection",
                         "The regions (sorted, contiguous, covering [0, consumed)), the layout read, lenient mode's\n"
                         "warnings, and `stopped`: why and where the walk stopped, or None for a complete value.")
      .def_readonly("regions", &dissection::regions)
      .def_property_readonly("layout", [](const dissection& d) { return std::string(to_string(d.wire)); })
      .def_readonly("consumed", &dissection::consumed)
      .def_property_readonly("warnings", [](const dissection& d) { return warnings_to_py(d.warnings); })
      .def_property_readonly("stopped",
                             [](const dissection& d) -> py::object {
                               if (!d.stopped) return py::none();
                               return py::cast(*d.stopped);
                             })
      .def("__len__", [](const dissection& d) { return d.regions.size(); })
      .def("__iter__", [](const dissection& d) { return py::make_iterator(d.regions.begin(), d.regions.end()); },
           py::keep_alive<0, 1>());
}

}  // namespace dhcpm::python
