// Appending wire integers to a byte buffer, through Boost.Endian. Padding is
// always written as zeros: canonical output.
#pragma once

#include <boost/endian/conversion.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dhcpm::detail {

class byte_writer {
 public:
  // Alignment is counted from `origin` (the start of the stub data or body).
  explicit byte_writer(std::vector<std::uint8_t>& out) noexcept : out_(out), origin_(out.size()) {}

  [[nodiscard]] std::size_t position() const noexcept { return out_.size(); }

  void align(std::size_t alignment) {
    const std::size_t rel = out_.size() - origin_;
    const std::size_t pad = (alignment - (rel & (alignment - 1))) & (alignment - 1);
    out_.insert(out_.end(), pad, std::uint8_t{0});
  }

  template <class T, std::size_t N, boost::endian::order O>
  void put(T value) {
    const std::size_t at = out_.size();
    out_.resize(at + N);
    boost::endian::endian_store<T, N, O>(out_.data() + at, value);
  }

  // Stores into bytes already written (a fixed-size part filled field by field).
  template <class T, std::size_t N, boost::endian::order O>
  void put_at(std::size_t at, T value) noexcept {
    boost::endian::endian_store<T, N, O>(out_.data() + at, value);
  }

  // Appends n zero bytes and returns where they start.
  std::size_t reserve_zeroed(std::size_t n) {
    const std::size_t at = out_.size();
    out_.resize(at + n);
    return at;
  }

  void put_bytes(const std::uint8_t* p, std::size_t n) { out_.insert(out_.end(), p, p + n); }

  // Bytes already written, to be filled in place (valid until the next append).
  [[nodiscard]] std::uint8_t* data_at(std::size_t at) noexcept { return out_.data() + at; }

 private:
  std::vector<std::uint8_t>& out_;
  std::size_t origin_;
};

}  // namespace dhcpm::detail
