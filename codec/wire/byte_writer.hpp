// Appending wire integers to a byte buffer, through Boost.Endian. Padding is
// always written as zeros: canonical output.
//
// The writer keeps its own end and grows the vector ahead of it, zero-filled,
// so an append is a range check and a store, and padding and terminators need
// no writes at all. Callers that know the final size say so with reserve():
// then the buffer is allocated once, and zeroed 64 KiB at a time just ahead of
// the writes, so that they land in cache (zeroing a 30 MB output in one go
// and then writing it was a sixth of encoding 100,000 clients). The
// destructor gives the vector its final size.
#pragma once

#include <boost/endian/conversion.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace dhcpm::detail {

class byte_writer {
 public:
  // Alignment is counted from `origin` (the start of the stub data or body).
  explicit byte_writer(std::vector<std::uint8_t>& out) noexcept : out_(out), origin_(out.size()), end_(out.size()) {}
  byte_writer(const byte_writer&) = delete;
  byte_writer& operator=(const byte_writer&) = delete;
  ~byte_writer() { out_.resize(end_); }  // shrinking: never throws

  // Room for n more bytes, allocated now rather than by doubling.
  void reserve(std::size_t n) { out_.reserve(end_ + n); }

  [[nodiscard]] std::size_t position() const noexcept { return end_; }

  // The appends are a few instructions each and run per field: always inlined.
  [[gnu::always_inline]] void align(std::size_t alignment) {
    const std::size_t rel = end_ - origin_;
    const std::size_t pad = (alignment - (rel & (alignment - 1))) & (alignment - 1);
    room(pad);
    end_ += pad;  // the bytes past end_ are zero
  }

  template <class T, std::size_t N, boost::endian::order O>
  void put(T value) {
    room(N);
    boost::endian::endian_store<T, N, O>(out_.data() + end_, value);
    end_ += N;
  }

  // Stores into bytes already written (a fixed-size part filled field by field).
  template <class T, std::size_t N, boost::endian::order O>
  void put_at(std::size_t at, T value) noexcept {
    boost::endian::endian_store<T, N, O>(out_.data() + at, value);
  }

  // Appends n zero bytes and returns where they start.
  [[gnu::always_inline]] std::size_t reserve_zeroed(std::size_t n) {
    room(n);
    const std::size_t at = end_;
    end_ += n;
    return at;
  }

  void put_bytes(const std::uint8_t* p, std::size_t n) {
    room(n);
    if (n != 0) std::memcpy(out_.data() + end_, p, n);
    end_ += n;
  }

  // Bytes already written, to be filled in place (valid until the next append).
  [[nodiscard]] std::uint8_t* data_at(std::size_t at) noexcept { return out_.data() + at; }

 private:
  [[gnu::always_inline]] void room(std::size_t n) {
    if (n > out_.size() - end_) [[unlikely]] grow(n);
  }
  // Zero-fills the next chunk of the capacity, or (past the capacity) lets
  // the vector reallocate geometrically.
  void grow(std::size_t n) {
    constexpr std::size_t chunk = 64 * 1024;
    const std::size_t needed = end_ + n;
    const std::size_t ahead = std::min(std::max(out_.capacity(), needed), out_.size() + chunk);
    out_.resize(std::max(needed, ahead));
  }

  std::vector<std::uint8_t>& out_;  // out_[end_, size()) is zero
  std::size_t origin_;
  std::size_t end_;
};

}  // namespace dhcpm::detail
