// Bounds-checked reading of wire integers. Every range check is done by
// subtraction on sizes (`n <= size - pos`), never by forming a pointer past the
// end, and every integer is loaded through Boost.Endian (memcpy-based, so
// unaligned input is fine).
#pragma once

#include <boost/endian/conversion.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace dhcpm::detail {

using boost::endian::order;

// Loads an unsigned integer of N bytes at p, in byte order O. The caller has
// checked that the N bytes are there.
template <class T, std::size_t N, order O>
[[nodiscard]] inline T load(const std::uint8_t* p) noexcept {
  return boost::endian::endian_load<T, N, O>(p);
}

// Loads an unsigned integer of `size` bytes (1, 2, 4 or 8) in order O.
template <order O>
[[nodiscard]] inline std::uint64_t load_uint(const std::uint8_t* p, std::size_t size) noexcept {
  switch (size) {
    case 0: return 0;  // a slot a layout leaves out (a union's tag in memory)
    case 1: return p[0];
    case 2: return load<std::uint16_t, 2, O>(p);
    case 4: return load<std::uint32_t, 4, O>(p);
    default: return load<std::uint64_t, 8, O>(p);
  }
}

// Stores the low `size` bytes (0, 1, 2, 4 or 8) of value at p in order O.
template <order O>
inline void store_uint(std::uint8_t* p, std::size_t size, std::uint64_t value) noexcept {
  switch (size) {
    case 0: break;  // a slot a layout leaves out
    case 1: p[0] = static_cast<std::uint8_t>(value); break;
    case 2: boost::endian::endian_store<std::uint16_t, 2, O>(p, static_cast<std::uint16_t>(value)); break;
    case 4: boost::endian::endian_store<std::uint32_t, 4, O>(p, static_cast<std::uint32_t>(value)); break;
    default: boost::endian::endian_store<std::uint64_t, 8, O>(p, value); break;
  }
}

class byte_reader {
 public:
  // origin is the offset from which alignment is counted: NDR aligns relative
  // to the start of the stub data (or of a pickled body), not of the buffer.
  explicit byte_reader(std::span<const std::uint8_t> input, std::size_t origin = 0) noexcept
      : data_(input.data()), size_(input.size()), origin_(origin), pos_(origin) {}

  [[nodiscard]] std::size_t position() const noexcept { return pos_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t remaining() const noexcept { return size_ - pos_; }
  [[nodiscard]] const std::uint8_t* data() const noexcept { return data_; }
  [[nodiscard]] std::size_t origin() const noexcept { return origin_; }
  [[nodiscard]] bool fits(std::size_t n) const noexcept { return n <= size_ - pos_; }

  // The position after padding to a multiple of `alignment` (a power of two)
  // relative to the origin. May lie past the end; callers check with fits_at.
  [[nodiscard]] std::size_t aligned(std::size_t alignment) const noexcept {
    const std::size_t rel = pos_ - origin_;
    return pos_ + ((alignment - (rel & (alignment - 1))) & (alignment - 1));
  }
  [[nodiscard]] bool fits_at(std::size_t at, std::size_t n) const noexcept {
    return at <= size_ && n <= size_ - at;
  }

  void seek(std::size_t at) noexcept { pos_ = at; }
  void skip(std::size_t n) noexcept { pos_ += n; }

  template <class T, std::size_t N, order O>
  [[nodiscard]] T load_at(std::size_t at) const noexcept {
    return load<T, N, O>(data_ + at);
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t origin_;
  std::size_t pos_;
};

}  // namespace dhcpm::detail
