// The stub data of the twenty-two calls (call.hpp) as dhcpm.Stub objects:
// one attribute per parameter, named as in the IDL (stub.ClientInfo,
// stub.ResumeHandle, stub.ReturnValue), taken from the call table.
#pragma once

#include <pybind11/pybind11.h>

#include "dhcpm/call.hpp"
#include "dhcpm/client_info.hpp"

namespace dhcpm::python {

namespace py = pybind11;

void bind_calls(py::module_& m);

// A call and direction by name ("R_DhcpV4EnumSubnetClients", "response"); ValueError otherwise.
[[nodiscard]] call_stub_type stub_type_from(std::string_view method, std::string_view direction_name);
// A stub's layout by its CLI name (ndr20, ndr20be, ndr64; the call refuses the others).
[[nodiscard]] layout stub_layout(std::string_view name);

[[nodiscard]] py::object stub_to_py(call_stub&& stub);
// A copy of the stub a dhcpm.Stub object holds (TypeError for anything else).
[[nodiscard]] call_stub stub_from_py(py::handle object);

// The opnum 98 response (framing "response") and its call's stub.
[[nodiscard]] call_stub stub_of_response(get_client_info_response&& response);
[[nodiscard]] get_client_info_response response_of_stub(call_stub&& stub);

}  // namespace dhcpm::python
