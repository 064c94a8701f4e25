// The regions of type serialization's own bytes: the common header's fields
// and each value's private header. The headers were checked by
// read_common_header and walk_pickled; this only names their bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "dissect/region_output.hpp"
#include "pickle/pickle_header.hpp"

namespace dhcpm::detail {

void put_common_header_regions(std::span<const std::uint8_t> input, const pickle_stream& stream, region_output& out);

// The private header at `at`; `prefix` is "" or "[1]" for later values.
void put_private_header_regions(std::span<const std::uint8_t> input, const pickle_stream& stream, std::size_t at,
                                std::uint32_t value_index, region_output& out);

}  // namespace dhcpm::detail
