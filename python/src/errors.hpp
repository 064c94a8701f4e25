// dhcpm's errors in Python. A failure raises dhcpm.DecodeError (decoding,
// validating, reading JSON) or dhcpm.EncodeError (encoding, converting),
// both ValueErrors and dhcpm.Error, with the library's error as attributes:
// .code ("truncated"), .offset, .path ("Clients[3].OwnerHost.HostName") and
// .message; str() of one is the CLI's error line without "error: ". Lenient
// decoding's warnings are dhcpm.Warning objects with the same attributes.
#pragma once

#include <pybind11/pybind11.h>

#include <vector>

#include "dhcpm/error.hpp"

namespace dhcpm::python {

namespace py = pybind11;

void bind_errors(py::module_& m);

[[noreturn]] void raise_decode_error(const error& e);
[[noreturn]] void raise_encode_error(const error& e);

[[nodiscard]] py::list warnings_to_py(const std::vector<error>& warnings);

}  // namespace dhcpm::python
