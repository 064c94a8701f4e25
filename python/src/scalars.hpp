// One field's value between C++ and Python: numbers as int (range-checked
// when set), DHCP_IP_ADDRESS as ipaddress.IPv4Address, strings as str or
// None, DHCP_BINARY_DATA from bytes. What each accepts when set is the
// Python value and the JSON form of the CLI (a dotted quad, {"utf16": [...]},
// {"DataLength": N, "Data": "hex" or null}), so a dict in that form sets a
// value field by field.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "dhcpm/record_parts.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm::python {

namespace py = pybind11;

// An unsigned integer of at most `max`; ValueError (TypeError for a non-int) naming `field` otherwise.
[[nodiscard]] std::uint64_t unsigned_from_py(py::handle value, std::uint64_t max, std::string_view field);

[[nodiscard]] py::object ipv4_to_py(std::uint32_t address);
// An IPv4Address, a dotted quad or an int.
[[nodiscard]] std::uint32_t ipv4_from_py(py::handle value, std::string_view field);

// None for NULL; a str otherwise. UTF-16 that is not well formed keeps its
// unpaired surrogates as the code points U+D800..U+DFFF (Python's
// "surrogatepass"), so that no unit is lost.
[[nodiscard]] py::object string_to_py(std::u16string_view units, bool is_null);
[[nodiscard]] inline py::object string_to_py(const utf16_string& s) { return string_to_py(s.units(), s.is_null()); }
// None, a str (lone surrogates become those units), or the JSON form {"utf16": [units]}.
[[nodiscard]] utf16_string string_from_py(py::handle value, std::string_view field);

// None (DataLength 0, Data NULL), a bytes-like object (DataLength its size),
// a DHCP_BINARY_DATA, or {"DataLength": N, "Data": "hex" or null}.
[[nodiscard]] binary_data binary_from_py(py::handle value, std::string_view field);
[[nodiscard]] py::object bytes_to_py(std::span<const std::uint8_t> bytes);

// The bytes of a buffer-protocol object (bytes, bytearray, memoryview, mmap,
// array, ...), without a copy: C-contiguous, read as unsigned bytes.
// Holding one keeps the exporter from resizing or freeing the memory (a
// bytearray cannot be resized, an mmap cannot be closed, while it is held).
class input_buffer {
 public:
  explicit input_buffer(py::handle object);
  input_buffer(const input_buffer&) = delete;
  input_buffer& operator=(const input_buffer&) = delete;
  ~input_buffer() { PyBuffer_Release(&view_); }

  [[nodiscard]] std::span<const std::uint8_t> bytes() const noexcept {
    return {static_cast<const std::uint8_t*>(view_.buf), static_cast<std::size_t>(view_.len)};
  }
  // Whether another Python thread could change the bytes while the GIL is released.
  [[nodiscard]] bool writable() const noexcept { return view_.readonly == 0; }

 private:
  Py_buffer view_{};
};

}  // namespace dhcpm::python
