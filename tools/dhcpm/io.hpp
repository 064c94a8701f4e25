// Whole-file input and output for the commands: a path, or "-" for stdin /
// stdout. Binary-safe; every failure is a value naming the path and errno.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dhcpm::cli {

// The path that means stdin (input) or stdout (output).
inline constexpr std::string_view standard_stream = "-";

struct io_error {
  std::string path;          // as the user gave it; "<stdin>"/"<stdout>" for "-"
  std::uint64_t offset = 0;  // bytes read or written before the failure
  int errno_value = 0;
};

// `io at offset 0x<hex>: <path>: <strerror>` — the shape of dhcpm::format_error.
[[nodiscard]] std::string format_io_error(const io_error& e);

// Every byte of the file (or of stdin for "-").
[[nodiscard]] std::variant<std::vector<std::uint8_t>, io_error> read_all(const std::string& path);

// Writes data to the file (created or truncated) or to stdout for "-",
// unbuffered, so that a full disk or a closed pipe is reported here.
[[nodiscard]] std::variant<std::monostate, io_error> write_all(const std::string& path,
                                                               std::span<const std::uint8_t> data);

// The same memory seen as bytes or as text (char and uint8_t may alias).
[[nodiscard]] inline std::span<const std::uint8_t> as_byte_span(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}
[[nodiscard]] inline std::string_view as_text(std::span<const std::uint8_t> data) noexcept {
  return {reinterpret_cast<const char*>(data.data()), data.size()};
}

}  // namespace dhcpm::cli
