// The headers of type serialization (MS-RPCE 2.2.6, 2.2.7): reading and
// checking the common header, and writing both headers canonically.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dhcpm/error.hpp"
#include "dhcpm/pickle.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// What a stream's common header decides for everything after it.
struct pickle_stream {
  pickle_kind kind;
  std::size_t common_header_size;   // 8 (v1) or 64 (v2)
  std::size_t private_header_size;  // 8 (v1) or 16 (v2)
  std::size_t body_alignment;       // bodies are padded to 8 (v1) or 16 (v2)
  order byte_order;                 // of the private headers and the bodies
};

[[nodiscard]] pickle_stream stream_of(pickle_kind kind) noexcept;

// Checks the common header at the start of `input`: version, data
// representation, header length and (version 2) the transfer syntax. With
// `expect`, the header must describe that kind.
[[nodiscard]] result<pickle_stream> read_common_header(std::span<const std::uint8_t> input,
                                                       std::optional<pickle_kind> expect);

void write_common_header(std::vector<std::uint8_t>& out, const pickle_stream& stream);

// Appends a private header with a zero ObjectBufferLength and returns where
// the length goes; patch_private_header fills it once the body is written.
[[nodiscard]] std::size_t begin_private_header(std::vector<std::uint8_t>& out, const pickle_stream& stream);
void patch_private_header(std::vector<std::uint8_t>& out, const pickle_stream& stream, std::size_t at,
                          std::uint32_t object_buffer_length);

}  // namespace dhcpm::detail
