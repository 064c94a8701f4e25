// fuzz_decode_family's libFuzzer mutator hook: values of the client-record
// family changed over their schema (harness/family_harness.hpp), in place of
// custom_mutator.cpp's failover shapes. Cross-over stays libFuzzer's own.
#include <cstddef>
#include <cstdint>

#include "harness/family_harness.hpp"

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  return dhcpm::fuzz::mutate_family(data, size, max_size, seed);
}
