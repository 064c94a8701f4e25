// The body of fuzz_differential: the implementations that read the same bytes
// must agree. The owning decoder and the zero-copy view accept and reject the
// same inputs, with the same error (code, offset, field path) and warnings,
// and give the same value field by field; dissect stops where decoding fails
// and its regions tile the bytes; and a value decoded from one layout
// survives conversion to every other layout that can hold it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dhcpm::fuzz {

int fuzz_differential(const std::uint8_t* data, std::size_t size);

}  // namespace dhcpm::fuzz
