// fuzz_decode_call's libFuzzer mutator hook: stubs mutated a parameter at a
// time (harness/call_harness.hpp), in place of custom_mutator.cpp's record
// shapes. Cross-over stays libFuzzer's own.
#include <cstddef>
#include <cstdint>

#include "harness/call_harness.hpp"

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  return dhcpm::fuzz::mutate_call(data, size, max_size, seed);
}
