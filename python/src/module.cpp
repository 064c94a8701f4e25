// dhcpm._dhcpm, the compiled half of the Python package `dhcpm`
// (python/dhcpm/__init__.py re-exports it, with the helpers written in Python).
#include <pybind11/pybind11.h>

#include <string>

#include "dhcpm/dhcpm.h"
#include "errors.hpp"
#include "calls.hpp"
#include "records.hpp"

namespace dhcpm::python {
void bind_codec(pybind11::module_& m);
void bind_dissection(pybind11::module_& m);
void bind_lazy(pybind11::module_& m);
}  // namespace dhcpm::python

PYBIND11_MODULE(_dhcpm, m) {
  namespace p = dhcpm::python;
  m.doc() = "dhcpm: the MS-DHCPM client records and their calls, exact in every layout.";
  m.attr("__version__") = std::string(dhcpm_version());
  p::bind_errors(m);
  p::bind_records(m);
  p::bind_calls(m);
  p::bind_dissection(m);
  p::bind_codec(m);
  p::bind_lazy(m);
}
