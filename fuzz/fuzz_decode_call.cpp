// Decodes the stub data of every call of call_table in every NDR layout, the
// two picked by the input's first two bytes (harness/call_harness.hpp):
// decode and validate agree, dissect tiles every byte, and what strict
// decoding accepts re-encodes to itself — each call under the resource
// bound. Its mutator (harness/call_mutator.cpp) changes one parameter of a
// decoded stub at a time.
#include <cstddef>
#include <cstdint>

#include "harness/call_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dhcpm::fuzz::fuzz_decode_call(data, size);
}
