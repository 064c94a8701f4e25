// The arguments the codec functions share: a type, a layout and a framing by
// their CLI names (or a type by its class), the decode limits, and when the
// GIL may be let go.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "dhcpm/options.hpp"
#include "scalars.hpp"

namespace dhcpm::python {

namespace py = pybind11;

// A value_type from "client", "DHCP_CLIENT_INFO_PB", "DHCPV4_FAILOVER_CLIENT_INFO" or a record class.
[[nodiscard]] value_type type_from_py(py::handle type);
// The type of a record object (or, for a list, of its first element).
[[nodiscard]] value_type type_of_value(py::handle value, bool several);

// Where a value is in bytes being read: "auto" takes the pickle layout when
// the bytes start with a type serialization header (ValueError otherwise, as
// the CLI's usage error).
[[nodiscard]] wire_format read_format(std::span<const std::uint8_t> input, py::handle layout,
                                      std::string_view framing, std::uint64_t base, std::optional<std::uint64_t> at,
                                      bool all);
[[nodiscard]] wire_format write_format(py::handle layout, std::string_view framing, std::uint64_t base, bool all);

// decode_options' limits; unset ones keep their safe defaults.
struct limits {
  std::optional<std::uint32_t> max_elements;
  std::optional<std::uint32_t> max_string_units;
  std::optional<std::uint64_t> max_decoded_bytes;
  std::optional<std::uint32_t> max_warnings;
  std::uint32_t threads = 1;
};
[[nodiscard]] decode_options options_from(bool lenient, const limits& limit);

// Lets other Python threads run while dhcpm reads `input` — unless they could
// change it meanwhile (a bytearray, a writable mmap): then the GIL is kept.
class maybe_without_gil {
 public:
  explicit maybe_without_gil(const input_buffer& input) {
    if (!input.writable()) state_ = PyEval_SaveThread();
  }
  maybe_without_gil(const maybe_without_gil&) = delete;
  maybe_without_gil& operator=(const maybe_without_gil&) = delete;
  ~maybe_without_gil() {
    if (state_ != nullptr) PyEval_RestoreThread(state_);
  }

 private:
  PyThreadState* state_ = nullptr;
};

}  // namespace dhcpm::python
