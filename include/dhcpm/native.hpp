// The record as a Windows process holds it: a memory image (bytes plus the
// virtual address of the first byte) in which the struct's pointers are
// absolute addresses of strings and bytes elsewhere in the image
// (DESIGN.md §5). layout::x64 and layout::x86 in the generic entry points
// mean an image based at default_image_base with the value at its base.
#pragma once

#include <cstdint>

#include "dhcpm/codec.hpp"

namespace dhcpm {

struct native_image {
  byte_span bytes;
  std::uint64_t base = default_image_base;  // virtual address of bytes[0]
};

// Decodes the value at virtual address `at` of the image. `wire` is layout::x64
// or layout::x86. Every pointer must lead to a pointee that lies wholly inside
// the image; strings must end in a NUL inside the image and within
// max_string_units; strict mode also checks alignment and that an array's
// records do not overlap its pointer table. Many pointers to one string are
// each charged against max_decoded_bytes.
[[nodiscard]] result<decoded<client_info>> decode_native_client(native_image image, std::uint64_t at, layout wire,
                                                                const decode_options& options = {});
[[nodiscard]] result<decoded<client_info_array>> decode_native_array(native_image image, std::uint64_t at,
                                                                     layout wire, const decode_options& options = {});

// Writes an image based at `base` (a multiple of 16): the value at the base,
// then its referents in field order, structs aligned to 8 (x64) or 4 (x86),
// strings to 2 — the layout of the golden vectors.
[[nodiscard]] result<bytes> encode_native(const client_info& value, layout wire,
                                          std::uint64_t base = default_image_base);
[[nodiscard]] result<bytes> encode_native(const client_info_array& value, layout wire,
                                          std::uint64_t base = default_image_base);

}  // namespace dhcpm
