#include "scalars.hpp"

#include <limits>
#include <optional>
#include <string>

namespace dhcpm::python {
namespace {

[[noreturn]] void value_error(std::string_view field, const std::string& what) {
  throw py::value_error(std::string(field) + ": " + what);
}
[[noreturn]] void type_error(std::string_view field, const std::string& what) {
  throw py::type_error(std::string(field) + ": " + what);
}

// ipaddress.IPv4Address, imported once. Never freed: the module lives until
// the interpreter ends, and a static py::object would be released after it.
py::handle ipv4_class() {
  static PyObject* cls = py::object(py::module_::import("ipaddress").attr("IPv4Address")).release().ptr();
  return cls;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::uint64_t unsigned_from_py(py::handle value, std::uint64_t max, std::string_view field) {
  if (!PyLong_Check(value.ptr())) {
    type_error(field, "expected an int, not " + std::string(py::str(py::type::of(value).attr("__name__"))));
  }
  int overflow = 0;
  const long long as_signed = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
  if (overflow < 0 || (overflow == 0 && as_signed < 0)) value_error(field, "a negative number cannot be stored");
  std::uint64_t n = static_cast<std::uint64_t>(as_signed);
  if (overflow > 0) {
    n = PyLong_AsUnsignedLongLong(value.ptr());
    if (PyErr_Occurred() != nullptr) {
      PyErr_Clear();
      value_error(field, "the number does not fit in 64 bits");
    }
  }
  if (n > max) value_error(field, std::to_string(n) + " is larger than " + std::to_string(max));
  return n;
}

py::object ipv4_to_py(std::uint32_t address) { return ipv4_class()(address); }

std::uint32_t ipv4_from_py(py::handle value, std::string_view field) {
  if (PyLong_Check(value.ptr())) {
    return static_cast<std::uint32_t>(unsigned_from_py(value, std::numeric_limits<std::uint32_t>::max(), field));
  }
  if (py::isinstance(value, ipv4_class()) || py::isinstance<py::str>(value)) {
    try {
      return py::cast<std::uint32_t>(py::int_(ipv4_class()(value)));
    } catch (const py::error_already_set& e) {
      if (!e.matches(PyExc_ValueError)) throw;
      value_error(field, "not an IPv4 address: " + std::string(py::str(py::repr(value))));
    }
  }
  type_error(field, "expected an ipaddress.IPv4Address, a dotted quad or an int");
}

py::object string_to_py(std::u16string_view units, bool is_null) {
  if (is_null) return py::none();
  int byteorder = -1;  // little-endian: the units are char16_t values, written out below
  std::u16string_view u = units;
  std::string le(u.size() * 2, '\0');
  for (std::size_t i = 0; i < u.size(); ++i) {
    le[2 * i] = static_cast<char>(u[i] & 0xFF);
    le[2 * i + 1] = static_cast<char>(u[i] >> 8);
  }
  PyObject* s = PyUnicode_DecodeUTF16(le.data(), static_cast<Py_ssize_t>(le.size()), "surrogatepass", &byteorder);
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(s);
}

utf16_string string_from_py(py::handle value, std::string_view field) {
  if (value.is_none()) return utf16_string::null();
  if (py::isinstance<py::str>(value)) {
    PyObject* encoded = PyUnicode_AsEncodedString(value.ptr(), "utf-16-le", "surrogatepass");
    if (encoded == nullptr) throw py::error_already_set();
    const py::bytes le = py::reinterpret_steal<py::bytes>(encoded);
    const std::string_view b = le;
    std::u16string units(b.size() / 2, u'\0');
    for (std::size_t i = 0; i < units.size(); ++i) {
      units[i] = static_cast<char16_t>(static_cast<unsigned char>(b[2 * i]) |
                                       static_cast<unsigned char>(b[2 * i + 1]) << 8);
    }
    return utf16_string::from_units(units);
  }
  if (py::isinstance<py::dict>(value)) {  // the JSON form of ill-formed UTF-16
    const py::dict d = py::reinterpret_borrow<py::dict>(value);
    if (d.size() == 1 && d.contains("utf16") && py::isinstance<py::list>(d["utf16"])) {
      std::u16string units;
      for (py::handle unit : d["utf16"]) units.push_back(static_cast<char16_t>(unsigned_from_py(unit, 0xFFFF, field)));
      return utf16_string::from_units(units);
    }
  }
  type_error(field, "expected a str, None or {\"utf16\": [units]}");
}

py::object bytes_to_py(std::span<const std::uint8_t> bytes) {
  return py::bytes(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

binary_data binary_from_py(py::handle value, std::string_view field) {
  if (value.is_none()) return {};
  if (py::isinstance<py::dict>(value)) {  // {"DataLength": N, "Data": "hex" or null}
    const py::dict d = py::reinterpret_borrow<py::dict>(value);
    if (d.size() != 2 || !d.contains("DataLength") || !d.contains("Data")) {
      type_error(field, "a dict must be {\"DataLength\": N, \"Data\": \"hex\" or None}");
    }
    binary_data out;
    out.data_length = static_cast<std::uint32_t>(
        unsigned_from_py(d["DataLength"], std::numeric_limits<std::uint32_t>::max(), std::string(field) + ".DataLength"));
    const py::handle data = d["Data"];
    if (data.is_none()) return out;
    if (py::isinstance<py::str>(data)) {
      const std::string hex = py::cast<std::string>(data);
      if (hex.size() % 2 != 0) value_error(field, "Data: an odd number of hex digits");
      byte_string bytes;
      for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hex_digit(hex[i]);
        const int lo = hex_digit(hex[i + 1]);
        if (hi < 0 || lo < 0) value_error(field, "Data: not hexadecimal");
        bytes.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
      }
      out.data = std::move(bytes);
      return out;
    }
    const input_buffer buffer(data);
    out.data = byte_string(buffer.bytes().begin(), buffer.bytes().end());
    return out;
  }
  if (!PyObject_CheckBuffer(value.ptr())) {
    type_error(field, "expected bytes (or another buffer), None, a DHCP_BINARY_DATA or its JSON form");
  }
  const input_buffer buffer(value);
  if (buffer.bytes().size() > std::numeric_limits<std::uint32_t>::max()) value_error(field, "more than 4 GiB");
  binary_data out;
  out.data_length = static_cast<std::uint32_t>(buffer.bytes().size());
  out.data = byte_string(buffer.bytes().begin(), buffer.bytes().end());
  return out;
}

input_buffer::input_buffer(py::handle object) {
  // PyBUF_SIMPLE: one contiguous run of bytes, or an error from the exporter.
  if (PyObject_GetBuffer(object.ptr(), &view_, PyBUF_SIMPLE) != 0) throw py::error_already_set();
}

}  // namespace dhcpm::python
