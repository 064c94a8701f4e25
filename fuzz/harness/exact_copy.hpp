// libFuzzer may hand a target a buffer larger than the input, and a corpus
// file read by the replay main sits in a vector with spare capacity; a copy of
// exactly `size` bytes on the heap turns every read past the end into an ASan
// report instead of a silent read of someone else's bytes (STYLE.md habit 8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "dhcpm/codec.hpp"

namespace dhcpm::fuzz {

class exact_copy {
 public:
  exact_copy(const std::uint8_t* data, std::size_t size) : bytes_(new std::uint8_t[size]), size_(size) {
    if (size != 0) std::memcpy(bytes_.get(), data, size);
  }

  [[nodiscard]] byte_span bytes() const noexcept { return {bytes_.get(), size_}; }

 private:
  std::unique_ptr<std::uint8_t[]> bytes_;  // new[0] is a valid, unreadable block
  std::size_t size_;
};

}  // namespace dhcpm::fuzz
